/**
 * thinkorswim desktop "Stock and Option Quote" exports (File → Export of the Trade tab's
 * option chain), as CSV or the same rows taken from the HTML save. Layout: a title line
 * ("Stock quote and option quote for SPY on 11/8/23 00:30:11"), an UNDERLYING block (LAST …),
 * then one section per expiry: a caption ("7 NOV 23  (0)  100 (Weeklys)": expiry, days,
 * multiplier, series), a header row and one row per strike — calls left of Exp/Strike, puts
 * right. Columns follow the user's column set, so every column is found by its header, never
 * by position. Theo Price and Mark are the platform's model/mid figures, not quotes: not read.
 */
import type { Quote } from '../../engine/snapshot-types';
import { ChainBuilder, emptyQuote } from '../build';
import { parseFieldValue } from '../cell-number';
import { cleanText, isoDate, parseNumber } from '../dom';
import { easternWallToIso } from '../eastern-time';
import type { ReadResult } from '../types';
import type { CsvOptions } from './csv-rows';
import { looksLikeEquitySymbol, settleEquityPm } from './roots';
import {
  type Caption,
  caption,
  type Header,
  header,
  rowExpiry,
  TITLE,
  type TosField,
} from './tos-desktop-layout';

/** Index underlyings: [standard (AM) root, root of the Weeklys/Quarterlys/EOM series (PM)]. */
const INDEX_ROOTS: Record<string, [string, string]> = {
  SPX: ['SPX', 'SPXW'],
  NDX: ['NDX', 'NDXP'],
  RUT: ['RUT', 'RUTW'],
  VIX: ['VIX', 'VIXW'],
  XSP: ['XSP', 'XSP'],
};
const SERIES_TAGS = new Set(['weeklys', 'quarterlys', 'eom']);

function setField(q: Quote, field: TosField, text: string): void {
  // thinkorswim prints IV in percent; its "0.00%" is a blank (no vol could be implied), not a vol.
  const v = parseFieldValue(field, text, field === 'iv' ? 'percent' : null);
  q[field] = field === 'iv' && v !== null && !(v > 0) ? null : v;
}

/** Root of a section: equities keep their symbol; SPX-style indexes by series. Null: unknown series. */
function sectionRoot(symbol: string, tag: string | null): string | null {
  if (tag !== null && !SERIES_TAGS.has(tag)) return null;
  const index = INDEX_ROOTS[symbol];
  if (!index) return symbol;
  return tag === null ? index[0] : index[1];
}

/** Underlying LAST from the UNDERLYING block (header row, then values). */
function underlyingLast(rows: string[][]): number | null {
  const at = rows.findIndex((r) => cleanText(r.find((c) => c !== '') ?? '').toUpperCase() === 'UNDERLYING');
  if (at < 0) return null;
  const head = (rows[at + 1] ?? []).map((c) => c.toUpperCase());
  const col = head.indexOf('LAST');
  const v = col >= 0 ? parseNumber(rows[at + 2]?.[col] ?? '') : null;
  return v !== null && v > 0 ? v : null;
}

interface Section {
  cap: Caption;
  /** Option root of the section, null when its series tag is unknown. */
  root: string | null;
  /** undefined until the row under the caption is seen; null when that row is not a header. */
  head?: Header | null;
}

/** One strike row of a section: both sides, checked against the section's caption. */
function readSectionRow(cells: string[], s: Section & { head: Header }, builder: ChainBuilder): void {
  const { cap, root, head } = s;
  if (cells.length !== head.width) {
    if (cells.some((c) => c !== '')) builder.drop('cell-count-mismatch');
    return;
  }
  if (cap.multiplier !== '100') {
    builder.drop('non-standard-deliverable');
    return;
  }
  if (root === null) {
    builder.drop('series-unknown');
    return;
  }
  if (rowExpiry(cells[head.exp] ?? '') !== cap.expiry) {
    builder.drop('expiry-mismatch');
    return;
  }
  const strike = parseNumber(cells[head.strike] ?? '');
  if (strike === null || !(strike > 0)) {
    builder.drop('strike-unreadable');
    return;
  }
  const quotes = { call: emptyQuote(), put: emptyQuote() };
  for (const c of head.cols) setField(quotes[c.side], c.field, cells[c.i] ?? '');
  builder.add(cap.expiry, root, strike, 'call', quotes.call);
  builder.add(cap.expiry, root, strike, 'put', quotes.put);
}

