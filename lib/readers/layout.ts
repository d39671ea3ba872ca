/**
 * Layout engine shared by the table, grid and CSV readers. It works on rows of cell texts
 * (colspans already expanded) and understands: straddle (calls | strike | puts), one side per
 * table, one list with a type column, OCC symbols, stacked sections with caption rows
 * ("2022-05-13 - Puts") and header rows repeated per section.
 *
 * A header whose cell count differs from its rows is never realigned: the section's rows are
 * dropped as "header-cell-missing" and a note names it.
 */
import type { Quote } from '../engine/snapshot-types';
import { type ChainBuilder, emptyQuote } from './build';
import { type IvRule, type IvUnit, ivColumnRule, parseFieldValue, parseStrike } from './cell-number';
import { findDate, type OccSymbol, parseOcc } from './dom';
import { isTimestampText } from './grid-expiry';
import type { Field } from './headers';
import { type Column, type Header, parseHeader, type Side, sideWord } from './layout-header';
import type { GridTrace } from './layout-patch';
import type { RecordedRow } from './row-index';
import {
  ivSignature,
  memoCaption,
  memoDataRow,
  memoHeader,
  memoIvRule,
  type RowContext,
  type RowSink,
} from './row-memo';
import { runSteps, type Steps } from './scan';

/** Rows read between pause points of a sliced read. */
const ROW_STEP = 64;

export interface TextRow {
  cells: string[];
  /**
   * Extra text searched for OCC symbols (e.g. link targets in the row), or a function giving
   * it on demand (only asked when the row has a symbol column), or null.
   */
  extra: string | null | (() => string | null);
  /** The page row it was read from (DOM rows), recorded for the overlay (row-index.ts). */
  element?: () => Element | null;
  /**
   * True for rows a later read may hand in again (DOM rows of a live page): their readings are
   * kept (row-memo.ts). Rows read once (files) skip the memo and its cost.
   */
  readonly memo?: boolean;
}

export interface GridInput {
  rows: TextRow[];
  /** Expiry (YYYY-MM-DD) the page shows for this grid (heading, tab, select), or null. */
  expiryHint: string | null;
  /** Side the grid holds when the page says so (a "Calls" table), or null. */
  sideHint: 'call' | 'put' | null;
  /** Option root the grid's own heading names ("SPXW Dec 18, 2026"), used when a row has no OCC symbol. */
  rootHint?: string | null;
  /** IV unit the site is known to use when its header is silent (site readers only; no flag). */
  ivUnit?: IvUnit | null;
}

export interface GridStats {
  headerRows: number;
  dataRows: number;
  /** Human notes (e.g. which section's header did not fit its rows). */
  notes: string[];
}

/** Quote fields a column can fill (mark and the meta fields are not quote values). */
const QUOTE_KEYS: Partial<Record<Field, keyof Quote>> = {
  bid: 'bid',
  ask: 'ask',
  last: 'last',
  volume: 'volume',
  openInterest: 'openInterest',
  iv: 'iv',
  delta: 'delta',
};

/** Fills one quote field from a cell, parsed by its column (first readable cell wins). */
function setField(q: Quote, column: Column, unit: IvUnit | null, text: string): void {
  const key = QUOTE_KEYS[column.field];
  if (key && q[key] === null) q[key] = parseFieldValue(column.field, text, unit);
}

/**
 * IV unit per IV column of a header: the header's own, else the stated rule over the column's
 * cells in the rows below (cached per column and width, one pass per grid). An assumed unit is
 * flagged on the chain so the user sees which rule decided.
 */
