// @vitest-environment happy-dom
/**
 * Every reader on the real saved pages in ../shared/data (public data, never copied here).
 * Expected values below are read off the saved files themselves (quoted in comments), not
 * from our readers. Skips with a message when the folder is absent.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../lib/cli/parse-html';
import { vixSettlementDate as vixFutureExpiry } from '../../lib/engine/market/vix-expiry';
import type { ChainSnapshot, VixCurveSnapshot } from '../../lib/engine/snapshot-types';
import { readCsv } from '../../lib/readers/csv';
import { readBarchartRows } from '../../lib/readers/page-world/barchart-json';
import { readPage } from '../../lib/readers/read-page';
import { READERS } from '../../lib/readers/registry';
import { snapshotSchema } from '../../lib/schema/snapshot';
import { SHARED_DATA } from './helpers';

const NOW = '2026-11-26T15:00:00.000Z';
const present = existsSync(SHARED_DATA);
if (!present) console.warn(`real-page reader tests skipped: ${SHARED_DATA} is absent`);
const d = describe.skipIf(!present);
const file = (dir: string, name: string) => join(SHARED_DATA, dir, name);
/** Parsed with scripts, styles and frames off (as the CLI does). */
const html = (dir: string, name: string) =>
  parseHtml(readFileSync(file(dir, name), 'utf8'), 'http://localhost/').doc;

function chainOf(r: ReturnType<typeof readPage>): ChainSnapshot {
  if (!r.ok) throw new Error(r.failure.detail);
  const s = r.snapshots[0];
  if (s?.kind !== 'option-chain') throw new Error('not a chain');
  return s;
}

d('every reader on every saved page', () => {
  const pages = [
    'thinkorswim-web-chain-html-2024',
    'yahoo-options-html-2020',
    'optionistics-chain-html-2022',
    'barchart-nq-futures-options-2025',
  ]
    .filter((dir) => existsSync(join(SHARED_DATA, dir)))
    .flatMap((dir) =>
      readdirSync(join(SHARED_DATA, dir))
        .filter((n) => n.endsWith('.html'))
        .map((n) => [dir, n] as const),
    );
  it.each(pages)(
    '%s/%s: no reader throws; anything returned is schema-valid',
    (dir, name) => {
      const doc = html(dir, name);
      for (const r of READERS) {
        const out = r.read(doc, 'http://localhost/page.html', NOW);
        if (out.ok) expect(snapshotSchema.safeParse(out.snapshot).success).toBe(true);
        else expect(out.failure.detail.length).toBeGreaterThan(0);
      }
    },
    60_000,
  );
});

