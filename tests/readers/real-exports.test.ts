/**
 * The export and download readers on the real files in ../shared/data (public data, never
 * copied here): thinkorswim desktop "Stock and Option Quote" CSVs (and the SPY one rendered to
 * HTML the way the HTML save lays it out), the Fidelity Active Trader Pro CSV, the Cboe
 * quotedata downloads and the VIX settlement CSV. Expected values are read off the files by eye
 * and written here as literals (the file's line is quoted beside them). The "every quote" checks
 * re-read each file in the test with the column positions read by eye from its header, so a
 * value put in the wrong place anywhere in the file fails. Skips when the folder is absent.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../lib/cli/parse-html';
import type { ChainSnapshot, Quote } from '../../lib/engine/snapshot-types';
import { readCsv } from '../../lib/readers/csv';
import { readImportFile } from '../../lib/readers/import-file';
import type { ReadResult } from '../../lib/readers/types';
import { snapshotSchema } from '../../lib/schema/snapshot';
import { SHARED_DATA } from './helpers';

const NOW = '2026-12-03T10:00:00.000Z';
const present = existsSync(SHARED_DATA);
if (!present) console.warn(`real-export reader tests skipped: ${SHARED_DATA} is absent`);
const d = describe.skipIf(!present);
const text = (dir: string, name: string) => readFileSync(join(SHARED_DATA, dir, name), 'utf8');

function chainOf(r: ReadResult): ChainSnapshot {
  if (!r.ok) throw new Error(r.failure.detail);
  const s = r.snapshots[0];
  if (s?.kind !== 'option-chain') throw new Error('not a chain');
  expect(snapshotSchema.safeParse(s).success).toBe(true);
  return s;
}

function quote(s: ChainSnapshot, expiry: string, strike: number, side: 'call' | 'put'): Quote | null {
  const e = s.expiries.find((x) => x.expiry === expiry);
  return e?.rows.find((r) => r.strike === strike)?.[side] ?? null;
}

const contracts = (s: ChainSnapshot) =>
  s.expiries.reduce((n, e) => n + e.rows.reduce((m, r) => m + (r.call ? 1 : 0) + (r.put ? 1 : 0), 0), 0);

/** The file's data rows as cell lists (test-side CSV split, nothing from our readers). */
const fileRows = (csv: string) =>
  Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
/** A printed number, or null for "<empty>", "--", "" (test-side). */
const num = (t: string | undefined) => {
  const n = Number((t ?? '').replace(/,/g, ''));
  return t !== undefined && t.trim() !== '' && Number.isFinite(n) ? n : null;
};
const MONTHS = 'JAN FEB MAR APR MAY JUN JUL AUG SEP OCT NOV DEC'.split(' ');
/** "7 NOV 23" → "2023-11-07" (test-side). */
const tosDate = (t: string) => {
  const [dd, mon, yy] = t.split(' ');
  return `20${yy}-${String(MONTHS.indexOf(mon ?? '') + 1).padStart(2, '0')}-${(dd ?? '').padStart(2, '0')}`;
};

/** Every data row's bid/ask (positions read by eye from the file's header) equals the snapshot's. */
function wrongBidAsk(
  s: ChainSnapshot,
  rows: string[][],
  cols: { exp: number; strike: number; callBid: number; callAsk: number; putBid: number; putAsk: number },
  date: (t: string) => string,
  from: string,
): string[] {
  const wrong: string[] = [];
  for (const r of rows) {
    const expiry = date(r[cols.exp] ?? '');
    const strike = num(r[cols.strike]);
    if (expiry < from || strike === null) continue;
    for (const [side, b, a] of [
      ['call', cols.callBid, cols.callAsk],
      ['put', cols.putBid, cols.putAsk],
    ] as const) {
      const q = quote(s, expiry, strike, side);
      if (q?.bid !== num(r[b]) || q?.ask !== num(r[a])) wrong.push(`${expiry} ${strike} ${side}`);
    }
  }
  return wrong;
}

