/**
 * Row-level memo for the layout engine (layout.ts), so that a live re-read of a 2,000-row page
 * after one cell changed costs the changed row, not the table. live-incremental.ts keeps the
 * row objects (DomRow) of rows whose cells did not change and puts a new object in place of a
 * changed one; this memo keys on those objects:
 *   - how a row reads as a header (it also depends on the row above: kept with that row object)
 *     and as a caption;
 *   - what a data row gives the builder (its drops and quotes), kept with the context it was
 *     read in (section header, IV units, expiry, side, root): any difference reads it again;
 *   - an IV column's unit rule, kept with the column's cells (compared one by one).
 * Replaying a memo gives the builder exactly the calls a fresh read would make: every input of
 * the row's read is in the key. Row objects of a full read are new, so nothing carries over
 * from an older walk. Quotes are frozen once read, so one kept in a memo cannot change under it.
 */
import type { Quote } from '../engine/snapshot-types';
import type { IvRule, IvUnit } from './cell-number';
import type { Header, Side } from './layout-header';
import type { RecordedRow } from './row-index';

/** What the builder was told for one row, in order. */
export type RowOp =
  | { drop: string }
  | {
      expiry: string;
      root: string | null;
      strike: number;
      side: Side;
      quote: Quote;
      recorded: RecordedRow | null;
    };

/** The builder calls a row read makes (ChainBuilder's add and drop). */
export interface RowSink {
  add(
    expiry: string,
    root: string | null,
    strike: number,
    side: Side,
    quote: Quote,
    recorded: RecordedRow | null,
  ): void;
  drop(reason: string): void;
}

/** Everything a data row's read depends on besides its own cells. */
export interface RowContext {
  /** The row's link text searched for OCC symbols (read live from the page), when asked for. */
  extra: string | null;
  header: Header;
  /** The section's IV unit by column, as a short string (see {@link ivSignature}). */
  ivUnits: string;
  expiry: string | null;
  side: Side | null;
  root: string | null;
}

interface DataMemo {
  context: RowContext;
  ops: RowOp[];
  added: boolean;
}

interface RowMemo {
  /** The row above when `header` was decided (its cells are part of the decision). */
  above: object | null;
  header: Header | null;
  /** Caption reading, decided once per row object. */
  caption?: { expiry: string | null; side: Side | null } | null;
  data?: DataMemo;
}

const memos = new WeakMap<object, RowMemo>();

/** Headers read by {@link memoHeader}, by their content; emptied past {@link MAX_HEADERS}. */
const headers = new Map<string, Header>();
const MAX_HEADERS = 256;

/**
 * The one object for a header's content. A full re-read of a live page reads its header row
 * afresh (only data rows are taken back): the same header must be the same object, or every
 * data row's memo (keyed on it) would be read again. Headers are never modified.
 */
function internHeader(header: Header | null): Header | null {
  if (!header) return null;
  const key = JSON.stringify(header);
  const known = headers.get(key);
  if (known) return known;
  if (headers.size >= MAX_HEADERS) headers.clear();
  headers.set(key, header);
  return header;
}

/**
 * The memo of the row last asked for: a row's header, caption and data readings are asked
 * one after the other, so one map lookup serves all three.
 */
let lastRow: object | null = null;
let lastMemo: RowMemo | undefined;

function memoOf(row: object): RowMemo | undefined {
  if (row !== lastRow) {
    lastRow = row;
    lastMemo = memos.get(row);
  }
  return lastMemo;
}

function setMemo(row: object, m: RowMemo): void {
  memos.set(row, m);
  lastRow = row;
  lastMemo = m;
}

/**
 * The row's header reading: `parse(cells, aboveCells)` runs when the row or the row above is
 * not the memo's (a plain function and its arguments, so a replayed row allocates nothing).
 */
export function memoHeader(
  row: object,
  above: object | null,
  cells: string[],
  aboveCells: string[] | null,
  parse: (cells: string[], above: string[] | null) => Header | null,
): Header | null {
  const m = memoOf(row);
  if (m && m.above === above) return m.header;
  const header = internHeader(parse(cells, aboveCells));
  if (m) {
    m.above = above;
    m.header = header;
  } else setMemo(row, { above, header });
  return header;
}

/** The row's caption reading, `parse(cells)` once per row object (after {@link memoHeader}). */
export function memoCaption(
  row: object,
  cells: string[],
  parse: (cells: string[]) => { expiry: string | null; side: Side | null } | null,
): { expiry: string | null; side: Side | null } | null {
  const m = memoOf(row);
  if (!m) return parse(cells);
  if (m.caption === undefined) m.caption = parse(cells);
  return m.caption;
}