d('thinkorswim web saved pages', () => {
  const dir = 'thinkorswim-web-chain-html-2024';
  const url = 'https://trade.thinkorswim.com/trade';
  it('HUT: reads the one opened expiration and says 11 are collapsed', () => {
    const s = chainOf(readPage(html(dir, 'tos_web_trade_HUT.html'), url, NOW));
    expect(s.source.reader).toBe('thinkorswim');
    expect(s.underlying).toEqual({ symbol: 'HUT', price: 19.78 }); // <span>19.78</span> under aria-label="Mark"
    expect(s.expiries.map((e) => e.expiry)).toEqual(['2024-07-26']); // "Show July 26, 2024 (2 days)" aria-expanded="true"
    expect(s.coverage.expiriesListed).toBe(12);
    expect(s.coverage.note).toBe('11 expirations collapsed: open them on the page to read them');
    const row = s.expiries[0]?.rows.find((r) => r.strike === 15.5);
    // Strike 15.5 cells: call bid text 4.00, ask 6.35 ("warning 6.35-15.5-5"); put bid 0.01, ask 0.03.
    expect([row?.call?.bid, row?.call?.ask, row?.put?.bid, row?.put?.ask]).toEqual([4, 6.35, 0.01, 0.03]);
  });
  it('AAPL: the open expiration and strike 222.5 as printed', () => {
    const s = chainOf(readPage(html(dir, 'tos_web_trade_AAPL.html'), url, NOW));
    // aria-label="Show September 13, 2024 (1 day)  Weekly 100  options…" aria-expanded="true"
    expect(s.expiries.map((e) => e.expiry)).toEqual(['2024-09-13']);
    const row = s.expiries[0]?.rows.find((r) => r.strike === 222.5);
    // "Strike 222.5, Call Bid — Unselected" 1.35, Call Ask 1.39, Put Bid 1.66, Put Ask 1.70
    expect([row?.call?.bid, row?.call?.ask, row?.put?.bid, row?.put?.ask]).toEqual([1.35, 1.39, 1.66, 1.7]);
    expect(s.dropped).toEqual([]);
  });
  it.each([
    // aria-label="Show August 2, 2024 (2 days)  Weekly 100  options…"; 60 "Strike …, Call Bid" cells;
    // "Strike 475, Call Bid" 18.25, Call Ask 18.55, Put Bid 20.05, Put Ask 20.35
    ['META', '2024-08-02', 120, 475, [18.25, 18.55, 20.05, 20.35]],
    // aria-label="Show August 16, 2024 (2 days)   100  options…"; 40 strikes;
    // "Strike 172.5, Call Bid" 0.78, Call Ask 0.80, Put Bid 2.71, Put Ask 2.78
    ['AMZN', '2024-08-16', 80, 172.5, [0.78, 0.8, 2.71, 2.78]],
  ] as const)(
    '%s: open expiry %s, %i contracts, a strike as printed',
    (sym, expiry, contracts, strike, quotes) => {
      const s = chainOf(readPage(html(dir, `tos_web_trade_${sym}.html`), url, NOW));
      expect(s.expiries.map((e) => e.expiry)).toEqual([expiry]);
      expect(s.expiries[0]?.rows.reduce((n, r) => n + (r.call ? 1 : 0) + (r.put ? 1 : 0), 0)).toBe(contracts);
      const row = s.expiries[0]?.rows.find((r) => r.strike === strike);
      expect([row?.call?.bid, row?.call?.ask, row?.put?.bid, row?.put?.ask]).toEqual([...quotes]);
      expect(s.dropped).toEqual([]);
    },
  );
  it.each(['AAPL', 'AMZN', 'ASTS', 'CHWY', 'META'])(
    '%s: one expiration read, the rest named as collapsed',
    (sym) => {
      const s = chainOf(readPage(html(dir, `tos_web_trade_${sym}.html`), url, NOW));
      expect(s.underlying.symbol).toBe(sym);
      expect(s.coverage.expiriesRead).toBe(1);
      expect(s.coverage.note).toMatch(/^\d+ expirations collapsed/);
      expect(s.expiries[0]?.rows.length).toBeGreaterThan(5);
    },
  );
});

