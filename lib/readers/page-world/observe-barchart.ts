/**
 * Page-world (MAIN world) observer for Barchart: the options grid (<bc-data-grid>) keeps its
 * rows on a JS property of the element, invisible to the content script's isolated world.
 * On grid changes (MutationObserver, debounced) we copy the rows' plain fields and post them.
 */
import { MAX_GRID_ROWS, type PageWorldMessage, pageWorldMessage } from './protocol';

type Post = (msg: PageWorldMessage) => void;

/** Grid element and the row fields worth sending (display strings). */
const GRID = 'bc-data-grid';
const FIELDS = [
  'strike',
  'strikePrice',
  'bidPrice',
  'askPrice',
  'lastPrice',
  'volume',
  'openInterest',
  'volatility',
  'impliedVolatility',
  'delta',
  'optionType',
  'expirationDate',
  'symbol',
] as const;

function looksLikeRows(v: unknown): v is Record<string, unknown>[] {
  if (!Array.isArray(v) || v.length === 0) return false;
  const first = v[0] as unknown;
  return typeof first === 'object' && first !== null && ('strike' in first || 'strikePrice' in first);
}

/** Finds the rows array on the grid element: its own properties, then one level into objects. */
function gridRows(el: Element): Record<string, unknown>[] | null {
  const host = el as unknown as Record<string, unknown>;
  for (const key of Object.keys(host)) {
    const v = host[key];
    if (looksLikeRows(v)) return v;
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      for (const inner of Object.values(v as Record<string, unknown>)) if (looksLikeRows(inner)) return inner;
    }
  }
  for (const key of ['data', 'rows', 'items', 'dataSource']) {
    try {
      const v = host[key];
      if (looksLikeRows(v)) return v;
    } catch {
      // a throwing getter on the element: skip it
    }
  }
  return null;
}

function plain(rows: Record<string, unknown>[]): Record<string, string | number | null>[] {
  return rows.slice(0, MAX_GRID_ROWS).map((r) => {
    const out: Record<string, string | number | null> = {};
    for (const f of FIELDS) {
      const v = r[f];
      if (typeof v === 'string') out[f] = v.slice(0, 64);
      else if (typeof v === 'number' && Number.isFinite(v)) out[f] = v;
    }
    return out;
  });
}

/**
 * Watches `doc` for Barchart grids and posts their rows when they change.
 * @param setTimer/clearTimer page timers for the debounce. Returns a stop function.
 */
export function observeBarchart(
  doc: Document,
  post: Post,
  setTimer: (fn: () => void, ms: number) => number,
  clearTimer: (id: number) => void,
): () => void {
  let timer: number | null = null;
  let last = '';
  const scan = (): void => {
    timer = null;
    const rows = Array.from(doc.querySelectorAll(GRID)).flatMap((el) => gridRows(el) ?? []);
    if (rows.length === 0) return;
    const json = JSON.stringify(plain(rows));
    if (json === last) return;
    last = json;
    post(pageWorldMessage('barchart-grid', doc.location?.href ?? '', json));
  };
  const Observer = doc.defaultView?.MutationObserver;
  const observer = Observer
    ? new Observer(() => {
        if (timer !== null) clearTimer(timer);
        timer = setTimer(scan, 500);
      })
    : null;
  observer?.observe(doc.documentElement, { childList: true, subtree: true, characterData: true });
  timer = setTimer(scan, 500);
  return () => {
    observer?.disconnect();
    if (timer !== null) clearTimer(timer);
  };
}