/** Reads the export; `reader` is "csv-tos-desktop" or "html-tos-desktop". */
export function readTosDesktop(rows: string[][], opts: CsvOptions, reader: string): ReadResult {
  const title = TITLE.exec(cleanText((rows[0] ?? []).find((c) => c !== '') ?? ''));
  const raw = (title?.[1] ?? '').toUpperCase();
  if (raw.startsWith('/')) {
    // Futures options (/ES, /NQ): other multipliers and settlement; the plan is for SPX options.
    return {
      ok: false,
      reader,
      failure: {
        reason: 'unsupported-page',
        detail: `thinkorswim desktop export for ${raw}: futures options are not read (their multiplier and settlement differ)`,
      },
    };
  }
  const symbol = raw.replace(/^\$/, '').replace(/\.X$/, '');
  const builder = new ChainBuilder();
  const notes: string[] = [];
  let sections = 0;
  let current: Section | null = null;
  const bases = new Map<string, number>();
  for (const cells of rows) {
    const found = caption(cells);
    if (found) {
      sections++;
      current = { cap: found, root: sectionRoot(symbol, found.tag) };
      // expiry − day count: the trading date thinkorswim counted from (same for every section).
      const base = new Date(Date.parse(`${found.expiry}T00:00:00Z`) - found.days * 86_400_000);
      const day = base.toISOString().slice(0, 10);
      bases.set(day, (bases.get(day) ?? 0) + 1);
      continue;
    }
    if (!current) continue;
    if (current.head === undefined) {
      current.head = header(cells);
      if (!current.head)
        notes.push(`${current.cap.expiry}: the row under the caption is not a header with Exp and Strike`);
      continue;
    }
    if (current.head === null) builder.drop('header-unreadable');
    else readSectionRow(cells, current as Section & { head: Header }, builder);
  }
  return finishTos(builder, { rows, opts, reader, title, symbol, sections, bases, notes });
}

interface FinishInput {
  rows: string[][];
  opts: CsvOptions;
  reader: string;
  title: RegExpExecArray | null;
  symbol: string;
  sections: number;
  bases: Map<string, number>;
  notes: string[];
}

function finishTos(builder: ChainBuilder, f: FinishInput): ReadResult {
  const label = 'thinkorswim desktop export';
  if (f.sections === 0 || builder.rowCount() === 0) {
    const snap = builder.finish({
      reader: f.reader,
      url: f.opts.url,
      readAt: f.opts.now,
      symbol: '',
      price: null,
      quoteTime: null,
    });
    const drops = snap.dropped.map((d) => `${d.count} ${d.reason}`).join(', ');
    return {
      ok: false,
      reader: f.reader,
      failure: {
        reason: f.sections === 0 ? 'not-a-chain' : 'no-rows',
        detail:
          f.sections === 0
            ? `${label} for ${f.symbol || '?'}: no expiry section (a caption like "7 NOV 23  (0)  100") found`
            : `${label} for ${f.symbol}: ${f.sections} expiry section${f.sections === 1 ? '' : 's'} but no readable row${drops ? ` (dropped: ${drops})` : ''}`,
      },
    };
  }
  let quoteTime: string | null = null;
  const t = f.title;
  if (t?.[5]) {
    const year = Number(t[4]) < 100 ? 2000 + Number(t[4]) : Number(t[4]);
    const day = isoDate(year, Number(t[2]), Number(t[3]));
    quoteTime = day ? easternWallToIso(day, Number(t[5]), Number(t[6]), Number(t[7] ?? 0)) : null;
    if (quoteTime)
      f.notes.push('export time read as US Eastern (thinkorswim stamps the computer’s local time)');
  }
  if (f.bases.size > 1) {
    const counts = [...f.bases].map(([d, n]) => `${n}× ${d}`).join(', ');
    f.notes.push(`section captions disagree on the trading date their day counts start from (${counts})`);
  }
  const snap = builder.finish({
    reader: f.reader,
    url: f.opts.url,
    readAt: f.opts.now,
    symbol: f.symbol,
    price: underlyingLast(f.rows),
    quoteTime,
    expiriesListed: f.sections,
    note: f.notes.length > 0 ? f.notes.join('; ') : null,
  });
  settleEquityPm(snap, !INDEX_ROOTS[f.symbol] && looksLikeEquitySymbol(f.symbol), f.symbol);
  return { ok: true, reader: f.reader, snapshots: [snap] };
}