function ivUnits(
  header: Header,
  input: GridInput,
  from: number,
  cache: Map<string, IvRule>,
  builder: ChainBuilder,
  trace: GridTrace | null,
): Map<number, IvUnit | null> {
  const out = new Map<number, IvUnit | null>();
  const rows = input.rows;
  header.columns.forEach((c, i) => {
    if (c.field !== 'iv') return;
    const known = c.ivUnit ?? input.ivUnit ?? null;
    if (known) {
      out.set(i, known);
      return;
    }
    const key = `${i}/${header.width}`;
    let rule = cache.get(key);
    if (!rule) {
      // A live page's rows: decided again only when a cell of the column changed since the last read.
      rule =
        rows[from]?.memo === true
          ? memoIvRule(rows, `${key}/${from}`, from, header.width, i, decideIvRule)
          : decideIvRule(columnCells(rows, from, header.width, i));
      cache.set(key, rule);
      trace?.ivRules.set(key, { from, width: header.width, col: i, rule });
      if (rule.assumed) builder.flag('iv-unit-assumed', rule.detail);
    }
    out.set(i, rule.unit);
  });
  return out;
}

/** Column `col` of the rows from `from` on that are `width` cells wide (what memoIvRule decides on). */
function columnCells(rows: readonly TextRow[], from: number, width: number, col: number): string[] {
  const cells: string[] = [];
  for (let r = from; r < rows.length; r++) {
    const row = rows[r] as TextRow;
    if (row.cells.length === width) cells.push(row.cells[col] ?? '');
  }
  return cells;
}

/** The IV unit rule over a column's cells when its header says no unit. */
export function decideIvRule(cells: string[]): IvRule {
  return ivColumnRule(null, cells);
}

export function isCaption(cells: string[]): { expiry: string | null; side: Side | null } | null {
  let n = 0;
  for (const c of cells) if (c !== '' && ++n > 2) return null;
  const filled = cells.filter((c) => c !== '');
  if (filled.length === 0 || filled.length > 2) return null;
  const text = filled.join(' ');
  // A "Quotes as of Nov 26, 2026" row stamps a time: it names no section.
  if (text.length > 160 || isTimestampText(text)) return null;
  const expiry = findDate(text);
  const side = sideWord(text);
  if (!expiry && !side) return null;
  return { expiry, side };
}

export interface SectionState {
  header: Header;
  /** IV unit by column index (see ivUnits). */
  ivUnits: Map<number, IvUnit | null>;
  /** `ivUnits` as a string, for the row memo's context (row-memo.ts). */
  ivSig: string;
  good: number;
  mismatched: number;
  label: string;
}

/**
 * Reads one grid of cell texts into the builder. Rows before the first header are ignored
 * (except caption rows, which set the section's expiry/side). Returns what it saw.
 */
export function readTextGrid(input: GridInput, builder: ChainBuilder): GridStats {
  return runSteps(readTextGridSteps(input, builder));
}

/**
 * {@link readTextGrid} with a pause point every few dozen rows (for a sliced read). With a
 * `trace`, what each row was read as is written into it (layout-patch.ts: a later read of the
 * same grid may then read only its replaced rows).
 */