d('thinkorswim desktop export: SPY 2023-11-08 (narrow layout)', () => {
  const dir = 'thinkorswim-desktop-export-csv';
  const csv = text(dir, '2023-11-08-StockAndOptionQuoteForSPY.csv');
  const s = chainOf(readCsv(csv, { url: 'spy.csv', now: NOW }));
  it('symbol from the title, LAST from the UNDERLYING block', () => {
    expect(s.source.reader).toBe('csv-tos-desktop');
    // "Stock quote and option quote for SPY on 11/8/23 00:30:11"; "436.93,P,+1.24,436.49, ,436.54, ,…"
    expect(s.underlying).toEqual({ symbol: 'SPY', price: 436.93 });
  });
  it('stamped after midnight: the quotes are the previous session close; its 0-DTE expiry is dropped as expired', () => {
    // "on 11/8/23 00:30:11" (Wed, before the open) → Tue 2023-11-07 16:00 EST (equity options) = 21:00Z.
    expect(s.quoteTime).toBe('2023-11-07T21:00:00.000Z');
    expect(s.flags.find((f) => f.kind === 'quote-time-from-close')?.detail).toContain(
      '2023-11-08T05:30:11.000Z',
    );
    // "7 NOV 23  (0)  100": 140 strike rows, both sides quoted, settled at that close.
    expect(s.dropped).toEqual([{ reason: 'expired', count: 280 }]);
    expect(s.expiries[0]?.expiry).toBe('2023-11-08');
  });
  it('every section is its own expiry (31 captions); equity options settle PM', () => {
    expect(s.coverage.expiriesListed).toBe(31);
    const later = s.expiries.filter((e) => e.expiry >= '2023-11-08');
    // Captions "8 NOV 23  (1)  100 (Weeklys)" … "16 JAN 26  (801)  100": 30 after the 7 NOV 23 (0) one.
    expect(later.map((e) => e.expiry)).toEqual([
      '2023-11-08',
      '2023-11-09',
      '2023-11-10',
      '2023-11-13',
      '2023-11-14',
      '2023-11-15',
      '2023-11-16',
      '2023-11-17',
      '2023-11-20',
      '2023-11-21',
      '2023-11-24',
      '2023-12-01',
      '2023-12-08',
      '2023-12-15',
      '2023-12-22',
      '2023-12-29',
      '2024-01-19',
      '2024-02-16',
      '2024-03-15',
      '2024-03-28',
      '2024-06-21',
      '2024-06-28',
      '2024-09-20',
      '2024-09-30',
      '2024-12-20',
      '2025-01-17',
      '2025-03-21',
      '2025-06-20',
      '2025-12-19',
      '2026-01-16',
    ]);
    expect(new Set(s.expiries.map((e) => `${e.root}|${e.settlement}`))).toEqual(new Set(['SPY|PM']));
    // 4,069 strike rows in the file, 140 of them in the 7 NOV 23 section: 3,929 later rows × 2 sides.
    expect(later.reduce((n, e) => n + e.rows.length, 0)).toBe(3929);
  });
  it('contracts as printed; Theo Price and Mark are not read as prices', () => {
    // line 245: ",,35.31,.995,.99,N,1.00,D,8 NOV 23,437,1.09,X,1.10,Q,14.25,1.095,,"
    expect(quote(s, '2023-11-08', 437, 'call')).toEqual({
      bid: 0.99,
      ask: 1,
      last: null,
      volume: null,
      openInterest: null,
      iv: null,
      delta: null,
    });
    expect(quote(s, '2023-11-08', 437, 'put')).toMatchObject({ bid: 1.09, ask: 1.1, last: null });
    // line 2031: ",,31.46,6.780,6.77,P,6.79,P,15 DEC 23,440,8.34,P,8.37,P,18.54,8.355,,"
    expect(quote(s, '2023-12-15', 440, 'call')).toMatchObject({ bid: 6.77, ask: 6.79 });
    expect(quote(s, '2023-12-15', 440, 'put')).toMatchObject({ bid: 8.34, ask: 8.37 });
    // line 4175: ",,5.52,1.725,.95,N,2.50,B,16 JAN 26,670,230.50,B,235.50,B,<empty>,233.000,,"
    expect(quote(s, '2026-01-16', 670, 'put')).toMatchObject({ bid: 230.5, ask: 235.5 });
  });
  it('every bid and ask in the file lands on its expiry, strike and side (zero wrong values)', () => {
    const cols = { exp: 8, strike: 9, callBid: 4, callAsk: 6, putBid: 10, putAsk: 12 };
    const rows = fileRows(csv).filter((r) => /^\d{1,2} [A-Z]{3} \d{2}$/.test(r[8] ?? ''));
    expect(rows).toHaveLength(4069);
    expect(wrongBidAsk(s, rows, cols, tosDate, '2023-11-08')).toEqual([]);
  });
  it('the same export as an HTML save reads the same', () => {
    const r = readImportFile('spy.html', tosCsvToHtml(csv), {
      url: 'http://localhost/spy.html',
      now: NOW,
      parseHtml: (h, u) => parseHtml(h, u).doc,
    });
    const h = chainOf(r);
    expect(h.source.reader).toBe('html-tos-desktop');
    expect({ ...h, source: null }).toEqual({ ...s, source: null });
  });
});

