// @vitest-environment happy-dom
/**
 * Generic reader, issue 10 points 1, 4, 5, 8 on synthetic pages (cases the real files lack):
 * expiry only from the rows' own evidence, header cells with noise, side-by-side tables with
 * the expiry in each row's Calls/Puts cell, and true refusals.
 */
import { describe, expect, it } from 'vitest';
import type { ChainSnapshot } from '../../lib/engine/snapshot-types';
import { reader } from '../../lib/readers/generic-table';
import { reader as yahoo } from '../../lib/readers/yahoo';
import { FIXTURE_NOW, toDocument } from './helpers';

const TABLE = `<table><tr><th>Strike</th><th>Type</th><th>Bid</th><th>Ask</th></tr>
  <tr><td>6000</td><td>Put</td><td>22.30</td><td>22.70</td></tr>
  <tr><td>6050</td><td>Put</td><td>25.10</td><td>25.60</td></tr></table>`;

function read(html: string, url = 'http://localhost/page.html') {
  return reader.read(toDocument(html), url, FIXTURE_NOW);
}
function chain(html: string, url?: string): ChainSnapshot {
  const out = read(html, url);
  if (!out.ok) throw new Error(out.failure.detail);
  return out.snapshot as ChainSnapshot;
}

describe('expiry only from the rows own evidence', () => {
  it('an "as of" date above the table is not an expiry: rows dropped as expiry-unknown, the failure says why', () => {
    const out = read(`<p>Quotes as of Nov 26, 2026</p>${TABLE}`);
    expect(out.ok).toBe(false);
    if (out.ok) return;
    expect(out.failure.reason).toBe('no-rows');
    expect(out.failure.detail).toContain('no expiry in the rows');
    expect(out.failure.detail).toContain('"as of"');
  });
  it('a "Last updated" line with a time and a date in unrelated text further up are not expiries either', () => {
    for (const above of [
      '<div>Last updated 11/26/2026 9:45 AM</div>',
      '<h1>Market news</h1><p>Fed meets on December 16, 2026, analysts say the market will watch closely for any hint of the path ahead in rates and more</p><div></div>',
    ]) {
      const out = read(`${above}${TABLE}`);
      expect(out.ok, above).toBe(false);
    }
  });
  it('a date in the URL is not used by the generic reader', () => {
    expect(read(TABLE, 'http://localhost/chain?expiration=2026-12-18&date=1797552000').ok).toBe(false);
  });
  it('the table heading names the expiry, even with an "as of" line between heading and table', () => {
    const s = chain(`<h2>SPXW Dec 18, 2026</h2><p>Quotes as of Nov 26, 2026 9:45 AM ET</p>${TABLE}`);
    expect(s.expiries.map((e) => [e.expiry, e.root])).toEqual([['2026-12-18', 'SPXW']]);
  });
  it('a <caption>, an Exp column and a selected expiry <select> are evidence', () => {
    expect(
      chain(TABLE.replace('<table>', '<table><caption>Expiration December 18, 2026</caption>')).expiries[0]
        ?.expiry,
    ).toBe('2026-12-18');
    const withCol = TABLE.replace('<th>Strike</th>', '<th>Exp</th><th>Strike</th>')
      .replace('<td>6000</td>', '<td>12/18/2026</td><td>6000</td>')
      .replace('<td>6050</td>', '<td>12/17/2026</td><td>6050</td>');
    expect(chain(`<p>As of Nov 26, 2026</p>${withCol}`).expiries.map((e) => e.expiry)).toEqual([
      '2026-12-17',
      '2026-12-18',
    ]);
    const select = '<select><option>Dec 17, 2026</option><option selected>Dec 18, 2026</option></select>';
    expect(chain(`${select}<p>Quotes as of Nov 26, 2026</p>${TABLE}`).expiries[0]?.expiry).toBe('2026-12-18');
  });
  it('a timestamp caption row inside the table names no section', () => {
    const html = TABLE.replace('<tr><th>', '<tr><td colspan="4">Quotes as of Nov 26, 2026</td></tr><tr><th>');
    expect(read(html).ok).toBe(false);
  });
  it('Yahoo may use its own ?date= parameter (a site reader that knows it)', () => {
    const page = `<table class="list-options calls"><thead><tr><th>Strike</th><th>Bid</th><th>Ask</th><th>Volume</th></tr></thead>
      <tbody><tr><td>6000</td><td>231.00</td><td>233.80</td><td>45</td></tr></tbody></table>`;
    const out = yahoo.read(
      toDocument(page),
      'https://finance.yahoo.com/quote/%5ESPX/options?date=1797552000',
      FIXTURE_NOW,
    );
    expect(out.ok && (out.snapshot as ChainSnapshot).expiries[0]?.expiry).toBe('2026-12-18');
  });
});

