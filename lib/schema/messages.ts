import { z } from 'zod';
import { readFailureSchema, snapshotSchema, vixCurveSnapshotSchema } from './snapshot';
import { readerStatusSchema } from './tab-state';

/** Content script → background: what the reader found on the page. */
export const contentMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('snapshot'), url: z.string().max(4_000), snapshot: snapshotSchema }),
  z.object({
    type: z.literal('read-failed'),
    url: z.string().max(4_000),
    reader: z.string().max(64).nullable(),
    failure: readFailureSchema,
  }),
  z.object({ type: z.literal('reading'), url: z.string().max(4_000) }),
  /** The content script asks for the current plan when it (re)starts. */
  z.object({ type: z.literal('hello'), url: z.string().max(4_000) }),
]);
export type ContentMessage = z.infer<typeof contentMessageSchema>;

/** Extension pages (side panel, popup, options) → background. */
export const uiMessageSchema = z.discriminatedUnion('type', [
  /** A VIX curve entered by hand or imported from CSV; stored and used for every tab. */
  z.object({ type: z.literal('set-vix-curve'), snapshot: vixCurveSnapshotSchema }),
  z.object({ type: z.literal('clear-vix-curve') }),
  /** Re-run the engine for a tab (e.g. after the user changed inputs). */
  z.object({ type: z.literal('recompute'), tabId: z.number().int() }),
  /** Read a page on a site without a standing permission (activeTab grant + on-demand injection). */
  z.object({ type: z.literal('read-this-tab'), tabId: z.number().int() }),
]);
export type UiMessage = z.infer<typeof uiMessageSchema>;

export const messageSchema = z.union([contentMessageSchema, uiMessageSchema]);
export type Message = z.infer<typeof messageSchema>;

/** Background → content script: the plan to draw on the page (null = remove the overlay). */
export const overlayMessageSchema = z.object({
  type: z.literal('overlay'),
  enabled: z.boolean(),
  plan: z.unknown().nullable(),
  status: readerStatusSchema,
});
export type OverlayMessage = z.infer<typeof overlayMessageSchema>;

/** Every reply from the background. */
export const replySchema = z.union([
  z.object({ ok: z.literal(true) }),
  z.object({ ok: z.literal(false), error: z.string().max(2_000) }),
]);
export type Reply = z.infer<typeof replySchema>;