export function* readTextGridSteps(
  input: GridInput,
  builder: ChainBuilder,
  trace: GridTrace | null = null,
): Steps<GridStats> {
  const stats: GridStats = { headerRows: 0, dataRows: 0, notes: [] };
  let section: SectionState | null = null;
  let expiry = input.expiryHint;
  let sectionSide: Side | null = input.sideHint;
  let prev: string[] | null = null;

  const closeSection = (): void => {
    if (!section) return;
    if (section.mismatched > 0 && section.good === 0) {
      builder.drop('header-cell-missing', section.mismatched);
      stats.notes.push(
        `${section.label}: header has ${section.header.width} cells but its rows do not; ${section.mismatched} rows not read (columns not guessed)`,
      );
    } else if (section.mismatched > 0) builder.drop('cell-count-mismatch', section.mismatched);
  };

  let sinceYield = 0;
  const ivCache = new Map<string, IvRule>();
  // The data rows' context as the trace keeps it: one object per run of rows read alike.
  let spot: DataSpot | null = null;
  const current: RowContext & { row: TextRow | null; section: SectionState | null } = {
    row: null,
    section: null,
    header: null as unknown as Header,
    extra: null,
    ivUnits: '',
    expiry: null,
    side: null,
    root: input.rootHint ?? null,
  };
  const readCurrent = (sink: RowSink): boolean =>
    readDataRow(
      current.row as TextRow,
      current.extra,
      current.section as SectionState,
      current.expiry,
      current.side,
      current.root,
      sink,
    );
  for (let index = 0; index < input.rows.length; index++) {
    const row = input.rows[index] as TextRow;
    if (++sinceYield >= ROW_STEP) {
      sinceYield = 0;
      yield;
    }
    const cells = row.cells;
    // Header and caption readings are kept per row object (row-memo.ts): a live re-read
    // decides them again only for the rows that changed.
    const above = prev;
    const header = row.memo
      ? memoHeader(row, index > 0 ? (input.rows[index - 1] as TextRow) : null, cells, above, parseHeader)
      : parseHeader(cells, above);
    if (header) {
      closeSection();
      stats.headerRows++;
      if (trace) trace.headers[index] = header;
      const units = ivUnits(header, input, index + 1, ivCache, builder, trace);
      section = {
        header,
        ivUnits: units,
        ivSig: ivSignature(units),
        good: 0,
        mismatched: 0,
        label: `table section${expiry ? ` ${expiry}` : ''}${sectionSide ? ` ${sectionSide}s` : ''}`,
      };
      prev = cells;
      continue;
    }
    prev = cells;
    const caption = row.memo ? memoCaption(row, cells, isCaption) : isCaption(cells);
    if (caption && (!section || parseStrike(cells[section.header.strikeCol]) === null)) {
      closeSection();
      if (section) section = { ...(section as SectionState), good: 0, mismatched: 0 };
      if (caption.expiry) expiry = caption.expiry;
      if (caption.side) sectionSide = caption.side;
      if (section)
        section.label = `table section${expiry ? ` ${expiry}` : ''}${sectionSide ? ` ${sectionSide}s` : ''}`;
      continue;
    }
    if (!section) continue;
    if (cells.every((c) => c === '')) continue;
    stats.dataRows++;
    if (cells.length !== section.header.width) {
      section.mismatched++;
      continue;
    }
    const extra =
      typeof row.extra === 'function' ? (section.header.hasSymbol ? row.extra() : null) : row.extra;
    // One context object for the grid, set row by row (a 2,000-row re-read allocates nothing
    // per row while it replays memos).
    current.row = row;
    current.section = section;
    current.header = section.header;
    current.extra = extra;
    current.ivUnits = section.ivSig;
    current.expiry = expiry;
    current.side = sectionSide;
    if (trace) {
      if (!spot || spot.section !== section || spot.expiry !== expiry || spot.side !== sectionSide)
        spot = { section, expiry, side: sectionSide };
      trace.data[index] = spot;
      if (typeof row.extra === 'function' && section.header.hasSymbol) trace.liveExtra.set(index, extra);
    }
    // Replayed from the row memo when this row object was read in this same context before.
    if (row.memo ? memoDataRow(row, current, builder, readCurrent) : readCurrent(builder)) section.good++;
  }
  closeSection();
  return stats;
}

/** Where a data row was read: its section, and the expiry and side the captions above it set. */
export interface DataSpot {
  readonly section: SectionState;
  readonly expiry: string | null;
  readonly side: Side | null;
}

/** Hands one side's quote to the builder, or drops it when no expiry is known for it. */
function addQuote(
  builder: RowSink,
  expiry: string | null,
  root: string | null,
  strike: number,
  side: Side,
  quote: Quote,
  recorded: RecordedRow | null,
): boolean {
  if (!expiry) {
    builder.drop('expiry-unknown');
    return false;
  }
  builder.add(expiry, root, strike, side, quote, recorded);
  return true;
}