describe('header cells with noise', () => {
  it('reads headers carrying sort glyphs, a Filter button, a hidden tooltip and screen-reader text', () => {
    const th = (word: string) =>
      `<th><span>${word}</span> <i class="icon">⇅</i><button type="button">Filter</button>` +
      `<div role="tooltip" hidden><p>What ${word} means: a long explanation of the column.</p></div>` +
      `<span class="sr-only">sortable column</span><span aria-hidden="true">▲</span></th>`;
    const html = `<h3>December 18, 2026</h3><table><thead><tr>${['Strike', 'Type', 'Bid', 'Ask', 'IV (%)', 'Δ'].map(th).join('')}</tr></thead>
      <tbody><tr><td>6000</td><td>Put</td><td>22.30</td><td>22.70</td><td>21.02</td><td>-0.28</td></tr></tbody></table>`;
    const s = chain(html);
    expect(s.expiries[0]?.rows[0]).toEqual({
      strike: 6000,
      call: null,
      put: { bid: 22.3, ask: 22.7, last: null, volume: null, openInterest: null, iv: 0.2102, delta: -0.28 },
    });
  });
  it('a chain-looking table whose header cannot be mapped is refused naming the cells not understood', () => {
    const html = `<table><tr><th>Strk</th><th>Px Bid</th><th>Px Offer</th><th>Vol</th></tr>
      <tr><td>6000</td><td>22.30</td><td>22.70</td><td>12</td></tr>
      <tr><td>6050</td><td>25.10</td><td>25.60</td><td>8</td></tr>
      <tr><td>6100</td><td>28.00</td><td>28.60</td><td>3</td></tr></table>`;
    const out = read(html);
    expect(out.ok).toBe(false);
    if (out.ok) return;
    expect(out.failure.detail).toContain('looks like an option chain (3 rows of numbers)');
    expect(out.failure.detail).toContain('not understood: “Strk”, “Px Bid”, “Px Offer”');
  });
  it('a page that says it has no options is quoted', () => {
    const out = read('<main><h1>EXFO options</h1><section>Options data is not available</section></main>');
    expect(!out.ok && out.failure.detail).toContain('the page says “Options data is not available”');
  });
});

describe('side-by-side chain with the expiry in each row (old nasdaq.com layout)', () => {
  // Calls | Last | Chg | Bid | Ask | Vol | Open Int | Root | Strike | Puts | Last | Chg | Bid | Ask | Vol | Open Int
  const head = [
    'Calls',
    'Last',
    'Chg',
    'Bid',
    'Ask',
    'Vol',
    'Open Int',
    'Root',
    'Strike',
    'Puts',
    'Last',
    'Chg',
    'Bid',
    'Ask',
    'Vol',
    'Open Int',
  ];
  const rows = [
    [
      'Dec 18, 2026',
      '232.5',
      '1.2',
      '231',
      '233.8',
      '45',
      '3,012',
      'SPX',
      '6000',
      'Dec 18, 2026',
      '21.8',
      '(0.4)',
      '21.6',
      '22',
      '5,012',
      '30,110',
    ],
    [
      'Dec 17, 2026',
      '153',
      '0.5',
      '152.2',
      '154.6',
      '88',
      '2,200',
      'SPXW',
      '6100',
      'Dec 17, 2026',
      '43.1',
      '-0.2',
      '42.9',
      '43.5',
      '3,300',
      '12,001',
    ],
  ];
  const html = `<p>Data as of Nov 25, 2026</p><table><tr>${head.map((h) => `<th>${h}</th>`).join('')}</tr>${rows
    .map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`)
    .join('')}</table>`;
  it('takes each side expiry from its Calls/Puts cell and the root from the Root column', () => {
    const s = chain(html);
    expect(s.expiries.map((e) => [e.expiry, e.root, e.settlement, e.rows.length])).toEqual([
      ['2026-12-17', 'SPXW', 'PM', 1],
      ['2026-12-18', 'SPX', 'AM', 1],
    ]);
    expect(s.expiries[1]?.rows[0]).toEqual({
      strike: 6000,
      call: { bid: 231, ask: 233.8, last: 232.5, volume: 45, openInterest: 3012, iv: null, delta: null },
      put: { bid: 21.6, ask: 22, last: 21.8, volume: 5012, openInterest: 30110, iv: null, delta: null },
    });
    expect(s.underlying.symbol).toBe('SPX');
  });
});
