/**
 * Parsers for the four public history files the replay reads (pure text in, typed rows out;
 * no DOM, no Node). Each keeps the rows it can trust and counts the others by reason:
 * - SPX daily OHLC, Yahoo ^GSPC layout `Date,Open,High,Low,Close,Adj Close,Volume`;
 * - VIX history, Cboe layout `DATE,OPEN,HIGH,LOW,CLOSE` with dates MM/DD/YYYY;
 * - VVIX history, Cboe layout `DATE,VVIX` with dates MM/DD/YYYY;
 * - VX futures by contract, `,Trade Date,Futures,Open,High,Low,Close,Settle,…`: a settle of 0
 *   (every row up to 2013-07-19) falls back to the close and is marked; a row with neither, or
 *   a malformed contract date (the file has "20268-03-18"), or an expiry before the trade date
 *   is dropped.
 */
import type { Parsed, SpxDay, VxSettle } from './types';

/** Largest history file we parse, characters (the VX file is 2.2 MB, GSPC 2.5 MB). */
export const MAX_HISTORY_CHARS = 8_000_000;

const ISO = /^\d{4}-\d{2}-\d{2}$/;
const US = /^(\d{2})\/(\d{2})\/(\d{4})$/;

function lines(text: string, what: string): string[] {
  if (text.length > MAX_HISTORY_CHARS)
    throw new Error(`${what}: ${text.length} characters is over the ${MAX_HISTORY_CHARS} limit`);
  return text.replace(/^\uFEFF/, '').split(/\r?\n/);
}

function header(first: string | undefined): string[] {
  return (first ?? '').split(',').map((h) => h.trim().toLowerCase());
}

class Counter {
  private readonly counts = new Map<string, number>();
  add(reason: string): void {
    this.counts.set(reason, (this.counts.get(reason) ?? 0) + 1);
  }
  list(): { reason: string; count: number }[] {
    return [...this.counts].map(([reason, count]) => ({ reason, count }));
  }
}

/** "03/20/2020" → "2020-03-20"; ISO passes through; else null. */
export function isoDate(s: string): string | null {
  const t = s.trim();
  if (ISO.test(t)) return t;
  const m = US.exec(t);
  return m ? `${m[3]}-${m[1]}-${m[2]}` : null;
}

/** Yahoo ^GSPC daily file → sessions, oldest first (a repeated date keeps its last row). */
export function parseSpxCsv(text: string): Parsed<SpxDay> {
  const ls = lines(text, 'SPX history');
  const h = header(ls[0]);
  const [iDate, iOpen, iClose] = [h.indexOf('date'), h.indexOf('open'), h.indexOf('close')];
  if (iDate < 0 || iOpen < 0 || iClose < 0)
    throw new Error(`SPX history: need columns Date, Open, Close (have: ${h.join(', ')})`);
  const drop = new Counter();
  const byDate = new Map<string, SpxDay>();
  for (const line of ls.slice(1)) {
    if (line.trim() === '') continue;
    const c = line.split(',');
    const date = isoDate(c[iDate] ?? '');
    const open = Number(c[iOpen]);
    const close = Number(c[iClose]);
    if (!date) drop.add('date-unreadable');
    else if (!(close > 0) || !(open > 0)) drop.add('price-missing');
    else byDate.set(date, { date, open, close });
  }
  return { rows: [...byDate.values()].sort((a, b) => a.date.localeCompare(b.date)), dropped: drop.list() };
}

/**
 * A Cboe index history (VIX: `DATE,…,CLOSE`; VVIX: `DATE,VVIX`) → close by date. The value
 * column is CLOSE when present, else the column named `valueColumn`.
 */
export function parseIndexCsv(text: string, valueColumn: string): Parsed<[string, number]> {
  const what = `${valueColumn} history`;
  const ls = lines(text, what);
  const h = header(ls[0]);
  const iDate = h.indexOf('date');
  const iVal = h.includes('close') ? h.indexOf('close') : h.indexOf(valueColumn.toLowerCase());
  if (iDate < 0 || iVal < 0) throw new Error(`${what}: need columns DATE and CLOSE or ${valueColumn}`);
  const drop = new Counter();
  const byDate = new Map<string, number>();
  for (const line of ls.slice(1)) {
    if (line.trim() === '') continue;
    const c = line.split(',');
    const date = isoDate(c[iDate] ?? '');
    const v = Number(c[iVal]);
    if (!date) drop.add('date-unreadable');
    else if (!(v > 0)) drop.add('value-missing');
    else byDate.set(date, v);
  }
  const rows = [...byDate].sort((a, b) => a[0].localeCompare(b[0]));
  return { rows, dropped: drop.list() };
}

/** Cboe "VX futures by contract" daily file → settles (see the module comment for drops). */
export function parseVxCsv(text: string): Parsed<VxSettle> {
  const ls = lines(text, 'VX futures');
  const h = header(ls[0]);
  const [iTrade, iFut, iClose, iSettle] = ['trade date', 'futures', 'close', 'settle'].map((n) =>
    h.indexOf(n),
  ) as [number, number, number, number];
  if (iTrade < 0 || iFut < 0 || iClose < 0 || iSettle < 0)
    throw new Error(`VX futures: need columns Trade Date, Futures, Close, Settle (have: ${h.join(', ')})`);
  const drop = new Counter();
  const rows: VxSettle[] = [];
  for (const line of ls.slice(1)) {
    if (line.trim() === '') continue;
    const c = line.split(',');
    const date = (c[iTrade] ?? '').trim();
    const expiry = (c[iFut] ?? '').trim();
    if (!ISO.test(date) || !ISO.test(expiry)) {
      drop.add('date-malformed');
      continue;
    }
    if (expiry < date) {
      drop.add('expiry-before-trade-date');
      continue;
    }
    const settle = Number(c[iSettle]);
    const close = Number(c[iClose]);
    if (settle > 0) rows.push({ date, expiry, price: settle, fromClose: false });
    else if (close > 0 && expiry > date) rows.push({ date, expiry, price: close, fromClose: true });
    else drop.add(expiry === date ? 'final-settle-missing' : 'no-settle-no-close');
  }
  rows.sort((a, b) => a.date.localeCompare(b.date) || a.expiry.localeCompare(b.expiry));
  return { rows, dropped: drop.list() };
}
