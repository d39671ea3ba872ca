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
import type { ChainBuilder } from './build';
import { findDate, parseNumber, parseOcc, parseVolFraction } from './dom';
import type { Field } from './headers';
import { type Column, type Header, parseHeader, type Side, sideWord } from './layout-header';
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
}

export interface GridInput {
  rows: TextRow[];
  /** Expiry (YYYY-MM-DD) the page shows for this grid (heading, tab, select), or null. */
  expiryHint: string | null;
  /** Side the grid holds when the page says so (a "Calls" table), or null. */
  sideHint: 'call' | 'put' | null;
  /** Option root the grid's own heading names ("SPXW Dec 18, 2026"), used when a row has no OCC symbol. */
  rootHint?: string | null;
}

export interface GridStats {
  headerRows: number;
  dataRows: number;
  /** Human notes (e.g. which section's header did not fit its rows). */
  notes: string[];
}

function emptyQuote(): Quote {
  return { bid: null, ask: null, last: null, volume: null, openInterest: null, iv: null, delta: null };
}

function setField(q: Quote, field: Field, text: string): void {
  switch (field) {
    case 'bid':
      if (q.bid === null) q.bid = parseNumber(text);
      break;
    case 'ask':
      if (q.ask === null) q.ask = parseNumber(text);
      break;
    case 'last':
      if (q.last === null) q.last = parseNumber(text);
      break;
    case 'volume':
      if (q.volume === null) q.volume = parseNumber(text);
      break;
    case 'openInterest':
      if (q.openInterest === null) q.openInterest = parseNumber(text);
      break;
    case 'iv':
      if (q.iv === null) q.iv = parseVolFraction(text, false);
      break;
    case 'delta':
      if (q.delta === null) q.delta = parseNumber(text);
      break;
    default:
      break;
  }
}

function isCaption(cells: string[]): { expiry: string | null; side: Side | null } | null {
  let n = 0;
  for (const c of cells) if (c !== '' && ++n > 2) return null;
  const filled = cells.filter((c) => c !== '');
  if (filled.length === 0 || filled.length > 2) return null;
  const text = filled.join(' ');
  if (text.length > 160) return null;
  const expiry = findDate(text);
  const side = sideWord(text);
  if (!expiry && !side) return null;
  return { expiry, side };
}

interface SectionState {
  header: Header;
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

/** {@link readTextGrid} with a pause point every few dozen rows (for a sliced read). */
export function* readTextGridSteps(input: GridInput, builder: ChainBuilder): Steps<GridStats> {
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
  for (const row of input.rows) {
    if (++sinceYield >= ROW_STEP) {
      sinceYield = 0;
      yield;
    }
    const cells = row.cells;
    const header = parseHeader(cells, prev);
    if (header) {
      closeSection();
      stats.headerRows++;
      section = {
        header,
        good: 0,
        mismatched: 0,
        label: `table section${expiry ? ` ${expiry}` : ''}${sectionSide ? ` ${sectionSide}s` : ''}`,
      };
      prev = cells;
      continue;
    }
    prev = cells;
    const caption = isCaption(cells);
    if (caption && (!section || parseNumber(cells[section.header.strikeCol] ?? '') === null)) {
      closeSection();
      section = section ? { ...section, good: 0, mismatched: 0 } : null;
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
    if (readDataRow(row, section.header, expiry, sectionSide, input.rootHint ?? null, builder))
      section.good++;
  }
  closeSection();
  return stats;
}

function readDataRow(
  row: TextRow,
  header: Header,
  expiry: string | null,
  sectionSide: Side | null,
  rootHint: string | null,
  builder: ChainBuilder,
): boolean {
  const cols = header.columns;
  const cells = row.cells;
  let strike = header.strikeCol >= 0 ? parseNumber(cells[header.strikeCol] ?? '') : null;
  const occBySide: Partial<Record<Side | 'none', ReturnType<typeof parseOcc>>> = {};
  let rowExpiry: string | null = null;
  let typeSide: Side | null = null;
  for (const i of header.metaCols) {
    const c = cols[i] as Column;
    const text = cells[i] ?? '';
    if (c.field === 'symbol') {
      const occ = parseOcc(text);
      if (occ) occBySide[c.side ?? occ.side] = occ;
    } else if (c.field === 'expiry') rowExpiry = findDate(text) ?? rowExpiry;
    else if (c.field === 'type')
      typeSide = sideWord(text) ?? (/^c$/i.test(text) ? 'call' : /^p$/i.test(text) ? 'put' : null);
  }
  const extra = typeof row.extra === 'function' ? (header.hasSymbol ? row.extra() : null) : row.extra;
  if (!occBySide.call && !occBySide.put && extra) {
    const occ = parseOcc(extra);
    if (occ) occBySide[occ.side] = occ;
  }
  const anyOcc = occBySide.call ?? occBySide.put ?? null;
  if (strike === null && anyOcc) strike = anyOcc.strike;
  if (strike === null || !(strike > 0)) {
    builder.drop('strike-unreadable');
    return false;
  }
  const quotes: Partial<Record<Side, Quote>> = {};
  if (header.sided) {
    for (const i of header.quoteCols) {
      const c = cols[i] as Column;
      const side = c.side as Side;
      quotes[side] ??= emptyQuote();
      setField(quotes[side] as Quote, c.field, cells[i] ?? '');
    }
  } else {
    const side = typeSide ?? anyOcc?.side ?? sectionSide;
    if (!side) {
      builder.drop('side-unknown');
      return false;
    }
    const q = emptyQuote();
    for (const i of header.quoteCols) setField(q, (cols[i] as Column).field, cells[i] ?? '');
    quotes[side] = q;
  }
  let added = false;
  for (const side of ['call', 'put'] as const) {
    const q = quotes[side];
    if (!q) continue;
    const occ = occBySide[side] ?? (header.sided ? null : anyOcc);
    const exp = occ?.expiry ?? rowExpiry ?? expiry;
    if (!exp) {
      builder.drop('expiry-unknown');
      continue;
    }
    builder.add(exp, occ?.root ?? rootHint, strike, side, q);
    added = true;
  }
  return added;
}
