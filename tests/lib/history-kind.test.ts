/**
 * The options page's history and VIX-curve imports tell files apart by their header (and, where
 * the header fits several kinds, by the range of the closes, and say so): a VIX history is not
 * imported as SPX closes. Real files from ../shared/data; every expected value (first and last
 * date, row count, close range) read from the file by eye, with its line. Synthetic rows only
 * for cases the real files lack (a Yahoo ^VIX download, an implausible SPX row).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dateRangeOf, dateRangeText, droppedText, parseHistoryCsv } from '../../lib/stores/csv-import';
import { parseVixCurveCsv } from '../../lib/stores/csv-vix-curve';
import { SHARED_DATA } from '../readers/helpers';

const present = existsSync(SHARED_DATA);
if (!present) console.warn(`history kind tests on real files skipped: ${SHARED_DATA} is absent`);
const real = describe.skipIf(!present);
const file = (dir: string, name: string) => readFileSync(join(SHARED_DATA, dir, name), 'utf8');

real('history slot on the real files', () => {
  it('GSPC.csv (Yahoo ^GSPC) is read as SPX closes: 1927-12-30 → 2023-12-28, 24,114 days', () => {
    const p = parseHistoryCsv(file('sp500-daily-ohlc-yahoo-1927-2023', 'GSPC.csv'));
    expect(p.error).toBeNull();
    expect(p.identity?.kind).toBe('spx-history');
    // Closes from line 1108 (1932-06-01, 4.40) to the 4,797-ish highs of 2021–2023; Yahoo's columns
    // fit a VIX download too, so the level decided.
    expect(p.identity?.byValues).toBe(true);
    expect(p.identity?.words).toMatch(
      /^an S&P 500 \(SPX\) history \(columns Date, Open, High, Low, Close, Adj Close, Volume with values 4\.4–/,
    );
    // 24,115 lines = header + 24,114 rows, none left out.
    expect(p.rows).toHaveLength(24_114);
    expect(droppedText(p.rows)).toBe('no rows left out');
    // Line 2: 1927-12-30 close 17.65999984741211; last line: 2023-12-28 close 4783.35009765625.
    expect(p.rows[0]?.value).toMatchObject({ date: '1927-12-30', spxClose: 17.65999984741211 });
    expect(p.rows.at(-1)?.value).toMatchObject({ date: '2023-12-28', spxClose: 4783.35009765625 });
    const range = dateRangeOf(p.rows.flatMap((r) => (r.value ? [r.value.date] : [])));
    expect(range && dateRangeText(range)).toBe('1927-12-30 → 2023-12-28, 24,114 days');
  });

  it.each([
    ['cboe-vol-indices-history', 'VIX_History.csv'],
    ['cboe-vx-futures-daily-2013-2026', 'VIX_History_1990_2024.csv'],
  ])('%s/%s is refused as a VIX history, not SPX closes, naming its columns and value range', (dir, name) => {
    const p = parseHistoryCsv(file(dir, name));
    expect(p.rows).toEqual([]);
    // Lowest close 9.14 (11/03/2017, line 7015 / 7016), highest 82.69 (03/16/2020, line 7607 / 7608).
    expect(p.error).toBe(
      'This looks like a VIX history (columns DATE, OPEN, HIGH, LOW, CLOSE with values 9.14–82.69), not SPX closes. ' +
        'These columns fit several kinds of file, so the range of the closes decided. ' +
        'The history import needs SPX closes; daily VIX closes go in a "VIX Close" column beside them.',
    );
  });

  it.each([
    ['cboe-vol-indices-history', 'VVIX_History.csv', 'a VVIX history (columns DATE, VVIX), not SPX closes.'],
    [
      'cboe-vol-indices-history',
      'VIXCLS.csv',
      'a VIX history (columns observation_date, VIXCLS), not SPX closes.',
    ],
    [
      'cboe-vx-futures-daily-2013-2026',
      'vx_futures_by_contract_2013_2026.csv',
      'daily VX futures settlements by contract (columns Trade Date, Futures, Open, High, Low, Close, Settle, …), not SPX closes.',
    ],
    [
      'cboe-vix-futures-settlement-2023-12-15',
      'FuturesSettlements_2023-12-15.csv',
      "Cboe's futures settlement file (columns Product, Symbol, Expiration Date, Price), not SPX closes.",
    ],
    [
      'nyse-breadth-unicorn-1965-2015',
      'NYSE_advn.csv',
      'a file without a header row (its first line reads "19650301, 550")',
    ],
    [
      'cboe-quotedata-spx-ndx-2022-02-05',
      'spx_quotedata.csv',
      'an option chain (a Strike column), not SPX closes.',
    ],
    ['thinkorswim-desktop-export-csv', '2023-11-08-StockAndOptionQuoteForSPY.csv', 'an option chain'],
  ])('%s/%s is refused by its header', (dir, name, words) => {
    const p = parseHistoryCsv(file(dir, name));
    expect(p.rows).toEqual([]);
    expect(p.error).toContain(`This looks like ${words}`);
    expect(p.identity?.byValues).toBe(false);
  });
});

real('VIX curve slot on the real files', () => {
  it.each([
    ['sp500-daily-ohlc-yahoo-1927-2023', 'GSPC.csv', 'an S&P 500 (SPX) history'],
    ['cboe-vol-indices-history', 'VIX_History.csv', 'a VIX history'],
    [
      'cboe-vx-futures-daily-2013-2026',
      'vx_futures_by_contract_2013_2026.csv',
      'daily VX futures settlements',
    ],
    [
      'cboe-vix-futures-settlement-2023-12-15',
      'FuturesSettlements_2023-12-15.csv',
      "Cboe's futures settlement file",
    ],
  ])('%s/%s is refused in words (not "Too big: expected array …")', (dir, name, words) => {
    const p = parseVixCurveCsv(file(dir, name));
    expect(p.rows).toEqual([]);
    expect(p.error).toContain(`This looks like ${words}`);
    expect(p.error).toContain('not a VIX futures curve');
    expect(p.error).not.toMatch(/expected|Too big|invalid_/);
  });
});

describe('cases the real files lack (synthetic)', () => {
  it('a Yahoo ^VIX download (same columns as ^GSPC) is refused by its levels, and says so', () => {
    const p = parseHistoryCsv(
      'Date,Open,High,Low,Close,Adj Close,Volume\n2024-01-02,13.21,14.23,13.1,13.2,13.2,0\n2024-01-03,13.38,14.22,13.2,14.04,14.04,0\n',
    );
    expect(p.error).toMatch(
      /^This looks like a VIX history \(columns Date, Open, High, Low, Close, Adj Close, Volume with values 13\.2–14\.04\), not SPX closes\. These columns fit several kinds of file, so the range of the closes decided\./,
    );
  });

  it('closes between VIX and SPX levels (an SPY or VVIX download) are refused without guessing a name', () => {
    const p = parseHistoryCsv(
      'Date,Open,High,Low,Close,Adj Close,Volume\n2012-01-03,127.76,128.38,127.43,127.5,105.9,193697900\n',
    );
    expect(p.identity?.kind).toBe('unknown');
    expect(p.error).toBe(
      'This looks like a daily history whose closes fit neither SPX (above 295 since 1990) nor VIX (5–100): columns Date, Open, High, Low, Close, Adj Close, Volume with value 127.5, not SPX closes. ' +
        'These columns fit several kinds of file, so the range of the closes decided. ' +
        'An SPX history closes above 295 from 1990 on; check the file is the one you meant.',
    );
  });

  it('an SPX row at a VIX level, or a VIX close at an SPX level, is left out with its reason', () => {
    const p = parseHistoryCsv(
      'Date,SPX Close,VIX Close\n2020-03-02,20,18\n2020-03-03,3003.37,3000\n2020-03-04,3130.12,31.99\n',
    );
    expect(p.rows.map((r) => r.error)).toEqual([
      'SPX close below 295, under any SPX close since 1990: not an SPX level',
      'VIX close outside 5–100: not a VIX level',
      null,
    ]);
    expect(droppedText(p.rows)).toBe(
      '2 rows left out: 1 × SPX close below 295, under any SPX close since 1990: not an SPX level; 1 × VIX close outside 5–100: not a VIX level',
    );
  });

  it('a second row for a date is left out; whole numbers for breadth', () => {
    const p = parseHistoryCsv(
      'Date,SPX Close,Advances\n2026-11-24,5901.55,1802\n2026-11-24,5901.55,1802\n2026-11-25,5910,12.5\n',
    );
    expect(p.rows.map((r) => r.error)).toEqual([
      null,
      'a second row for a date already read',
      'advances must be a whole number, 0 or more',
    ]);
  });

  it('a curve row with a 22-character symbol says so in words', () => {
    const p = parseVixCurveCsv(
      'Expiry,Price,Symbol\n2027-01-20,18.1,VX/F7\n2027-02-17,19,ABCDEFGHIJKLMNOPQRSTUV\n2027-03-17,19.5,VX/H7',
    );
    expect(p.rows[1]?.error).toBe('symbol is longer than 16 characters');
  });
});

describe('a long file', () => {
  it('300,000 rows are judged without overflowing (SPX levels from 1990)', () => {
    const rows = Array.from({ length: 300_000 }, (_, i) => {
      const d = new Date(Date.UTC(1990, 0, 1) + i * 3_600_000).toISOString().slice(0, 10);
      return `${d},${(1000 + (i % 500)).toFixed(2)}`;
    });
    const p = parseHistoryCsv(`Date,Close\n${rows.join('\n')}\n`);
    expect(p.identity?.kind).toBe('spx-history');
    expect(p.identity?.words).toContain('values 1,000–1,499');
  });
});
