import { z } from 'zod';
import { chainSnapshotSchema, readFailureSchema, vixCurveSnapshotSchema } from './snapshot';

/**
 * What the background knows about one tab: reader status, the merged snapshots, the plan.
 * The background is the only writer (session storage, key `tab:<id>`); UIs watch it.
 * The plan is kept as unknown here and parsed by lib/schema/plan.ts where it is read.
 */
export const readerStatusSchema = z.discriminatedUnion('state', [
  z.object({ state: z.literal('idle') }),
  z.object({ state: z.literal('reading') }),
  z.object({ state: z.literal('read'), rows: z.number().int().nonnegative(), reader: z.string().max(64) }),
  z.object({ state: z.literal('failed'), failure: readFailureSchema, reader: z.string().max(64).nullable() }),
]);
export type ReaderStatus = z.infer<typeof readerStatusSchema>;

export const tabStateSchema = z.object({
  tabId: z.number().int(),
  url: z.string().max(4_000),
  status: readerStatusSchema,
  chain: chainSnapshotSchema.nullable(),
  vixCurve: vixCurveSnapshotSchema.nullable(),
  plan: z.unknown().nullable(),
  /** Why no plan could be made (engine input missing or failed), shown as is. */
  planError: z.string().max(2_000).nullable(),
  /** ISO instant of the last change. */
  updatedAt: z.string(),
});
export type TabState = z.infer<typeof tabStateSchema>;
