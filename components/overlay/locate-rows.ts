/**
 * Finds the page's own option-chain rows by strike, for the overlay badges: first the rows the
 * reader recorded as it read them (lib/readers/row-index.ts, handed in by the content script;
 * {@link locateLegRows}); only when
 * the read recorded none (a page read from its own JSON) the page is searched here. Looks at table
 * rows and ARIA rows, in the document and in every open shadow root. The strike column is
 * the one whose header reads "strike" (or a cell marked strike by class/attribute).
 * Reads only; never touches the page. Our own overlay host is skipped.
 */
import { contextText, expiryForms } from './expiry-label';

const OVERLAY_ATTR = 'data-alvh-overlay';
const ROW_SELECTOR = 'tr, [role="row"]';
const CELL_SELECTOR = 'th, td, [role="cell"], [role="gridcell"], [role="rowheader"], [role="columnheader"]';
const STRIKE_MARK = /strike/i;
/** Shadow roots deeper than this are not searched (pages nest a few levels at most). */
const MAX_SHADOW_DEPTH = 6;

/** "5,650", "5650.00", "$5,650" → 5650; null when the text is not a plain positive number. */
export function parseStrikeText(text: string | null | undefined): number | null {
  const t = (text ?? '').trim().replace(/[$,\s]/g, '');
  if (!/^\d+(\.\d+)?$/.test(t)) return null;
  const v = Number(t);
  return v > 0 ? v : null;
}

function cellsOf(row: Element): Element[] {
  return [...row.children].filter((c) => c.matches(CELL_SELECTOR) || c.tagName === 'DIV');
}

function markedStrike(cell: Element): boolean {
  for (const a of [
    'class',
    'data-col',
    'data-field',
    'data-column',
    'headers',
    'aria-describedby',
    'data-testid',
  ])
    if (STRIKE_MARK.test(cell.getAttribute(a) ?? '')) return true;
  return false;
}

/** Index of the strike column in a header row, or -1. */
function strikeIndex(row: Element): number {
  return cellsOf(row).findIndex((c) => /^\s*strike( price)?\s*$/i.test(c.textContent ?? ''));
}

/** The container whose rows share a header: the table, or the nearest grid/rowgroup parent. */
function groupOf(row: Element): Element {
  return row.closest('table, [role="grid"], [role="table"], [role="treegrid"]') ?? row.parentElement ?? row;
}

function* searchRoots(root: Document | ShadowRoot, depth: number): Generator<Document | ShadowRoot> {
  yield root;
  if (depth >= MAX_SHADOW_DEPTH) return;
  for (const el of root.querySelectorAll('*'))
    if (el.shadowRoot) yield* searchRoots(el.shadowRoot, depth + 1);
}

/** "put" / "call" when a row group is labelled as one side only (Yahoo-style split tables). */
function sideOf(group: Element): 'put' | 'call' | null {
  // The nearest element before the group (or before a wrapper of it, up to 3 levels).
  let near: Element | null = null;
  for (let el: Element | null = group, d = 0; el && !near && d < 3; el = el.parentElement, d++)
    near = el.previousElementSibling;
  const label = `${group.getAttribute('class') ?? ''} ${group.getAttribute('aria-label') ?? ''} ${
    group.querySelector('caption')?.textContent ?? ''
  } ${(near?.textContent ?? '').slice(0, 100)}`;
  const puts = /\bputs?\b/i.test(label);
  const calls = /\bcalls?\b/i.test(label);
  return puts === calls ? null : puts ? 'put' : 'call';
}

type Groups = Map<Element, Map<number, Element>>;

/** One pass over the page: strike → row for every chain-like row group. */
function collectGroups(doc: Document): Groups {
  const groups: Groups = new Map();
  for (const root of searchRoots(doc, 0)) {
    const headerIndex = new Map<Element, number>();
    for (const row of root.querySelectorAll(ROW_SELECTOR)) {
      if (row.closest(`[${OVERLAY_ATTR}]`)) continue;
      const group = groupOf(row);
      const idx = strikeIndex(row);
      if (idx >= 0) {
        if (!headerIndex.has(group)) headerIndex.set(group, idx);
        continue;
      }
      const cells = cellsOf(row);
      const known = headerIndex.get(group);
      const cell = known !== undefined ? cells[known] : cells.find(markedStrike);
      const strike = parseStrikeText(cell?.textContent);
      if (strike === null) continue;
      const rows = groups.get(group) ?? new Map<number, Element>();
      if (!rows.has(strike)) rows.set(strike, row);
      groups.set(group, rows);
    }
  }
  return groups;
}

/** The rows for one side (or both) and expiry out of the collected groups. */
function pick(all: Groups, expiry?: string, side?: 'put' | 'call'): Map<number, Element> {
  const other = side === 'put' ? 'call' : side === 'call' ? 'put' : null;
  const groups = [...all].filter(([g]) => other === null || sideOf(g) !== other);
  if (expiry && groups.length > 1) {
    const forms = expiryForms(expiry);
    for (const [group, rows] of groups) {
      const ctx = contextText(group);
      if (forms.some((f) => ctx.includes(f))) return rows;
    }
  }
  const out = new Map<number, Element>();
  for (const [, rows] of groups) for (const [k, row] of rows) if (!out.has(k)) out.set(k, row);
  return out;
}

/**
 * Strike (index points) → its row element. With several chain tables on the page (one per
 * expiration), the one labelled with `expiry` (YYYY-MM-DD) wins; otherwise the first row of
 * each strike in document order. With `side`, tables labelled as the other side only (split
 * calls/puts tables) are skipped.
 */
export function locateStrikeRows(
  doc: Document,
  expiry?: string,
  side?: 'put' | 'call',
): Map<number, Element> {
  return pick(collectGroups(doc), expiry, side);
}

/** Put-side and call-side rows for `expiry` from a single pass over the page. */
export function locateSideRows(
  doc: Document,
  expiry: string,
): { put: Map<number, Element>; call: Map<number, Element> } {
  const all = collectGroups(doc);
  return { put: pick(all, expiry, 'put'), call: pick(all, expiry, 'call') };
}

/** Rows by strike per side for one expiry, as the reader recorded them; null when none. */
export type RecordedRows = (
  doc: Document,
  expiry: string,
) => { put: Map<number, Element>; call: Map<number, Element> } | null;

/**
 * Put-side and call-side rows for `expiry` as the reader recorded them in its last read of
 * `doc` (so a strike reads exactly as the reader read it, e.g. Barchart's "5,800.00C"); the
 * page is searched by {@link locateSideRows} only when the read recorded no row for it.
 */
export function locateLegRows(
  doc: Document,
  expiry: string,
  recorded?: RecordedRows,
): { put: Map<number, Element>; call: Map<number, Element> } {
  return recorded?.(doc, expiry) ?? locateSideRows(doc, expiry);
}