d('Yahoo Finance saved pages (2020 layout)', () => {
  const dir = 'yahoo-options-html-2020';
  it('SPY: first call row as printed in the page', () => {
    const s = chainOf(
      readPage(
        html(dir, 'spy_option_expiration_raw.html'),
        'https://finance.yahoo.com/quote/SPY/options',
        NOW,
      ),
    );
    expect(s.source.reader).toBe('yahoo');
    expect(s.underlying).toEqual({ symbol: 'SPY', price: 328.73 }); // Fz(36px) span: 328.73
    expect(s.expiries[0]?.expiry).toBe('2020-09-28'); // SPY200928C00170000
    // <td>155.20</td><td>158.48</td><td>158.94</td> … <td>2</td><td>0</td><td>379.69%</td>
    expect(s.expiries[0]?.rows[0]).toMatchObject({
      strike: 170,
      call: { last: 155.2, bid: 158.48, ask: 158.94, volume: 2, openInterest: 0, iv: 3.7969, delta: null },
    });
    expect(s.coverage.expiriesListed).toBe(34); // options in the expiration <select>
  });
  it.each(['aapl_option_page_raw.html', 'tsla_option_page_raw.html'])('%s reads one expiration', (name) => {
    const s = chainOf(readPage(html(dir, name), 'https://finance.yahoo.com/quote/X/options', NOW));
    expect(s.expiries).toHaveLength(1);
  });
  it('AAPL: 508 contracts (508 distinct AAPL… contract names in the file), first call as printed', () => {
    const s = chainOf(
      readPage(html(dir, 'aapl_option_page_raw.html'), 'https://finance.yahoo.com/quote/AAPL/options', NOW),
    );
    expect(s.underlying.symbol).toBe('AAPL');
    expect(s.expiries.map((e) => e.expiry)).toEqual(['2020-10-16']); // AAPL201016C00028750
    expect(s.expiries[0]?.rows.reduce((n, r) => n + (r.call ? 1 : 0) + (r.put ? 1 : 0), 0)).toBe(508);
    // AAPL201016C00028750 | 2020-09-30 1:34PM EDT | 28.75 | 87.75 | 83.70 | 84.95 | 0.00 | - | 3 | 2 | 286.72%
    expect(s.expiries[0]?.rows[0]).toMatchObject({
      strike: 28.75,
      call: { last: 87.75, bid: 83.7, ask: 84.95, volume: 3, openInterest: 2, iv: 2.8672, delta: null },
    });
  });
  it('TSLA: 262 contracts (262 distinct TSLA… contract names in the file), first call as printed', () => {
    const s = chainOf(
      readPage(html(dir, 'tsla_option_page_raw.html'), 'https://finance.yahoo.com/quote/TSLA/options', NOW),
    );
    expect(s.expiries.map((e) => e.expiry)).toEqual(['2020-10-09']); // TSLA201009C00020000
    expect(s.expiries[0]?.rows.reduce((n, r) => n + (r.call ? 1 : 0) + (r.put ? 1 : 0), 0)).toBe(262);
    // TSLA201009C00020000 | 2020-09-29 9:30AM EDT | 20.00 | 416.35 | 393.50 | 397.85 | +20.17 | +5.09% | 1 | 2 | 1,098.05%
    expect(s.expiries[0]?.rows[0]).toMatchObject({
      strike: 20,
      call: { last: 416.35, bid: 393.5, ask: 397.85, volume: 1, openInterest: 2, iv: 10.9805, delta: null },
    });
    expect(s.dropped).toEqual([]);
  });
  it('EXFO (no options listed) fails quoting the page: "Options data is not available"', () => {
    const r = readPage(
      html(dir, 'exfo_option_page_raw.html'),
      'https://finance.yahoo.com/quote/EXFO/options',
      NOW,
    );
    expect(r).toEqual({
      ok: false,
      reader: 'yahoo',
      failure: {
        reason: 'no-rows',
        // <span>Options</span><!-- react-text --> data is not available
        detail: 'Yahoo Finance: the page says “Options data is not available”: no option chain shown',
      },
    });
  });
});

d('Optionistics saved pages (generic reader)', () => {
  const dir = 'optionistics-chain-html-2022';
  const url = 'http://localhost/optionistics.html';
  it('put_INTC: 8 put sections, first row as printed', () => {
    const s = chainOf(readPage(html(dir, 'put_INTC.html'), url, NOW));
    expect(s.source.reader).toBe('generic-table');
    expect(s.expiries.map((e) => e.expiry)[0]).toBe('2022-05-13');
    expect(s.expiries).toHaveLength(8);
    // Strike 35: 0.00 | 0.02 | <b>0.01</b> | … | 99 | 1790 | … | 0.8376 | -0.0078
    expect(s.expiries[0]?.rows[0]).toEqual({
      strike: 35,
      call: null,
      put: { bid: 0, ask: 0.02, last: 0.01, volume: 99, openInterest: 1790, iv: 0.8376, delta: -0.0078 },
    });
  });
  it('call_INTC: 7 call sections, 151 contracts (151 optsym links in the file), rows as printed', () => {
    const s = chainOf(readPage(html(dir, 'call_INTC.html'), url, NOW));
    // Captions "2022-05-27 - Calls" … "2022-07-15 - Calls"; no date above the tables is taken.
    expect(s.expiries.map((e) => e.expiry)).toEqual([
      '2022-05-27',
      '2022-06-03',
      '2022-06-10',
      '2022-06-17',
      '2022-06-24',
      '2022-07-01',
      '2022-07-15',
    ]);
    expect(s.expiries.every((e) => e.root === 'INTC')).toBe(true); // optsym=INTC%20%20220527C00036500
    expect(s.coverage.rowsRead).toBe(151);
    expect(s.dropped).toEqual([]);
    // Strike 36.5: 5.00 | 5.30 | <b>5.50</b> | 5.17 (TPrice) | 0 | 2 | W | | 0.5017 | 0.9983
    expect(s.expiries[0]?.rows[0]).toEqual({
      strike: 36.5,
      call: { bid: 5, ask: 5.3, last: 5.5, volume: 0, openInterest: 2, iv: 0.5017, delta: 0.9983 },
      put: null,
    });
    // "IVol" header gives no unit: bare fractions, the stated rule is flagged.
    expect(s.flags.some((f) => f.kind === 'iv-unit-assumed')).toBe(true);
  });
  it.each([
    // Captions "2022-05-13 - Puts" … "2022-09-16 - Puts" (8); 201 optsym links.
    // Strike 13: NCLH | 0.08 | 0.09 | 0.08 | 0.00 | 166 | 2 | W | | 1.4302 | -0.0748
    [
      'put_NCLH.html',
      8,
      201,
      '2022-05-13',
      {
        strike: 13,
        put: { bid: 0.08, ask: 0.09, last: 0.08, volume: 166, openInterest: 2, iv: 1.4302, delta: -0.0748 },
      },
    ],
    // Captions "2022-05-11 - Puts" … "2022-07-15 - Puts" (19); 398 optsym links.
    // Strike 383: SPY | 0.62 | 0.64 | 0.68 | 0.63 | 19792 | 730 | W | | 0.4244 | -0.1041
    [
      'put_SPY.html',
      19,
      398,
      '2022-05-11',
      {
        strike: 383,
        put: {
          bid: 0.62,
          ask: 0.64,
          last: 0.68,
          volume: 19792,
          openInterest: 730,
          iv: 0.4244,
          delta: -0.1041,
        },
      },
    ],
  ] as const)(
    '%s: %i put sections, %i contracts, first row as printed',
    (name, sections, contracts, first, row) => {
      const s = chainOf(readPage(html(dir, name), url, NOW));
      expect(s.expiries).toHaveLength(sections);
      expect(s.expiries[0]?.expiry).toBe(first);
      expect(s.coverage.rowsRead).toBe(contracts);
      expect(s.dropped).toEqual([]);
      expect(s.expiries[0]?.rows[0]).toMatchObject({ ...row, call: null });
    },
  );
  it('put_invalid_header: the section whose Delta header was removed is flagged, not shifted', () => {
    const s = chainOf(readPage(html(dir, 'put_invalid_header.html'), url, NOW));
    expect(s.expiries.map((e) => e.expiry)).toEqual(['2022-05-13']);
    expect(s.dropped).toEqual([{ reason: 'header-cell-missing', count: 30 }]);
    expect(s.coverage.note).toContain('2022-05-20');
  });
});

