/**
 * Fidelity Active Trader Pro option-chain CSV export. Line 1 names the underlying and its
 * last trade ("NVDA - NVIDIA CORP Last Trade $181.98 as of 12/5/2025 3:36:10 PM"), line 2 the
 * export time ("12/05/2025 03:36:29 PM ET"), then a header whose names repeat: calls left of
 * Strike, puts right (e.g. Symbol, Open Int, Bid, Ask, Delta … Strike, Symbol, Open Int, …).
 * Each expiry opens with a placeholder row of "--" (the expiry's header line in ATP, or a
 * collapsed expiry): counted in coverage, never read as quotes. Symbols are unpadded
 * ("NVDA251205C50") and must agree with the Expiration Date and Strike cells.
 */
import type { Quote } from '../../engine/snapshot-types';
import { ChainBuilder, emptyQuote } from '../build';
import { parseFieldValue } from '../cell-number';
import { cleanText, isoDate, parseNumber } from '../dom';
import { easternToIso } from '../eastern-time';
import type { ReadResult } from '../types';
import { byWord } from '../word-table';
import { type CsvOptions, lowerCells } from './csv-rows';
import { looksLikeEquitySymbol, settleEquityPm } from './roots';

const LABEL = 'Fidelity Active Trader Pro export';
const SYMBOL = /^-?([A-Z]{1,6}\d?)(\d{2})(\d{2})(\d{2})([CP])(\d+(?:\.\d+)?)$/;

type Field = 'bid' | 'ask' | 'last' | 'volume' | 'openInterest' | 'iv' | 'delta' | 'symbol';
const FIELDS = byWord<Field>({
  symbol: 'symbol',
  bid: 'bid',
  ask: 'ask',
  last: 'last',
  volume: 'volume',
  openInterest: 'open int|open interest',
  iv: 'imp vol|implied volatility|iv',
  delta: 'delta',
});

interface Header {
  at: number;
  width: number;
  expiry: number;
  strike: number;
  cols: { i: number; side: 'call' | 'put'; field: Field }[];
}

function findHeader(rows: string[][]): Header | null {
  for (let at = 0; at < Math.min(rows.length, 6); at++) {
    const lower = lowerCells(rows[at]);
    const expiry = lower.indexOf('expiration date');
    const strike = lower.indexOf('strike');
    const symbols = lower.flatMap((h, i) => (h === 'symbol' ? [i] : []));
    if (expiry < 0 || strike < 0 || symbols.length !== 2) continue;
    if (!((symbols[0] as number) < strike && strike < (symbols[1] as number))) continue;
    const cols: Header['cols'] = [];
    const seen = new Set<string>();
    lower.forEach((h, i) => {
      const field = FIELDS.get(h);
      if (!field || i === strike || i === expiry) return;
      const side = i < strike ? 'call' : 'put';
      if (seen.has(`${side}|${field}`)) return;
      seen.add(`${side}|${field}`);
      cols.push({ i, side, field });
    });
    return { at, width: lower.length, expiry, strike, cols };
  }
  return null;
}

/** True for the ATP layout: a header with Expiration Date, Strike between two Symbol columns. */
export function isFidelityAtp(rows: string[][]): boolean {
  return findHeader(rows) !== null;
}

/** "12/05/2025" → "2025-12-05". */
function usDate(text: string): string | null {
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(cleanText(text));
  return m ? isoDate(Number(m[3]), Number(m[1]), Number(m[2])) : null;
}

const isPlaceholder = (cells: string[], h: Header) =>
  cells.every((c, i) => i === h.expiry || c === '' || c === '--');

