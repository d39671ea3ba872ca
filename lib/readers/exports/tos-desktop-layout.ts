/**
 * The layout of a thinkorswim desktop "Stock and Option Quote" export: its title line, expiry
 * captions ("7 NOV 23  (0)  100 (Weeklys)"), the per-section header (calls left of Exp/Strike,
 * puts right, columns found by name) and the export's date text. Reading rows is tos-desktop.ts.
 */
import { cleanText, isoDate, monthNumber } from '../dom';
import { byWord } from '../word-table';

export const TITLE =
  /^stock (?:quote )?and option quote for ([$/]?[A-Z][A-Z0-9./]{0,11})(?: on (\d{1,2})\/(\d{1,2})\/(\d{2,4}) (\d{1,2}):(\d{2})(?::(\d{2}))?)?/i;
const CAPTION = /^(\d{1,2}) ([A-Z]{3}) (\d{2}) \((\d+)\) (\S+)(?: \(([^)]*)\))?$/i;

export type TosField = 'bid' | 'ask' | 'last' | 'volume' | 'openInterest' | 'iv' | 'delta';
const FIELDS = byWord<TosField>({
  bid: 'bid',
  ask: 'ask',
  last: 'last',
  volume: 'volume',
  openInterest: 'open.int|open int',
  iv: 'impl vol',
  delta: 'delta',
});

/** True when the rows start with the export's title line. */
export function isTosDesktop(rows: string[][]): boolean {
  return TITLE.test(cleanText((rows[0] ?? []).find((c) => c !== '') ?? ''));
}

export interface Caption {
  expiry: string;
  days: number;
  multiplier: string;
  tag: string | null;
}

export function caption(cells: string[]): Caption | null {
  const filled = cells.filter((c) => c !== '');
  if (filled.length !== 1) return null;
  const m = CAPTION.exec(cleanText(filled[0]));
  const month = m ? monthNumber(m[2] as string) : null;
  const expiry = m && month ? isoDate(2000 + Number(m[3]), month, Number(m[1])) : null;
  if (!m || !expiry) return null;
  return { expiry, days: Number(m[4]), multiplier: m[5] as string, tag: m[6]?.toLowerCase() ?? null };
}

/** "7 NOV 23" → "2023-11-07". */
export function rowExpiry(text: string): string | null {
  const m = /^(\d{1,2}) ([A-Z]{3}) (\d{2})$/i.exec(cleanText(text));
  const month = m ? monthNumber(m[2] as string) : null;
  return m && month ? isoDate(2000 + Number(m[3]), month, Number(m[1])) : null;
}

export interface Header {
  width: number;
  exp: number;
  strike: number;
  cols: { i: number; side: 'call' | 'put'; field: TosField }[];
}

export function header(cells: string[]): Header | null {
  const lower = cells.map((c) => cleanText(c).toLowerCase());
  const exp = lower.indexOf('exp');
  const strike = lower.indexOf('strike');
  if (exp < 0 || strike < 0) return null;
  const lo = Math.min(exp, strike);
  const hi = Math.max(exp, strike);
  const cols: Header['cols'] = [];
  const seen = new Set<string>();
  lower.forEach((h, i) => {
    const field = FIELDS.get(h);
    if (!field || (i > lo && i < hi)) return;
    const side = i < lo ? 'call' : 'put';
    if (seen.has(`${side}|${field}`)) return; // first column of a name wins on each side
    seen.add(`${side}|${field}`);
    cols.push({ i, side, field });
  });
  return { width: cells.length, exp, strike, cols };
}
