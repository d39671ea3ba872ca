/**
 * What a content script does on a chain page: read it live, send snapshots to the background,
 * draw the plan the background sends back. Shared by the content script of the supported
 * sites and the one injected on demand (activeTab) elsewhere; the overlay is passed in so
 * lib does not depend on components.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { onOverlayMessage, sendToBackground } from '../messaging';
// Direct imports, not the readers index: the index also brings CSV import (papaparse),
// which a content script never uses.
import { OVERLAY_ATTRIBUTE, startLiveReading } from '../readers/live';
import { readPageWorldMessage } from '../readers/page-world/receive';
import { readPage } from '../readers/read-page';
import type { ReadResult } from '../readers/types';
import type { OverlayMessage } from '../schema/messages';

export interface OverlayHandle {
  update: (message: OverlayMessage) => void;
  remove: () => void;
}

function isOwnNode(n: Node): boolean {
  const el = n instanceof Element ? n : n.parentElement;
  return el?.closest(`[${OVERLAY_ATTRIBUTE}]`) != null;
}

export function startContentScript(ctx: ContentScriptContext, mount: (doc: Document) => OverlayHandle): void {
  const overlay = mount(document);
  let live: (() => void) | null = null;
  const send = (result: ReadResult) => {
    const url = location.href;
    const messages = result.ok
      ? result.snapshots.map((snapshot) => ({ type: 'snapshot' as const, url, snapshot }))
      : [{ type: 'read-failed' as const, url, reader: result.reader, failure: result.failure }];
    // A rejected send means the extension was updated or removed under the page: stop quietly.
    for (const m of messages)
      sendToBackground(m).then(
        (reply) => {
          if (!reply.ok) console.warn(`[ALVH Overlay] the background refused the ${m.type}: ${reply.error}`);
        },
        () => live?.(),
      );
  };
  const handle = startLiveReading({
    doc: document,
    url: () => location.href,
    now: () => new Date().toISOString(),
    onResult: send,
    isOwnNode,
    setTimeout: (fn, ms) => ctx.setTimeout(fn, ms),
    clearTimeout: (id) => clearTimeout(id),
    read: readPage,
  });
  live = handle;
  // Data our page-world script observed (Cboe JSON, Barchart grid): parsed with zod and
  // size-bounded by readPageWorldMessage; anything else the page posts is ignored.
  ctx.addEventListener(window, 'message', (event: MessageEvent) => {
    if (event.source !== window) return;
    const result = readPageWorldMessage(event.data, location.href, new Date().toISOString());
    if (result) send(result);
  });
  const stopOverlayMessages = onOverlayMessage((m) => overlay.update(m));
  ctx.addEventListener(window, 'wxt:locationchange', () => handle.refresh());
  sendToBackground({ type: 'hello', url: location.href }).catch(() => {});
  ctx.onInvalidated(() => {
    handle();
    stopOverlayMessages();
    overlay.remove();
  });
}
