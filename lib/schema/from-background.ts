import * as z from 'zod/mini';
import { readerStatusSchema } from './reader-status';

/**
 * What the background sends: overlay updates to a tab's content script and replies to every
 * message. The content script parses these and carries this file; messages to the background are
 * in lib/schema/messages.ts (importing a module builds every zod schema in it, and the content
 * script's size has a budget).
 */

/** The background's reply to a partial snapshot it cannot merge (no fresh chain held for the tab). */
export const PARTIAL_REFUSED = 'partial snapshot refused: no fresh chain held for this tab';

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