d('thinkorswim desktop export: AMZN 2026-04-10 (Volume, Open.Int, Delta, Impl Vol)', () => {
  const csv = text('thinkorswim-desktop-export-csv', '2026-04-10-StockAndOptionQuoteForAMZN.csv');
  const s = chainOf(readCsv(csv, { url: 'amzn.csv', now: NOW }));
  it('stamped pre-market: the quotes are the previous close; the same-day expiry is still live', () => {
    // "on 4/10/26 07:31:41" (Fri, before the open) → Thu 2026-04-09 16:00 EDT = 20:00Z.
    expect(s.quoteTime).toBe('2026-04-09T20:00:00.000Z');
    expect(s.expiries[0]?.expiry).toBe('2026-04-10'); // "10 APR 26  (0)  100 (Weeklys)" settles 4/10 16:00
    expect(s.dropped).toEqual([]);
  });
  it('underlying, 27 sections, 1,264 strike rows', () => {
    // "233.65,Q,0,234.00,Q,234.10,P,900 x 500,…"
    expect(s.underlying).toEqual({ symbol: 'AMZN', price: 233.65 });
    expect(s.coverage.expiriesListed).toBe(27);
    expect(s.expiries.at(-1)?.expiry).toBe('2028-12-15'); // "15 DEC 28  (980)  100"
    expect(s.expiries.find((e) => e.expiry === '2026-06-18')).toBeDefined(); // "18 JUN 26  (69)  100" (a Thursday)
    expect(s.expiries.filter((e) => e.expiry >= '2026-04-13').reduce((n, e) => n + e.rows.length, 0)).toBe(
      1264 - 51, // 51 rows in the "10 APR 26  (0)" section
    );
  });
  it('"<empty>", "--", "3,756", ".00", percent IV as printed', () => {
    // line 20: ",,<empty>,42,0.00%,100.00%,<empty>,1.00,--,76.50, ,79.95, ,10 APR 26,155,0, ,.04, ,<empty>,"3,756",99.69%,0.31%,<empty>,.00,493.42%,,"
    expect(quote(s, '2026-04-10', 155, 'call')).toEqual({
      bid: 76.5,
      ask: 79.95,
      last: null,
      volume: null,
      openInterest: 42,
      iv: null,
      delta: 1,
    });
    expect(quote(s, '2026-04-10', 155, 'put')).toEqual({
      bid: 0,
      ask: 0.04,
      last: null,
      volume: null,
      openInterest: 3756,
      iv: 4.9342,
      delta: 0,
    });
    // line 545: "…,1.00,--,<empty>, ,<empty>, ,29 MAY 26,120,<empty>, ,<empty>, ,<empty>,0,100.00%,0.00%,<empty>,.00,0.00%,,"
    // thinkorswim's "0.00%" IV is its blank, not a 0 % vol.
    expect(quote(s, '2026-05-29', 120, 'put')).toEqual({
      bid: null,
      ask: null,
      last: null,
      volume: null,
      openInterest: 0,
      iv: null,
      delta: 0,
    });
    // line 475: ",,<empty>,"16,792",52.68%,47.32%,<empty>,.52,39.97%,11.35, ,11.70, ,15 MAY 26,235,12.10, ,12.30, ,<empty>,"5,388",47.22%,52.78%,<empty>,-.48,41.70%,,"
    expect(quote(s, '2026-05-15', 235, 'call')).toEqual({
      bid: 11.35,
      ask: 11.7,
      last: null,
      volume: null,
      openInterest: 16792,
      iv: 0.3997,
      delta: 0.52,
    });
    expect(quote(s, '2026-05-15', 235, 'put')).toEqual({
      bid: 12.1,
      ask: 12.3,
      last: null,
      volume: null,
      openInterest: 5388,
      iv: 0.417,
      delta: -0.48,
    });
    // line 1354: "…,.38,36.71%,27.00, ,28.90, ,15 DEC 28,370,139.50, ,144.00, ,<empty>,93,18.48%,81.52%,<empty>,-.75,36.47%,,"
    expect(quote(s, '2028-12-15', 370, 'put')).toMatchObject({
      bid: 139.5,
      ask: 144,
      openInterest: 93,
      delta: -0.75,
    });
  });
  it('every bid and ask in the file lands on its expiry, strike and side (zero wrong values)', () => {
    const cols = { exp: 13, strike: 14, callBid: 9, callAsk: 11, putBid: 15, putAsk: 17 };
    const rows = fileRows(csv).filter((r) => /^\d{1,2} [A-Z]{3} \d{2}$/.test(r[13] ?? ''));
    expect(rows).toHaveLength(1264);
    expect(wrongBidAsk(s, rows, cols, tosDate, '2026-04-10')).toEqual([]);
  });
});

