/**
 * The background's receiving side of the message protocol (lib/messaging.ts is the senders'
 * side): every message is parsed with zod, only our own extension's senders are trusted, and a
 * message type is accepted only from the kind of sender that may send it. Replies go through
 * sendResponse (the listener returns true), which both Chromium and WXT's fake browser honour.
 */
import { browser } from 'wxt/browser';
import { isOwnSender, type SenderLike } from '../messaging';
import type { OverlayMessage, Reply } from '../schema/from-background';
import { type Message, messageSchema, type UiMessage } from '../schema/messages';

/**
 * True when the sender is one of our extension pages (side panel, popup, options), not a content
 * script running inside a web page: the browser sets `sender.url` to the sending document's URL.
 */
export function isExtensionPage(sender: SenderLike): boolean {
  return typeof sender.url === 'string' && sender.url.startsWith(browser.runtime.getURL('/'));
}

/** Every UI message type (the `satisfies` makes a new one in the schema a type error here). */
const UI_TYPES: ReadonlySet<string> = new Set(
  Object.keys({
    'set-vix-curve': true,
    'clear-vix-curve': true,
    recompute: true,
    'read-this-tab': true,
  } satisfies Record<UiMessage['type'], true>),
);

/**
 * Why a well-formed message is refused for its sender, or null. Content scripts live inside web
 * pages, so they may only report what they read; the user's own actions (a VIX curve entered by
 * hand, reading another tab, re-planning a tab) come only from our extension pages. A content script
 * a page managed to subvert can then neither replace the VIX curve nor inject into other tabs.
 */
export function refusedFor(message: Message, sender: SenderLike): string | null {
  const fromPage = isExtensionPage(sender);
  if (UI_TYPES.has(message.type) && !fromPage)
    return `"${message.type}" comes only from the extension's own pages, not from a content script`;
  if (!UI_TYPES.has(message.type) && (fromPage || sender.tab?.id === undefined))
    return `"${message.type}" comes only from a content script in a tab`;
  return null;
}

/**
 * Registers the background's handler; invalid or foreign messages get `{ ok: false }`.
 * `onRefused` hears of a malformed message from one of our content scripts (its tab's plan
 * is then stale: the page's latest read did not arrive).
 */
export function onMessage(
  handler: (message: Message, sender: { tabId: number | null; url: string | null }) => Promise<Reply>,
  onRefused?: (tabId: number, why: string) => void,
): void {
  browser.runtime.onMessage.addListener((raw: unknown, sender: SenderLike, sendResponse) => {
    const reply = (r: Reply) => sendResponse(r);
    if (!isOwnSender(sender)) {
      reply({ ok: false, error: 'sender is not this extension' });
      return true;
    }
    const parsed = messageSchema.safeParse(raw);
    if (!parsed.success) {
      const why = `malformed message: ${parsed.error.issues[0]?.message ?? 'invalid'}`;
      const tabId = sender.tab?.id;
      if (tabId !== undefined && onRefused) onRefused(tabId, why);
      reply({ ok: false, error: why });
      return true;
    }
    const refused = refusedFor(parsed.data, sender);
    if (refused) {
      reply({ ok: false, error: refused });
      return true;
    }
    handler(parsed.data, { tabId: sender.tab?.id ?? null, url: sender.url ?? null }).then(reply, (err) =>
      reply({ ok: false, error: err instanceof Error ? err.message : String(err) }),
    );
    return true;
  });
}

/** Background → one tab's content script. A tab without our content script is not an error. */
export async function sendOverlay(tabId: number, message: OverlayMessage): Promise<void> {
  try {
    await browser.tabs.sendMessage(tabId, message);
  } catch {
    // No receiver in that tab (not a supported page, or it navigated away): nothing to draw.
  }
}