/** Reads one data row into `builder` (a recorder, when the row memo keeps its reading). */
export function readDataRow(
  row: TextRow,
  extra: string | null,
  section: SectionState,
  expiry: string | null,
  sectionSide: Side | null,
  rootHint: string | null,
  builder: RowSink,
): boolean {
  const header = section.header;
  const cols = header.columns;
  const cells = row.cells;
  let strike = header.strikeCol >= 0 ? parseStrike(cells[header.strikeCol]) : null;
  // Per side in plain locals (this runs for every row of every read): the OCC symbol read,
  // and an expiry written in a side's Calls/Puts cell ("Dec 18, 2026", the old nasdaq.com chain).
  let occCall: OccSymbol | null = null;
  let occPut: OccSymbol | null = null;
  let dateCall: string | null = null;
  let datePut: string | null = null;
  let dateNone: string | null = null;
  let rowExpiry: string | null = null;
  let rowRoot: string | null = null;
  let typeSide: Side | null = null;
  for (const i of header.metaCols) {
    const c = cols[i] as Column;
    const text = cells[i] ?? '';
    if (c.field === 'symbol') {
      const occ = parseOcc(text);
      if (occ) {
        if ((c.side ?? occ.side) === 'call') occCall = occ;
        else occPut = occ;
      } else {
        const d = findDate(text);
        if (d) {
          if (c.side === 'call') dateCall = d;
          else if (c.side === 'put') datePut = d;
          else dateNone = d;
        }
      }
    } else if (c.field === 'expiry') rowExpiry = findDate(text) ?? rowExpiry;
    else if (c.field === 'root') rowRoot = /^[A-Z]{1,6}\d?$/.test(text.trim()) ? text.trim() : rowRoot;
    else if (c.field === 'type')
      typeSide = sideWord(text) ?? (/^c$/i.test(text) ? 'call' : /^p$/i.test(text) ? 'put' : null);
  }
  if (!occCall && !occPut && extra) {
    const occ = parseOcc(extra);
    if (occ?.side === 'call') occCall = occ;
    else if (occ) occPut = occ;
  }
  const anyOcc = occCall ?? occPut;
  if (strike === null && anyOcc) strike = anyOcc.strike;
  if (strike !== null && strike < 0) {
    builder.drop('negative-strike');
    return false;
  }
  if (strike === null || !(strike > 0)) {
    builder.drop('strike-unreadable');
    return false;
  }
  let callQuote: Quote | null = null;
  let putQuote: Quote | null = null;
  if (header.sided) {
    for (const i of header.quoteCols) {
      const c = cols[i] as Column;
      const unit = section.ivUnits.get(i) ?? null;
      if (c.side === 'call') {
        callQuote ??= emptyQuote();
        setField(callQuote, c, unit, cells[i] ?? '');
      } else if (c.side === 'put') {
        putQuote ??= emptyQuote();
        setField(putQuote, c, unit, cells[i] ?? '');
      }
    }
  } else {
    const side = typeSide ?? anyOcc?.side ?? sectionSide;
    if (!side) {
      builder.drop('side-unknown');
      return false;
    }
    const q = emptyQuote();
    for (const i of header.quoteCols)
      setField(q, cols[i] as Column, section.ivUnits.get(i) ?? null, cells[i] ?? '');
    if (side === 'call') callQuote = q;
    else putQuote = q;
  }
  const el = row.element?.() ?? null;
  const strikeText = header.strikeCol >= 0 ? (cells[header.strikeCol] ?? '').trim() || null : null;
  const recorded = el ? { el, strikeText } : null;
  const unsidedOcc = header.sided ? null : anyOcc;
  let added = false;
  if (callQuote) {
    const occ = occCall ?? unsidedOcc;
    const exp = occ?.expiry ?? dateCall ?? dateNone ?? rowExpiry ?? expiry;
    added = addQuote(builder, exp, occ?.root ?? rowRoot ?? rootHint, strike, 'call', callQuote, recorded);
  }
  if (putQuote) {
    const occ = occPut ?? unsidedOcc;
    const exp = occ?.expiry ?? datePut ?? dateNone ?? rowExpiry ?? expiry;
    added =
      addQuote(builder, exp, occ?.root ?? rowRoot ?? rootHint, strike, 'put', putQuote, recorded) || added;
  }
  return added;
}