d('Fidelity Active Trader Pro export: NVDA 2025-12-05', () => {
  const csv = text('fidelity-atp-export-csv', 'fidelity_atp_NVDA_2025-12-05.csv');
  const s = chainOf(readCsv(csv, { url: 'nvda.csv', now: NOW }));
  it('spot and time from the first two lines', () => {
    expect(s.source.reader).toBe('csv-fidelity-atp');
    // "NVDA - NVIDIA CORP Last Trade $181.98 as of 12/5/2025 3:36:10 PM"
    expect(s.underlying).toEqual({ symbol: 'NVDA', price: 181.98 });
    // "12/05/2025 03:36:29 PM ET": 15:36:29 EST = 20:36:29Z
    expect(s.quoteTime).toBe('2025-12-05T20:36:29.000Z');
  });
  it('13 expirations, one "--" placeholder row each (not quotes), 1,435 strike rows', () => {
    expect(s.coverage).toEqual({
      expiriesListed: 13,
      expiriesRead: 13,
      rowsRead: 1435,
      note: '13 expiry placeholder rows ("--") skipped: they hold no quotes',
    });
    expect(contracts(s)).toBe(2870);
    expect(s.dropped).toEqual([]);
    expect(new Set(s.expiries.map((e) => `${e.root}|${e.settlement}`))).toEqual(new Set(['NVDA|PM']));
  });
  it('duplicate header names: calls left of Strike, puts right', () => {
    // line 6: "12/05/2025","NVDA251205C50","132","130.60","132.65","1.00",…,"50","NVDA251205P50","11","0.00","0.01","0.00",…
    expect(quote(s, '2025-12-05', 50, 'call')).toEqual({
      bid: 130.6,
      ask: 132.65,
      last: null,
      volume: null,
      openInterest: 132,
      iv: null,
      delta: 1,
    });
    expect(quote(s, '2025-12-05', 50, 'put')).toEqual({
      bid: 0,
      ask: 0.01,
      last: null,
      volume: null,
      openInterest: 11,
      iv: null,
      delta: 0,
    });
    // line 410: "12/19/2025","NVDA251219C180","45707","6.75","6.80","0.5809",…,"180","NVDA251219P180","61015","4.45","4.50","-0.4209",…
    expect(quote(s, '2025-12-19', 180, 'call')).toMatchObject({
      bid: 6.75,
      ask: 6.8,
      openInterest: 45707,
      delta: 0.5809,
    });
    expect(quote(s, '2025-12-19', 180, 'put')).toMatchObject({
      bid: 4.45,
      ask: 4.5,
      openInterest: 61015,
      delta: -0.4209,
    });
    // line 413: "12/19/2025","NVDA251219C182.5","3504","5.35","5.40",…,"182.5","NVDA251219P182.5","2833","5.55","5.65",…
    expect(quote(s, '2025-12-19', 182.5, 'put')).toMatchObject({ bid: 5.55, ask: 5.65, openInterest: 2833 });
  });
  it('every bid and ask in the file lands on its expiry, strike and side (zero wrong values)', () => {
    const cols = { exp: 0, strike: 9, callBid: 3, callAsk: 4, putBid: 12, putAsk: 13 };
    const rows = fileRows(csv).filter((r) => /^\d\d\/\d\d\/\d{4}$/.test(r[0] ?? '') && r[1] !== '');
    expect(rows).toHaveLength(1435);
    const usDate = (t: string) => `${t.slice(6)}-${t.slice(0, 2)}-${t.slice(3, 5)}`;
    expect(wrongBidAsk(s, rows, cols, usDate, '2025-12-05')).toEqual([]);
  });
});

