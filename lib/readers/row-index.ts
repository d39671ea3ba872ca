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

/** The rows of one strike, by side. */
export type StrikeRows = { call?: RecordedRow; put?: RecordedRow };

/**
 * Recorded rows: series ("expiry|root") → strike → rows by side. Nested, not one string key per
 * quote: a live re-read records thousands of rows, and building and hashing a fresh string for
 * each cost more than the rest of the re-read.
 */
export type RowRecords = Map<string, { expiry: string; strikes: Map<number, StrikeRows> }>;

interface RowIndex {
  /** `source.readAt` of the read that filled it. */
  readAt: string;
  rows: RowRecords;
}

const byDoc = new WeakMap<Document, RowIndex>();

/** Key of one series (expiry and option root) in {@link RowRecords}. */
export function seriesRowKey(expiry: string, root: string | null): string {
  return `${expiry}|${root ?? ''}`;
}

/** The row element a cell belongs to (table row or ARIA row), else the cell's parent. */
export function rowElementOf(cell: Element | undefined): Element | null {
  if (!cell) return null;
  // A table cell's row is its parent (what closest() finds, without parsing a selector per row).
  const parent = cell.parentElement;
  if (parent?.tagName === 'TR' && cell.getAttribute('role') !== 'row') return parent;
  return cell.closest('tr, [role="row"]') ?? parent;
}

/** Starts a read of `doc` at `readAt`: rows recorded by earlier reads are forgotten. */
export function beginRowIndex(doc: Document, readAt: string): void {
  byDoc.set(doc, { readAt, rows: new Map() });
}

/** Adds a built chain's rows to the index of the read at `readAt` (a later add of a row wins). */
export function recordRowElements(rows: RowRecords, readAt: string): void {
  let doc: Document | null = null;
  for (const series of rows.values()) {
    for (const sides of series.strikes.values()) {
      doc = (sides.call ?? sides.put)?.el.ownerDocument ?? null;
      if (doc) break;
    }
    if (doc) break;
  }
  if (!doc) return;
  let index = byDoc.get(doc);
  if (!index || index.readAt !== readAt) {
    index = { readAt, rows: new Map() };
    byDoc.set(doc, index);
  }
  for (const [key, series] of rows) {
    const kept = index.rows.get(key);
    if (!kept) {
      // The builder's own record (one per read, not kept by it): taken as it is, not copied.
      index.rows.set(key, series);
      continue;
    }
    for (const [strike, sides] of series.strikes)
      kept.strikes.set(strike, { ...kept.strikes.get(strike), ...sides });
  }
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
  for (const series of index.rows.values()) {
    if (series.expiry !== expiry) continue;
    for (const [strike, sides] of series.strikes) {
      const row = sides[side];
      if (!row || out.has(strike) || !row.el.isConnected) continue;
      if (row.strikeText !== null && !(row.el.textContent ?? '').includes(row.strikeText)) continue;
      out.set(strike, row.el);
    }
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
