import * as z from 'zod/mini';
import { type ReaderStatus, readerStatusSchema } from './reader-status';
import { chainSnapshotSchema, vixCurveSnapshotSchema } from './snapshot';

/** Something the surfaces must say about this tab's plan (the side panel and the page chip show it). */
export const tabNoticeSchema = z.object({
  /** stale: the last snapshot was refused; storage: saving failed or was cut; vix-source: a VIX input was not used. */
  kind: z.enum(['stale', 'storage', 'vix-source']),
  detail: z.string().check(z.maxLength(2_000)),
});

/** Where the VIX option chain Layer 2 used came from (every tab shares it). */
export const vixChainSourceSchema = z.object({
  reader: z.string().check(z.maxLength(64)),
  url: z.string().check(z.maxLength(4_000)),
  readAt: z.string().check(z.maxLength(64)),
  quoteTime: z.nullable(z.string().check(z.maxLength(64))),
});

export type VixChainSource = z.infer<typeof vixChainSourceSchema>;

/**
 * What the background knows about one tab: reader status, the merged snapshots, the plan.
 * The background is the only writer (session storage, key `tab:<id>`); UIs watch it.
 * The plan is kept as unknown here and parsed by lib/schema/plan.ts where it is read.
 */
export const tabStateSchema = z.object({
  tabId: z.int(),
  url: z.string().check(z.maxLength(4_000)),
  status: readerStatusSchema,
  chain: z.nullable(chainSnapshotSchema),
  vixCurve: z.nullable(vixCurveSnapshotSchema),
  plan: z.nullable(z.unknown()),
  /** Why no plan could be made (engine input missing or failed), shown as is. */
  planError: z.nullable(z.string().check(z.maxLength(2_000))),
  /** ISO instant of the last change. */
  updatedAt: z.string(),
  /** What the surfaces must say (stale plan, storage problem, VIX input not used); absent = none. */
  notices: z.optional(z.array(tabNoticeSchema).check(z.maxLength(6))),
  /** Source of the shared VIX option chain the plan used; absent or null = none used. */
  vixChain: z.optional(z.nullable(vixChainSourceSchema)),
});
export type TabState = z.infer<typeof tabStateSchema>;
export type { ReaderStatus };