d('Cboe quotedata downloads: whole-file counts and more contracts', () => {
  it('SPX 2020-03-22: 9,500 strike rows, 14 SPX + 27 SPXW expiries', () => {
    const s = chainOf(
      readCsv(text('cboe-quotedata-spx-2020-03-22', 'quotedata.dat'), { url: 'q.dat', now: NOW }),
    );
    expect(s.expiries.filter((e) => e.root === 'SPX')).toHaveLength(14);
    expect(s.expiries.filter((e) => e.root === 'SPXW')).toHaveLength(27);
    expect(contracts(s)).toBe(19000);
    // line 3445: 04/17/2020,SPX200417C02300000,150,-117.95,145.6,150.3,501,0.603,0.5294,0.0011,3536,2300.000,SPX200417P02300000,153,29.6,148.5,153.1,9862,0.6026,-0.4706,0.0011,40161
    const e = s.expiries.find((x) => x.expiry === '2020-04-17' && x.root === 'SPX');
    expect(e?.settlement).toBe('AM');
    expect(e?.rows.find((r) => r.strike === 2300)).toEqual({
      strike: 2300,
      call: { bid: 145.6, ask: 150.3, last: 150, volume: 501, openInterest: 3536, iv: 0.603, delta: 0.5294 },
      put: {
        bid: 148.5,
        ask: 153.1,
        last: 153,
        volume: 9862,
        openInterest: 40161,
        iv: 0.6026,
        delta: -0.4706,
      },
    });
    // line 1291: 03/31/2020,SPXW200331C02300000,121.6,-109.05,113.3,117.3,3,0.7614,0.5243,…,2300.000,SPXW200331P02300000,114.79,31.64,113.9,117.9,1604,0.7614,-0.4757,0.0014,11589
    const w = s.expiries.find((x) => x.expiry === '2020-03-31' && x.root === 'SPXW');
    expect(w?.rows.find((r) => r.strike === 2300)?.put).toEqual({
      bid: 113.9,
      ask: 117.9,
      last: 114.79,
      volume: 1604,
      openInterest: 11589,
      iv: 0.7614,
      delta: -0.4757,
    });
  });
  it.each([
    ['spx_quotedata.csv', 'SPX', 4500.5298, 19, 26, 10257],
    ['ndx_quotedata.csv', 'NDX', 14694.3506, 17, 18, 9193],
  ])(
    '2022-02-05 %s: %s @ %d, AM and PM roots kept apart, %i+%i expiries',
    (name, sym, price, am, pm, rows) => {
      const s = chainOf(readCsv(text('cboe-quotedata-spx-ndx-2022-02-05', name), { url: name, now: NOW }));
      expect(s.underlying).toEqual({ symbol: sym, price }); // "Last: 4500.5298" / "Last: 14694.3506"
      expect(s.expiries.filter((e) => e.settlement === 'AM')).toHaveLength(am);
      expect(s.expiries.filter((e) => e.settlement === 'PM')).toHaveLength(pm);
      expect(contracts(s)).toBe(rows * 2);
    },
  );
  it('2022-02-05 SPX and NDX March monthlies as printed', () => {
    const spx = chainOf(
      readCsv(text('cboe-quotedata-spx-ndx-2022-02-05', 'spx_quotedata.csv'), { url: 's', now: NOW }),
    );
    // line 3882: Fri Mar 18 2022,SPX220318C04500000,113.2,-3.1,113.7,114.9,3751,0.2224,0.4943,0.0013,25598,4500.00,SPX220318P04500000,126.5,-11.45,126.7,128.2,2371,0.1754,-0.5051,0.0013,29622
    const e = spx.expiries.find((x) => x.expiry === '2022-03-18' && x.root === 'SPX');
    expect(e?.rows.find((r) => r.strike === 4500)).toEqual({
      strike: 4500,
      call: {
        bid: 113.7,
        ask: 114.9,
        last: 113.2,
        volume: 3751,
        openInterest: 25598,
        iv: 0.2224,
        delta: 0.4943,
      },
      put: {
        bid: 126.7,
        ask: 128.2,
        last: 126.5,
        volume: 2371,
        openInterest: 29622,
        iv: 0.1754,
        delta: -0.5051,
      },
    });
    const ndx = chainOf(
      readCsv(text('cboe-quotedata-spx-ndx-2022-02-05', 'ndx_quotedata.csv'), { url: 'n', now: NOW }),
    );
    // line 5272: Fri Mar 18 2022,NDX220318C14700000,437,-46.9,504.1,509.7,3,0.2847,0.5119,0.0003,95,14700.00,NDX220318P14700000,535,-97.2,539.2,557.2,6,0.2512,-0.4872,0.0003,141
    const n = ndx.expiries.find((x) => x.expiry === '2022-03-18' && x.root === 'NDX');
    expect(n?.settlement).toBe('AM');
    expect(n?.rows.find((r) => r.strike === 14700)?.call).toEqual({
      bid: 504.1,
      ask: 509.7,
      last: 437,
      volume: 3,
      openInterest: 95,
      iv: 0.2847,
      delta: 0.5119,
    });
  });
});