/** Records a row read's builder calls into `ops` (one instance, its list swapped per row). */
class Recorder implements RowSink {
  ops: RowOp[] = [];
  add(
    expiry: string,
    root: string | null,
    strike: number,
    side: Side,
    quote: Quote,
    recorded: RecordedRow | null,
  ): void {
    this.ops.push({ expiry, root, strike, side, quote: Object.freeze(quote), recorded });
  }
  drop(reason: string): void {
    this.ops.push({ drop: reason });
  }
}

const recorder = new Recorder();

function sameContext(a: RowContext, b: RowContext): boolean {
  return (
    a.header === b.header &&
    a.extra === b.extra &&
    a.ivUnits === b.ivUnits &&
    a.expiry === b.expiry &&
    a.side === b.side &&
    a.root === b.root
  );
}

/** A data row's reading: the builder calls it makes, and whether it added a quote. */
export interface DataReading {
  readonly ops: readonly RowOp[];
  readonly added: boolean;
}

/**
 * A data row's reading in `context`: the memo's when the row and its context are the ones it
 * was read with, else `read` run against a recorder and its calls kept.
 */
export function memoDataReading(
  row: object,
  context: RowContext,
  read: (recorder: RowSink) => boolean,
): DataReading {
  const m = memoOf(row);
  let data = m?.data;
  if (!data || !sameContext(data.context, context)) {
    const ops: RowOp[] = [];
    recorder.ops = ops;
    const added = read(recorder);
    // A copy: the caller may hand in one context object, changed row by row.
    const kept: RowContext = {
      extra: context.extra,
      header: context.header,
      ivUnits: context.ivUnits,
      expiry: context.expiry,
      side: context.side,
      root: context.root,
    };
    data = { context: kept, ops, added };
    if (m) m.data = data;
    else setMemo(row, { above: null, header: null, data });
  }
  return data;
}

/** The reading a data row was last given (layout-patch.ts compares a replaced row's old one), if any. */
export function lastDataReading(row: object): DataReading | undefined {
  return memos.get(row)?.data;
}

/**
 * Reads a data row into `sink`: the memo's calls replayed when the row and its context are the
 * ones it was read with, else `read` run against a recorder and its calls kept and replayed.
 * @returns whether the row added a quote (what `read` returned).
 */
export function memoDataRow(
  row: object,
  context: RowContext,
  sink: RowSink,
  read: (recorder: RowSink) => boolean,
): boolean {
  const data = memoDataReading(row, context, read);
  const ops = data.ops;
  for (let i = 0; i < ops.length; i++) {
    const op = ops[i] as RowOp;
    if ('drop' in op) sink.drop(op.drop);
    else sink.add(op.expiry, op.root, op.strike, op.side, op.quote, op.recorded);
  }
  return data.added;
}

/** IV units by column as a string, so two sections' units compare in one step. */
export function ivSignature(units: Map<number, IvUnit | null>): string {
  let s = '';
  for (const [i, u] of units) s += `${i}:${u ?? '-'};`;
  return s;
}

interface IvMemo {
  /** The rows the column was taken from (from the header down), to compare by identity. */
  rows: object[];
  /** Each of those rows' cell in the column, null for a row of another width. */
  cellByRow: (string | null)[];
  rule: IvRule;
}

const ivRules = new WeakMap<object, Map<string, IvMemo>>();

/**
 * The IV unit rule of column `col` below a header (rows `from` on, rows `width` cells wide),
 * kept per grid (`rows`, the grid's row list) and column key: `decide` (given the column's
 * cells) runs again only when a cell of the column differs from the last time. Rows that may
 * be handed in again (`memo`) never change their cells, so only rows that are not the same
 * object as last time are looked at (a live page's usual read: one row object replaced).
 */
export function memoIvRule(
  rows: readonly { cells: string[]; memo?: boolean }[],
  key: string,
  from: number,
  width: number,
  col: number,
  decide: (cells: string[]) => IvRule,
): IvRule {
  let byKey = ivRules.get(rows);
  if (!byKey) {
    byKey = new Map();
    ivRules.set(rows, byKey);
  }
  const cellOf = (row: { cells: string[] }): string | null =>
    row.cells.length === width ? (row.cells[col] ?? '') : null;
  const kept = byKey.get(key);
  if (kept && kept.rows.length === rows.length - from) {
    let same = true;
    for (let i = 0; i < kept.rows.length && same; i++) {
      const row = rows[from + i] as { cells: string[]; memo?: boolean };
      if (row === kept.rows[i] && row.memo === true) continue;
      same = cellOf(row) === kept.cellByRow[i];
      kept.rows[i] = row;
    }
    if (same) return kept.rule;
  }
  const seen: object[] = [];
  const cellByRow: (string | null)[] = [];
  const cells: string[] = [];
  for (let r = from; r < rows.length; r++) {
    const row = rows[r] as { cells: string[] };
    const cell = cellOf(row);
    seen.push(row);
    cellByRow.push(cell);
    if (cell !== null) cells.push(cell);
  }
  const rule = decide(cells);
  byKey.set(key, { rows: seen, cellByRow, rule });
  return rule;
}
