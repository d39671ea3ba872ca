/**
 * The one typed message protocol, the senders' side and the content script's receiving side.
 * Every message is parsed with zod on receipt and only our own extension's senders are trusted;
 * the background's receiving side is lib/background/on-message.ts (apart, so the content script
 * does not carry the schemas of every message to the background).
 */
import { browser } from 'wxt/browser';
import { type OverlayMessage, overlayMessageSchema, type Reply, replySchema } from './schema/from-background';
import type { ContentMessage, UiMessage } from './schema/messages';

export interface SenderLike {
  id?: string;
  tab?: { id?: number };
  url?: string;
}

/** True when the sender is this extension (its pages or its content scripts). */
export function isOwnSender(sender: SenderLike): boolean {
  return sender.id === browser.runtime.id;
}

export async function sendToBackground(message: ContentMessage | UiMessage): Promise<Reply> {
  const raw: unknown = await browser.runtime.sendMessage(message);
  const parsed = replySchema.safeParse(raw);
  return parsed.success ? parsed.data : { ok: false, error: 'no valid reply from the background' };
}

/** Content script side: receives overlay updates from our background only. */
export function onOverlayMessage(cb: (message: OverlayMessage) => void): () => void {
  const listener = (raw: unknown, sender: SenderLike) => {
    if (!isOwnSender(sender)) return;
    const parsed = overlayMessageSchema.safeParse(raw);
    if (parsed.success) cb(parsed.data);
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}