/**
 * Renders a thinkorswim CSV export the way its HTML save lays it out: the title as a heading,
 * each blank-line-separated block as a table whose first one-cell line is its caption.
 */
function tosCsvToHtml(csv: string): string {
  const esc = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const lines = Papa.parse<string[]>(csv.replace(/^\uFEFF/, '')).data;
  const out: string[] = ['<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>'];
  let open = false;
  let first = true;
  let headerNext = false;
  for (const cells of lines) {
    const filled = cells.filter((c) => c.trim() !== '');
    if (filled.length === 0) {
      if (open) out.push('</table>');
      open = false;
      continue;
    }
    if (first) {
      out.push(`<h2>${esc(filled[0] ?? '')}</h2>`);
      first = false;
      continue;
    }
    if (!open && filled.length === 1 && cells.length === 1) {
      out.push(`<table border="1"><caption>${esc(filled[0] ?? '')}</caption>`);
      open = true;
      headerNext = true;
      continue;
    }
    const tag = headerNext ? 'th' : 'td';
    headerNext = false;
    out.push(`<tr>${cells.map((c) => `<${tag}>${esc(c)}</${tag}>`).join('')}</tr>`);
  }
  if (open) out.push('</table>');
  out.push('</body></html>');
  return out.join('\n');
}
