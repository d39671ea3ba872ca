import * as z from 'zod/mini';
import { chainSnapshotSchema, readFailureSchema, vixCurveSnapshotSchema } from './snapshot';

/**
 * What the background knows about one tab: reader status, the merged snapshots, the plan.
 * The background is the only writer (session storage, key `tab:<id>`); UIs watch it.
 * The plan is kept as unknown here and parsed by lib/schema/plan.ts where it is read.
 * zod/mini: the content script carries the reader status schema.
 */
export const readerStatusSchema = z.discriminatedUnion('state', [
  z.object({ state: z.literal('idle') }),
  z.object({ state: z.literal('reading') }),
  z.object({
    state: z.literal('read'),
    rows: z.int().check(z.nonnegative()),
    reader: z.string().check(z.maxLength(64)),
  }),
  z.object({
    state: z.literal('failed'),
    failure: readFailureSchema,
    reader: z.nullable(z.string().check(z.maxLength(64))),
  }),
]);
export type ReaderStatus = z.infer<typeof readerStatusSchema>;

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
});
export type TabState = z.infer<typeof tabStateSchema>;
