import * as z from 'zod/mini';
import { readFailureSchema, snapshotSchema, vixCurveSnapshotSchema } from './snapshot';
import { readerStatusSchema } from './tab-state';

/** zod/mini: the content script carries these. */
const url = z.string().check(z.maxLength(4_000));

/** The background's reply to a partial snapshot it cannot merge (no fresh chain held for the tab). */
export const PARTIAL_REFUSED = 'partial snapshot refused: no fresh chain held for this tab';

/** Content script → background: what the reader found on the page. */
export const contentMessageSchema = z.discriminatedUnion('type', [
  /**
   * `partial`: the chain holds only the rows changed since the last snapshot this tab sent
   * (lib/content/snapshot-delta.ts); the background merges it over the chain it holds.
   */
  z.object({
    type: z.literal('snapshot'),
    url: url,
    snapshot: snapshotSchema,
    partial: z.optional(z.boolean()),
  }),
  z.object({
    type: z.literal('read-failed'),
    url: url,
    reader: z.nullable(z.string().check(z.maxLength(64))),
    failure: readFailureSchema,
  }),
  /** A read started; `rows` counts the page's table rows (so a big page can say "Reading… 12,000 rows"). */
  z.object({
    type: z.literal('reading'),
    url: url,
    rows: z.optional(z.int().check(z.nonnegative(), z.maximum(10_000_000))),
  }),
  /** The content script asks for the current plan when it (re)starts. */
  z.object({ type: z.literal('hello'), url: url }),
]);
export type ContentMessage = z.infer<typeof contentMessageSchema>;

/** Extension pages (side panel, popup, options) → background. */
export const uiMessageSchema = z.discriminatedUnion('type', [
  /** A VIX curve entered by hand or imported from CSV; stored and used for every tab. */
  z.object({ type: z.literal('set-vix-curve'), snapshot: vixCurveSnapshotSchema }),
  z.object({ type: z.literal('clear-vix-curve') }),
  /** Re-run the engine for a tab (e.g. after the user changed inputs). */
  z.object({ type: z.literal('recompute'), tabId: z.int() }),
  /** Read a page on a site without a standing permission (activeTab grant + on-demand injection). */
  z.object({ type: z.literal('read-this-tab'), tabId: z.int() }),
]);
export type UiMessage = z.infer<typeof uiMessageSchema>;

export const messageSchema = z.union([contentMessageSchema, uiMessageSchema]);
export type Message = z.infer<typeof messageSchema>;

/** Background → content script: the plan to draw on the page (null = remove the overlay). */
export const overlayMessageSchema = z.object({
  type: z.literal('overlay'),
  enabled: z.boolean(),
  plan: z.nullable(z.unknown()),
  status: readerStatusSchema,
  /** A warning for the chip (stale plan, storage problem); absent or null = none. */
  notice: z.optional(z.nullable(z.string().check(z.maxLength(2_000)))),
});
export type OverlayMessage = z.infer<typeof overlayMessageSchema>;

/** Every reply from the background. */
export const replySchema = z.union([
  z.object({ ok: z.literal(true) }),
  z.object({ ok: z.literal(false), error: z.string().check(z.maxLength(2_000)) }),
]);
export type Reply = z.infer<typeof replySchema>;
