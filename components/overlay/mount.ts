/**
 * The in-page overlay for the content script: a host element (marked `data-alvh-overlay` so
 * the live reader ignores it) holding an open shadow root, positioned absolutely at the
 * document origin with zero size so the page's layout never moves. Redraws on scroll,
 * resize and page mutations (at most every 150 ms, after the frame that lays them out);
 * removes itself completely on `remove()`, when the overlay is toggled off, or when the
 * page's URL changes (SPA navigation).
 */
import type { OverlayMessage } from '../../lib/schema/from-background';
import { readOverlayPlan } from '../../lib/schema/overlay-plan';
import { dismissChip, isChipDismissed } from '../../lib/stores/chip-prefs';
import { locateLegRows, type RecordedRows } from './locate-rows';
import { marksFor, type SideRows } from './marks';
import OVERLAY_CSS from './overlay.css?inline';
import { createOverlayView, type OverlayView } from './overlay-view';

export const OVERLAY_ATTRIBUTE = 'data-alvh-overlay';
/** Pages that stream quotes mutate many times a second: redraw at most this often, ms. */
const MIN_REDRAW_INTERVAL_MS = 150;

export interface OverlayHandle {
  update(message: OverlayMessage): void;
  remove(): void;
}

export interface MountOptions {
  onRemove?: () => void;
  /** The rows the page's reader recorded (content script: lib/readers/row-index.ts). */
  recordedRows?: RecordedRows;
}

export function mountOverlay(doc: Document, options: MountOptions = {}): OverlayHandle {
  const win = doc.defaultView;
  let host: HTMLElement | null = null;
  let root: HTMLElement | null = null;
  let view: OverlayView | null = null;
  let last: OverlayMessage | null = null;
  /** `last` as JSON, and its plan as read (parsed once per message, not per redraw). */
  let lastText = '';
  let lastPlan: ReturnType<typeof readOverlayPlan> | undefined;
  /** What the view was last rendered from (see draw). */
  let drawnKey = '';
  let urlAtUpdate = doc.location?.href ?? '';
  let frame: number | null = null;
  let timer: number | null = null;
  let lastDrawMs = 0;
  let observer: MutationObserver | null = null;
  let rowsCache: { expiry: string; rows: SideRows } | null = null;

  // The user may have hidden the quiet chip on this site (options page brings it back).
  const siteHost = doc.location?.hostname ?? '';
  let chipHidden = false;
  const hideChipOnSite = () => {
    chipHidden = true;
    draw();
    void dismissChip(siteHost).catch(() => {});
  };
  void isChipDismissed(siteHost).then(
    (hidden) => {
      chipHidden = hidden;
      if (hidden && root) draw();
    },
    () => {},
  );
  const draw = () => {
    frame = null;
    lastDrawMs = Date.now();
    if (!root || !last) return;
    const navigated = (doc.location?.href ?? '') !== urlAtUpdate;
    if (navigated) {
      // The page navigated (SPA): old badges would sit on the wrong rows.
      last = { ...last, plan: null, status: { state: 'reading' } };
      lastPlan = null;
    }
    lastPlan ??= readOverlayPlan(last.plan);
    const plan = lastPlan;
    const best = plan?.condor.figures?.best ?? null;
    const sx = win?.scrollX ?? 0;
    // Document width in CSS px: badges go beside their rows when there is room.
    const pageWidth = Math.max(doc.documentElement.scrollWidth, (win?.innerWidth ?? 0) + sx);
    // Each leg goes on the row the reader read it from (split calls/puts tables: its own
    // side's table). Rows are looked up again only after the page changed (or a new plan
    // came); scrolling just re-measures.
    if (best && (!rowsCache || rowsCache.expiry !== best.expiry))
      rowsCache = { expiry: best.expiry, rows: locateLegRows(doc, best.expiry, options.recordedRows) };
    const rows = best ? (rowsCache?.rows ?? null) : null;
    const marks = best && rows ? marksFor(best, rows, sx, win?.scrollY ?? 0, pageWidth) : [];
    // A streaming page changes every second; mostly the badges stay where they are: then the
    // view is not rendered again (same message, same marks, same chip state).
    const key = `${lastText}\u0000${navigated}\u0000${chipHidden}\u0000${JSON.stringify(marks)}`;
    if (key === drawnKey) return;
    drawnKey = key;
    view?.render({
      status: last.status,
      plan,
      marks,
      notice: last.notice ?? null,
      chipHidden,
      onDismissSite: host ? hideChipOnSite : undefined,
    });
  };
  const schedule = () => {
    if (frame !== null || timer !== null || !win) return;
    const waitMs = Math.max(0, lastDrawMs + MIN_REDRAW_INTERVAL_MS - Date.now());
    timer = win.setTimeout(() => {
      timer = null;
      // Drawn in a task right after the next frame: the browser has laid out the page's
      // change by then, so measuring rows is free. Measured in the frame callback itself,
      // before the frame's layout, it would force that whole layout inside our script.
      frame = win.requestAnimationFrame(() => {
        frame = null;
        timer = win.setTimeout(() => {
          timer = null;
          draw();
        }, 0);
      });
    }, waitMs);
  };
  const attach = () => {
    host = doc.createElement('div');
    host.setAttribute(OVERLAY_ATTRIBUTE, '');
    Object.assign(host.style, {
      position: 'absolute',
      left: '0',
      top: '0',
      width: '0',
      height: '0',
      zIndex: '2147483646',
    });
    const shadow = host.attachShadow({ mode: 'open' });
    const style = doc.createElement('style');
    style.textContent = OVERLAY_CSS;
    root = doc.createElement('div');
    view = createOverlayView(root);
    shadow.append(style, root);
    doc.documentElement.append(host);
    win?.addEventListener('scroll', schedule, { capture: true, passive: true });
    win?.addEventListener('resize', schedule, { passive: true });
    if (win?.MutationObserver && doc.body) {
      observer = new win.MutationObserver((records) => {
        if (records.some((r) => !host?.contains(r.target))) {
          rowsCache = null;
          schedule();
        }
      });
      observer.observe(doc.body, { childList: true, subtree: true, characterData: true });
    }
  };
  const detach = () => {
    if (frame !== null) win?.cancelAnimationFrame(frame);
    if (timer !== null) win?.clearTimeout(timer);
    frame = null;
    timer = null;
    observer?.disconnect();
    observer = null;
    win?.removeEventListener('scroll', schedule, { capture: true });
    win?.removeEventListener('resize', schedule);
    view?.clear();
    view = null;
    drawnKey = '';
    host?.remove();
    host = null;
    root = null;
  };

  return {
    update(message) {
      // The background sends the plan after every read; most reads of a streaming page leave
      // it as it was, and the badges drawn for it stand (page changes redraw them anyway).
      const text = JSON.stringify(message);
      if (host && text === lastText && (doc.location?.href ?? '') === urlAtUpdate) return;
      lastText = text;
      last = message;
      lastPlan = undefined;
      rowsCache = null;
      urlAtUpdate = doc.location?.href ?? '';
      if (!message.enabled) {
        detach();
        return;
      }
      if (!host) attach();
      draw();
    },
    remove() {
      detach();
      last = null;
      lastText = '';
      options.onRemove?.();
    },
  };
}
