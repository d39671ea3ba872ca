import * as z from 'zod/mini';
import { readFailureSchema, snapshotSchema, vixCurveSnapshotSchema } from './snapshot';

/**
 * Messages to the background, parsed there (lib/background/on-message.ts). What the background
 * sends back is in lib/schema/from-background.ts, the part the content script carries.
 */
const url = z.string().check(z.maxLength(4_000));

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