function readRow(cells: string[], h: Header, builder: ChainBuilder, ivNote: Set<string>): void {
  const expiry = usDate(cells[h.expiry] ?? '');
  const strike = parseNumber(cells[h.strike] ?? '');
  if (!expiry) {
    builder.drop('expiry-unknown');
    return;
  }
  if (strike === null || !(strike > 0)) {
    builder.drop('strike-unreadable');
    return;
  }
  for (const side of ['call', 'put'] as const) {
    const q: Quote = emptyQuote();
    let root: string | null = null;
    let bad = false;
    for (const c of h.cols) {
      if (c.side !== side) continue;
      const text = cells[c.i] ?? '';
      if (c.field === 'symbol') {
        const m = SYMBOL.exec(cleanText(text).toUpperCase());
        if (!m) {
          bad = text !== '';
          continue;
        }
        const symExpiry = isoDate(2000 + Number(m[2]), Number(m[3]), Number(m[4]));
        const symSide = m[5] === 'C' ? 'call' : 'put';
        if (symExpiry !== expiry || Number(m[6]) !== strike || symSide !== side) bad = true;
        root = m[1] as string;
      } else if (c.field === 'iv') {
        // Only a "%" says the unit; a bare number could be percent or fraction: not read.
        // Only a "%" in the cell states the unit; a bare number is not read (and said so).
        q.iv = parseFieldValue('iv', text, null);
        if (q.iv === null && parseNumber(text) !== null)
          ivNote.add('IV without a % sign not read (unit not stated)');
      } else q[c.field] = parseFieldValue(c.field, text);
    }
    if (bad) builder.drop('symbol-mismatch');
    else builder.add(expiry, root, strike, side, q);
  }
}

/** Reads the export (rows already split). */
export function readFidelityAtp(rows: string[][], opts: CsvOptions): ReadResult {
  const h = findHeader(rows);
  if (!h) {
    return {
      ok: false,
      reader: 'csv-fidelity-atp',
      failure: { reason: 'layout-changed', detail: `${LABEL}: no Expiration Date / Symbol / Strike header` },
    };
  }
  const builder = new ChainBuilder();
  const listed = new Set<string>();
  const ivNote = new Set<string>();
  let placeholders = 0;
  for (const cells of rows.slice(h.at + 1)) {
    if (cells.every((c) => c === '')) continue;
    if (cells.length !== h.width) {
      builder.drop('cell-count-mismatch');
      continue;
    }
    const expiry = usDate(cells[h.expiry] ?? '');
    if (expiry) listed.add(expiry);
    if (isPlaceholder(cells, h)) {
      placeholders++;
      continue;
    }
    readRow(cells, h, builder, ivNote);
  }
  const line1 = cleanText(rows[0]?.join(',') ?? '');
  const head = /^([A-Z][A-Z0-9.]{0,9}) - .*?Last Trade \$?([\d,]+(?:\.\d+)?)(?: as of (.*))?$/i.exec(line1);
  const line2 = h.at >= 2 ? cleanText(rows[1]?.join(' ') ?? '') : '';
  const quoteTime = easternToIso(line2) ?? (head?.[3] ? easternToIso(head[3]) : null);
  const notes = [...ivNote];
  if (placeholders > 0)
    notes.unshift(`${placeholders} expiry placeholder rows ("--") skipped: they hold no quotes`);
  const snap = builder.finish({
    reader: 'csv-fidelity-atp',
    url: opts.url,
    readAt: opts.now,
    symbol: head?.[1]?.toUpperCase() ?? '',
    price: head ? parseNumber(head[2]) : null,
    quoteTime,
    expiriesListed: listed.size,
    note: notes.join('; ') || null,
  });
  if (snap.expiries.length === 0) {
    const drops = snap.dropped.map((d) => `${d.count} ${d.reason}`).join(', ');
    return {
      ok: false,
      reader: 'csv-fidelity-atp',
      failure: {
        reason: 'no-rows',
        detail: `${LABEL}: ${listed.size} expirations listed but no readable quote${drops ? ` (dropped: ${drops})` : ''}`,
      },
    };
  }
  // "NVDA - NVIDIA CORP": an equity's own options carry its symbol as their root.
  settleEquityPm(snap, looksLikeEquitySymbol(snap.underlying.symbol), snap.underlying.symbol);
  return { ok: true, reader: 'csv-fidelity-atp', snapshots: [snap] };
}
