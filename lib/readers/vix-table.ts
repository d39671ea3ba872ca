/**
 * Reads VIX futures rows out of text grids: a header with a contract/symbol or month column
 * and a price column (last/settle/price), optionally an expiration column. Monthly VX
 * contracts only (weeklies and minis are left out of the curve); expiry from the row's date,
 * else derived from the symbol or month name with the Cboe rule (lib/engine/market/vix-expiry.ts).
 */

import { parseVixSymbol, vixSettlementDate as vixFutureExpiry } from '../engine/market/vix-expiry';
import type { VixCurveSnapshot, VixFuture } from '../engine/snapshot-types';
import { cleanText, findDate, monthNumber, parseNumber } from './dom';
import { byWord } from './word-table';

type VixField = 'product' | 'symbol' | 'month' | 'expiry' | 'last' | 'settle';

const VIX_HEADERS = byWord<VixField>({
  product: 'product',
  symbol: 'symbol|contract|futures|ticker',
  month: 'contract month|month',
  expiry: 'expiration|expiration date|expiry|exp date|settlement date|final settlement date',
  last: 'last|last price|last sale',
  settle: 'price|settle|settlement|settlement price|close|prior settle',
});

const INDEX_ROWS = byWord<'spot' | 'VIX9D' | 'VIX3M' | 'VIX6M'>({
  spot: 'vix|^vix|$vix|vix index|vix spot|cboe volatility index',
  VIX9D: 'vix9d|^vix9d',
  VIX3M: 'vix3m|^vix3m',
  VIX6M: 'vix6m|^vix6m',
});

export interface VixRowsResult {
  futures: VixFuture[];
  spot: number | null;
  indices: VixCurveSnapshot['indices'];
}

function headerOf(cells: string[]): Map<VixField, number> | null {
  const map = new Map<VixField, number>();
  cells.forEach((c, i) => {
    const f = VIX_HEADERS.get(
      cleanText(c)
        .toLowerCase()
        .replace(/[():*]/g, '')
        .trim(),
    );
    if (f && !map.has(f)) map.set(f, i);
  });
  const hasKey = map.has('symbol') || map.has('month');
  const hasPrice = map.has('last') || map.has('settle');
  return hasKey && hasPrice ? map : null;
}

/** Year for a contract month given the read date: the first month not already expired. */
export function contractYear(month: number, nowIso: string): number {
  const year = Number(nowIso.slice(0, 4));
  const today = nowIso.slice(0, 10);
  return vixFutureExpiry(year, month) >= today ? year : year + 1;
}

type YearMonth = { year: number; month: number };

function monthExpiry(text: string, nowIso: string, prev: YearMonth | null): YearMonth | null {
  const m = /^([A-Za-z]{3,9})\.?(?:\s+'?(\d{2}|\d{4}))?$/.exec(cleanText(text));
  if (!m) return null;
  const month = monthNumber(m[1] as string);
  if (!month) return null;
  let year: number;
  if (m[2]) year = m[2].length === 2 ? 2000 + Number(m[2]) : Number(m[2]);
  else if (prev) year = month <= prev.month ? prev.year + 1 : prev.year;
  else year = contractYear(month, nowIso);
  return { year, month };
}

/**
 * Reads VIX futures from rows of cell texts (header row included somewhere).
 * @param nowIso read instant, used to resolve one-digit symbol years and bare month names.
 */
export function readVixRows(rows: readonly string[][], nowIso: string): VixRowsResult {
  return readVixRowsOf(rows.length, (r) => rows[r] as string[], nowIso);
}

/**
 * {@link readVixRows} over `count` rows given one at a time by `cellsAt`: a page's grids are read
 * without a list of their rows' cells made first (a 2,000-row option chain is given up after
 * its first dozen rows, once per live read).
 */
export function readVixRowsOf(
  count: number,
  cellsAt: (row: number) => string[],
  nowIso: string,
): VixRowsResult {
  const out: VixRowsResult = { futures: [], spot: null, indices: {} };
  let header: Map<VixField, number> | null = null;
  let prevMonth: { year: number; month: number } | null = null;
  const refYear = Number(nowIso.slice(0, 4));
  /** A VIX table names its columns near the top; a grid with no such header is skipped early. */
  const HEADER_SEARCH_ROWS = 12;
  for (let r = 0; r < count; r++) {
    if (!header && r >= HEADER_SEARCH_ROWS) break;
    const cells = cellsAt(r);
    const h = headerOf(cells);
    if (h) {
      header = h;
      prevMonth = null;
      continue;
    }
    if (!header) continue;
    const at = (f: VixField) => {
      const i = header?.get(f);
      return i === undefined ? '' : (cells[i] ?? '');
    };
    const price = parseNumber(at('last')) || parseNumber(at('settle'));
    const key = cleanText(at('symbol') || at('month'));
    const index = INDEX_ROWS.get(key.toLowerCase());
    if (index && price) {
      if (index === 'spot') out.spot = price;
      else out.indices[index] = price;
      continue;
    }
    const product = cleanText(at('product')).toUpperCase();
    if (product && product !== 'VX') continue;
    if (!price || price <= 0) continue;
    let expiry = findDate(at('expiry'));
    let symbol: string | null = at('symbol') ? key : null;
    const sym = symbol ? parseVixSymbol(symbol, refYear) : null;
    if (symbol && !sym) {
      // Weekly ("VX52/Z3") or mini ("VXM/Z3") contracts are not part of the monthly curve.
      if (/^VX(\d{2}|M)\b/i.test(symbol) || !/^\/?VX/i.test(symbol)) continue;
    }
    const month: YearMonth | null = sym ?? (at('month') ? monthExpiry(at('month'), nowIso, prevMonth) : null);
    if (month) prevMonth = month;
    expiry ??= month ? vixFutureExpiry(month.year, month.month) : null;
    if (!expiry) continue;
    if (!symbol && month) symbol = `VX/${'FGHJKMNQUVXZ'[month.month - 1]}${month.year % 10}`;
    out.futures.push({ expiry, symbol, price });
  }
  return out;
}