d('Barchart saved page and grid JSON', () => {
  const dir = 'barchart-nq-futures-options-2025';
  it('the saved page (no rows in HTML) fails naming where the data lives', () => {
    const r = readPage(
      html(dir, 'barchart_options_page_NQM25_2025-06-02.html'),
      'https://www.barchart.com/futures/quotes/NQM25/options',
      NOW,
    );
    expect(r.ok === false && r.reader).toBe('barchart');
    expect(r.ok === false && r.failure.reason).toBe('no-rows');
  });
  it('grid JSON: display strings parsed ("21,370.00C", "468.50s", "N/A")', () => {
    const json = JSON.parse(readFileSync(file(dir, 'barchart_coreapi_MC2M25_2025-06-09.json'), 'utf8'));
    // The saved JSON has no expiration field: the page URL supplies one (?expiration=…).
    const r = readBarchartRows(
      json,
      'https://www.barchart.com/futures/quotes/NQM25/options/MC2M25?expiration=2025-06-09',
      NOW,
    );
    const s = chainOf(r);
    expect(s.expiries[0]?.rows).toHaveLength(296);
    // {"strike":"21,370.00C","lastPrice":"468.50s","bidPrice":"488.75","askPrice":"547.75","volume":"N/A"}
    expect(s.expiries[0]?.rows.find((x) => x.strike === 21370)?.call).toEqual({
      bid: 488.75,
      ask: 547.75,
      last: 468.5,
      volume: null,
      openInterest: null,
      iv: null,
      delta: null,
    });
  });
});

