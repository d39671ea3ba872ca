/**
 * What a content script does on a chain page: read it live, send snapshots to the background,
 * draw the plan the background sends back. Shared by the content script of the supported
 * sites and the one injected on demand (activeTab) elsewhere; the overlay is passed in so
 * lib does not depend on components.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { Snapshot } from '../engine/snapshot-types';
import { onOverlayMessage, sendToBackground } from '../messaging';
// Direct imports, not the readers index: the index also brings CSV import (papaparse),
// which a content script never uses.
import { OVERLAY_ATTRIBUTE, startLiveReading } from '../readers/live';
import { PAGE_WORLD_HOSTS } from '../readers/page-world/protocol';
import { readPageWorldMessageSliced } from '../readers/page-world/receive';
import { readPageSliced } from '../readers/read-page';
import { recordedLegRows } from '../readers/row-index';
import type { ReadResult } from '../readers/types';
import { type OverlayMessage, PARTIAL_REFUSED } from '../schema/from-background';
import type { ContentMessage } from '../schema/messages';
import { contextTimers } from './context-timers';
import { deltaSender } from './snapshot-delta';

export interface OverlayHandle {
  update: (message: OverlayMessage) => void;
  remove: () => void;
}

/** How long a good read of page-world data outranks the DOM reader's failure on the same page, ms. */
const PAGE_WORLD_FRESH_MS = 60_000;
/**
 * Longest stretch of reading before the page gets its main thread back, ms. A slice runs on to
 * the end of its step (and any garbage collection in it), so this leaves room below the 50 ms
 * of a long task: at 40, slices of the 12 MB Cboe payload came close to it on a busy machine.
 */
const READ_SLICE_MS = 30;

function isOwnNode(n: Node): boolean {
  const el = n instanceof Element ? n : n.parentElement;
  return el?.closest(`[${OVERLAY_ATTRIBUTE}]`) != null;
}

export function startContentScript(
  ctx: ContentScriptContext,
  mount: (doc: Document, options: { recordedRows: typeof recordedLegRows }) => OverlayHandle,
): void {
  // The overlay puts badges on the rows the reader read (elements stay in this script).
  const overlay = mount(document, { recordedRows: recordedLegRows });
  let live: (() => void) | null = null;
  /** Page and Date.now() ms of the last good snapshot from page-world data. */
  let pageWorldGood: { url: string; at: number } | null = null;
  // After the first full chain, a live page's reads go out without their unchanged rows.
  const delta = deltaSender();
  /** The latest full chain read, resent whole when the background refuses a partial one. */
  let latestChain: Snapshot | null = null;
  const post = (m: ContentMessage) =>
    // A rejected send means the extension was updated or removed under the page: stop quietly.
    sendToBackground(m).then(
      (reply) => {
        if (reply.ok) return;
        // Whatever the background did not take, the next chain goes whole: a partial one
        // would leave out rows it never got.
        if (m.type === 'snapshot') delta.reset();
        if (m.type === 'snapshot' && m.partial && reply.error === PARTIAL_REFUSED && latestChain)
          void post({ type: 'snapshot', url: m.url, snapshot: delta.next(latestChain).snapshot });
        else console.warn(`[ALVH Overlay] the background refused the ${m.type}: ${reply.error}`);
      },
      () => live?.(),
    );
  const send = (result: ReadResult) => {
    const url = location.href;
    if (!result.ok) {
      void post({ type: 'read-failed', url, reader: result.reader, failure: result.failure });
      return;
    }
    for (const full of result.snapshots) {
      if (full.kind === 'option-chain') latestChain = full;
      const { snapshot, partial } = delta.next(full);
      void post(partial ? { type: 'snapshot', url, snapshot, partial } : { type: 'snapshot', url, snapshot });
    }
  };
  const timers = contextTimers(ctx);
  const sliceYield = () =>
    new Promise<void>((resolve, reject) => {
      if (ctx.isInvalid) reject(new Error('Extension context invalidated'));
      else timers.setTimeout(resolve, 0);
    });
  // Say a read started, with the page's table rows, before the first (possibly long) read: the
  // chip and the side panel show "Reading… 12,000 rows" instead of nothing.
  const pageRows = document.querySelectorAll('tr, [role="row"]').length;
  sendToBackground({ type: 'reading', url: location.href, rows: pageRows }).catch(() => {});
  const handle = startLiveReading({
    doc: document,
    url: () => location.href,
    now: () => new Date().toISOString(),
    onResult: (result) => {
      // Barchart: the DOM grid is empty while the page-world data is fine; its failure
      // would replace the good snapshot, so it is not sent while that one is fresh.
      const fresh =
        pageWorldGood?.url === location.href && Date.now() - pageWorldGood.at < PAGE_WORLD_FRESH_MS;
      if (!result.ok && fresh) return;
      send(result);
    },
    isOwnNode,
    setTimeout: timers.setTimeout,
    clearTimeout: timers.clearTimeout,
    // Read in slices, giving the page its main thread back between them (timers die with ctx).
    read: (doc, url, nowIso) =>
      readPageSliced(doc, url, nowIso, {
        budgetMs: READ_SLICE_MS,
        yieldEvery: sliceYield,
      }),
  });
  live = handle;
  // Data our page-world script observed (Cboe JSON, Barchart grid), listened to only on the
  // hosts where that script runs and only in the shape that host's observer posts: parsed
  // with zod, size-bounded and read in slices; anything else the page posts is ignored.
  // Own keys only: a page on a host named like an inherited key ("constructor") is not one of them.
  const pageWorldKind = Object.hasOwn(PAGE_WORLD_HOSTS, location.hostname)
    ? PAGE_WORLD_HOSTS[location.hostname]
    : undefined;
  if (pageWorldKind && location.protocol === 'https:') {
    let busy: Promise<void> = Promise.resolve();
    ctx.addEventListener(window, 'message', (event: MessageEvent) => {
      if (event.source !== window || event.origin !== location.origin) return;
      const url = location.href;
      // One payload at a time, in arrival order.
      busy = busy.then(async () => {
        const result = await readPageWorldMessageSliced(
          event.data,
          url,
          new Date().toISOString(),
          pageWorldKind,
          {
            budgetMs: READ_SLICE_MS,
            yieldEvery: sliceYield,
          },
        ).catch(() => null);
        if (!result) return;
        if (result.ok) pageWorldGood = { url, at: Date.now() };
        send(result);
      });
    });
  }
  const stopOverlayMessages = onOverlayMessage((m) => overlay.update(m));
  ctx.addEventListener(window, 'wxt:locationchange', () => handle.refresh());
  sendToBackground({ type: 'hello', url: location.href }).catch(() => {});
  ctx.onInvalidated(() => {
    handle();
    stopOverlayMessages();
    overlay.remove();
  });
}
