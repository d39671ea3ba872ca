/**
 * Which page row each quote was read from, for the overlay's badges: the readers record
 * (expiry, root, strike, side) → row element as they add quotes (ChainBuilder), so the
 * overlay finds a leg's row from what was read instead of parsing strikes a second time
 * (which missed Barchart's "5,800.00C"). Lives in the content script only: elements never go
 * into messages or storage. One index per document, replaced by each page read.
 */

type Side = 'call' | 'put';

/** A row as read: its element and its strike cell's text then (null when read from a symbol). */
export interface RecordedRow {
  el: Element;
  strikeText: string | null;
}

interface RowIndex {
  /** `source.readAt` of the read that filled it. */
  readAt: string;
  rows: Map<string, RecordedRow>;
}

const byDoc = new WeakMap<Document, RowIndex>();

/** Key of one quote's row. */
export function rowKey(expiry: string, root: string | null, strike: number, side: Side): string {
  return `${expiry}|${root ?? ''}|${strike}|${side}`;
}

/** The row element a cell belongs to (table row or ARIA row), else the cell's parent. */
export function rowElementOf(cell: Element | undefined): Element | null {
  if (!cell) return null;
  return cell.closest('tr, [role="row"]') ?? cell.parentElement;
}

/** Starts a read of `doc` at `readAt`: rows recorded by earlier reads are forgotten. */
export function beginRowIndex(doc: Document, readAt: string): void {
  byDoc.set(doc, { readAt, rows: new Map() });
}

/** Adds a built chain's rows (keys from {@link rowKey}) to the index of the read at `readAt`. */
export function recordRowElements(rows: ReadonlyMap<string, RecordedRow>, readAt: string): void {
  const first = rows.values().next().value;
  if (!first) return;
  const doc = first.el.ownerDocument;
  let index = byDoc.get(doc);
  if (!index || index.readAt !== readAt) {
    index = { readAt, rows: new Map() };
    byDoc.set(doc, index);
  }
  for (const [k, el] of rows) index.rows.set(k, el);
}

/**
 * Strike (index points) → row element for one expiry (any root) and side, from the last read
 * of `doc`; rows no longer in the page, or whose strike text changed since the read (a
 * virtualised grid reusing the element for another strike before the next read), are left
 * out. Null when the read recorded none (a page
 * read from its own JSON, or not read yet).
 */
export function recordedRows(doc: Document, expiry: string, side: Side): Map<number, Element> | null {
  const index = byDoc.get(doc);
  if (!index) return null;
  const out = new Map<number, Element>();
  for (const [key, { el, strikeText }] of index.rows) {
    const [exp, , strike, s] = key.split('|');
    if (exp !== expiry || s !== side || !el.isConnected) continue;
    if (strikeText !== null && !(el.textContent ?? '').includes(strikeText)) continue;
    const k = Number(strike);
    if (!out.has(k)) out.set(k, el);
  }
  return out.size > 0 ? out : null;
}

/** Both sides' recorded rows for `expiry`, or null when the last read recorded none for it. */
export function recordedLegRows(
  doc: Document,
  expiry: string,
): { put: Map<number, Element>; call: Map<number, Element> } | null {
  const put = recordedRows(doc, expiry, 'put');
  const call = recordedRows(doc, expiry, 'call');
  return put || call ? { put: put ?? new Map(), call: call ?? new Map() } : null;
}