d('Cboe quotedata CSV downloads', () => {
  it('SPX 2020-03-22: first row of the file', () => {
    const r = readCsv(readFileSync(file('cboe-quotedata-spx-2020-03-22', 'quotedata.dat'), 'utf8'), {
      url: 'quotedata.dat',
      now: NOW,
    });
    const s = chainOf(r);
    expect(s.underlying).toEqual({ symbol: 'SPX', price: 2304.92 }); // "^SPX (…),2304.92,-104.4701"
    // "Mar 22 2020 @ 18:24 ET" (EDT) is a Sunday: the quotes are Friday 2020-03-20's 16:15 ET close (EDT).
    expect(s.quoteTime).toBe('2020-03-20T20:15:00.000Z');
    expect(s.flags.find((f) => f.kind === 'quote-time-from-close')?.detail).toContain(
      '2020-03-22T22:24:00.000Z',
    );
    // 03/23/2020,SPXW200323C01500000,885.6,-64.8,793,806.7,1,0,0.9311,0.0002,1,1500.000,SPXW200323P01500000,0.05,-0.1,0,0.05,3,1.7288,-0.0003,0,623
    expect(s.expiries[0]).toMatchObject({ expiry: '2020-03-23', root: 'SPXW', settlement: 'PM' });
    expect(s.expiries[0]?.rows[0]).toEqual({
      strike: 1500,
      call: { bid: 793, ask: 806.7, last: 885.6, volume: 1, openInterest: 1, iv: 0, delta: 0.9311 },
      put: { bid: 0, ask: 0.05, last: 0.05, volume: 3, openInterest: 623, iv: 1.7288, delta: -0.0003 },
    });
    expect(s.dropped).toEqual([]);
  });
  it.each(['spx_quotedata.csv', 'ndx_quotedata.csv'])(
    '2022-02-05 %s: SPX and SPXW kept apart on shared dates',
    (name) => {
      const s = chainOf(
        readCsv(readFileSync(file('cboe-quotedata-spx-ndx-2022-02-05', name), 'utf8'), {
          url: name,
          now: NOW,
        }),
      );
      // Stamped Saturday "February 5 2022, 8:09 PM EST" (NDX 8:26 PM): Friday 2022-02-04's 16:15 ET close (EST).
      expect(s.quoteTime).toBe('2022-02-04T21:15:00.000Z');
      expect(s.flags.find((f) => f.kind === 'quote-time-from-close')?.detail).toContain(
        name.startsWith('ndx') ? '2022-02-06T01:26:00.000Z' : '2022-02-06T01:09:00.000Z',
      );
      expect(s.dropped).toEqual([]);
      const keys = s.expiries.map((e) => `${e.expiry}|${e.root}`);
      expect(new Set(keys).size).toBe(keys.length);
    },
  );
});

d('Cboe VIX futures data', () => {
  it('settlement CSV 2023-12-15 → monthly VX curve as listed in the file', () => {
    const r = readCsv(
      readFileSync(
        file('cboe-vix-futures-settlement-2023-12-15', 'FuturesSettlements_2023-12-15.csv'),
        'utf8',
      ),
      {
        url: 'settlements.csv',
        now: '2023-12-15T22:00:00.000Z',
      },
    );
    if (!r.ok) throw new Error(r.failure.detail);
    const curve = r.snapshots[0] as VixCurveSnapshot;
    // VX rows of the file, weeklies (VX52/Z3, VX01/F4 …) and VXM minis left out.
    expect(curve.futures).toEqual([
      { expiry: '2023-12-20', symbol: 'VX/Z3', price: 12.4649 },
      { expiry: '2024-01-17', symbol: 'VX/F4', price: 14.6252 },
      { expiry: '2024-02-14', symbol: 'VX/G4', price: 15.5499 },
      { expiry: '2024-03-20', symbol: 'VX/H4', price: 16.2005 },
      { expiry: '2024-04-17', symbol: 'VX/J4', price: 16.7598 },
      { expiry: '2024-05-22', symbol: 'VX/K4', price: 17.0524 },
      { expiry: '2024-06-18', symbol: 'VX/M4', price: 17.402 },
      { expiry: '2024-07-17', symbol: 'VX/N4', price: 17.7 },
      { expiry: '2024-08-21', symbol: 'VX/Q4', price: 18 },
    ]);
  });
  it('vixFutureExpiry matches every contract expiry in the 2013-2026 daily file', () => {
    const p = file('cboe-vx-futures-daily-2013-2026', 'vx_futures_by_contract_2013_2026.csv');
    if (!existsSync(p)) return;
    const dates = new Set(
      readFileSync(p, 'utf8')
        .split('\n')
        .slice(1)
        .map((l) => l.split(',')[2] ?? '')
        .filter((x) => /^\d{4}-\d{2}-\d{2}$/.test(x)),
    );
    expect(dates.size).toBeGreaterThan(100);
    const wrong = [...dates].filter(
      (x) => vixFutureExpiry(Number(x.slice(0, 4)), Number(x.slice(5, 7))) !== x,
    );
    expect(wrong).toEqual([]);
  });
});
