import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { quotedataTime, readCsv } from '../../lib/readers/csv';
import { snapshotSchema } from '../../lib/schema/snapshot';
import { FIXTURE_NOW, FIXTURES } from './helpers';

const CASES = ['quotedata-spx', 'generic-chain', 'vix-settlement'];

describe('readCsv', () => {
  it.each(CASES)('reads %s.csv exactly as expected (make_fixtures.py), schema-valid', (name) => {
    const text = readFileSync(join(FIXTURES, 'csv', `${name}.csv`), 'utf8');
    const expected = JSON.parse(readFileSync(join(FIXTURES, 'csv', `${name}.expected.json`), 'utf8'));
    const r = readCsv(text, { url: `${name}.csv`, now: FIXTURE_NOW });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.snapshots).toEqual([expected]);
    expect(snapshotSchema.safeParse(r.snapshots[0]).success).toBe(true);
  });

  it('says what was expected when a CSV holds no chain', () => {
    const r = readCsv('name,age\nann,3\n', { url: 'x.csv', now: FIXTURE_NOW });
    expect(r).toEqual({
      ok: false,
      reader: 'csv',
      failure: {
        reason: 'not-a-chain',
        detail:
          'CSV: no option chain found (2 rows; the first reads "name, age"; expected a header with Strike, Bid, Ask … or VIX futures Symbol/Expiration/Price)',
      },
    });
  });

  it('drops rows whose side cannot be told instead of guessing', () => {
    const r = readCsv('Expiration,Strike,Bid,Ask\n2026-12-18,6000,1.0,1.2\n', {
      url: 'x.csv',
      now: FIXTURE_NOW,
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.failure.reason).toBe('no-rows');
  });
});

describe('expiry comes only from the rows', () => {
  const chain = 'Strike,Type,Bid,Ask\n6000,Call,1.0,1.2\n6000,Put,3.1,3.3\n';
  it('a date in the file name is never taken as the expiry', () => {
    for (const url of ['spx-2026-12-18.csv', 'file:///tmp/SPX%202026-12-18%20chain.csv', 'x.csv']) {
      const r = readCsv(chain, { url, now: FIXTURE_NOW });
      expect(r).toEqual({
        ok: false,
        reader: 'csv',
        failure: {
          reason: 'no-rows',
          detail:
            'CSV: a chain header was found but the file shows no expiration for its rows (no Exp/Expiration column, option symbol or section caption; a file name is never used): 2 quotes dropped as expiry-unknown',
        },
      });
    }
  });
  it('an expiration column is read', () => {
    const withColumn =
      'Expiration,Strike,Type,Bid,Ask\n2026-12-18,6000,Call,1.0,1.2\n2026-12-18,6000,Put,3.1,3.3\n';
    const r = readCsv(withColumn, { url: 'x.csv', now: FIXTURE_NOW });
    if (!r.ok) throw new Error(r.failure.detail);
    const s = r.snapshots[0];
    expect(s?.kind === 'option-chain' && s.expiries.map((e) => e.expiry)).toEqual(['2026-12-18']);
  });
});

describe('thinkorswim desktop export (synthetic CSV): columns by header, never by position', () => {
  // SYNTHETIC: the older title without a time, a put side in mirrored order, LAST/LX columns.
  const csv = [
    'Stock and Option Quote for SPY',
    '',
    'UNDERLYING',
    'LAST,LX,Net Chng,BID,BX,ASK,AX,Size,Volume,Open,High,Low',
    '601.23,P,+1.10,601.20, ,601.25, ,"3 x 4","41,224,310",600.00,602.00,599.10',
    '',
    '18 DEC 26  (24)  100',
    ',,Volume,Open.Int,LAST,LX,BID,BX,ASK,AX,Impl Vol,Delta,Exp,Strike,Delta,Impl Vol,BID,BX,ASK,AX,LAST,LX,Open.Int,Volume,,',
    ',,"5,321","40,210",12.40,C,12.31,C,12.36,X,15.32%,.55,18 DEC 26,600,-.45,16.18%,10.15,C,10.21,X,10.20,C,"38,800","4,410",,',
  ].join('\n');
  const r = readCsv(csv, { url: 'x.csv', now: FIXTURE_NOW });
  it('reads each side by its own header order', () => {
    if (!r.ok) throw new Error(r.failure.detail);
    const s = r.snapshots[0];
    if (s?.kind !== 'option-chain') throw new Error('not a chain');
    expect(s.source.reader).toBe('csv-tos-desktop');
    expect(s.underlying).toEqual({ symbol: 'SPY', price: 601.23 });
    expect(s.quoteTime).toBeNull(); // this title carries no time
    expect(s.expiries).toEqual([
      {
        expiry: '2026-12-18',
        root: 'SPY',
        settlement: 'PM',
        rows: [
          {
            strike: 600,
            call: {
              bid: 12.31,
              ask: 12.36,
              last: 12.4,
              volume: 5321,
              openInterest: 40210,
              iv: 0.1532,
              delta: 0.55,
            },
            put: {
              bid: 10.15,
              ask: 10.21,
              last: 10.2,
              volume: 4410,
              openInterest: 38800,
              iv: 0.1618,
              delta: -0.45,
            },
          },
        ],
      },
    ]);
  });
  it('a futures options export is refused as such', () => {
    const f = readCsv(csv.replace('Quote for SPY', 'Quote for /ESZ26'), { url: 'x.csv', now: FIXTURE_NOW });
    expect(f.ok === false && f.failure).toEqual({
      reason: 'unsupported-page',
      detail:
        'thinkorswim desktop export for /ESZ26: futures options are not read (their multiplier and settlement differ)',
    });
  });
  it('a caption row without a header under it drops its rows by name', () => {
    const broken = csv.replace(
      /,,Volume,Open\.Int[^\n]*/,
      ',,Volume,Open.Int,LAST,LX,BID,BX,ASK,AX,Impl Vol,Delta,Expiry,Strike,Delta,Impl Vol,BID,BX,ASK,AX,LAST,LX,Open.Int,Volume,,',
    );
    const b = readCsv(broken, { url: 'x.csv', now: FIXTURE_NOW });
    expect(b.ok === false && b.failure.detail).toBe(
      'thinkorswim desktop export for SPY: 1 expiry section but no readable row (dropped: 1 header-unreadable)',
    );
  });
});

describe('quotedataTime', () => {
  // Hand conversions: 22 Mar 2020 is after the 8 Mar DST start → EDT (UTC−4): 18:24 ET = 22:24Z.
  // 5 Feb 2022 is standard time (UTC−5): 8:09 PM EST = 01:09Z on 6 Feb.
  it.each([
    ['Mar 22 2020 @ 18:24 ET', '2020-03-22T22:24:00.000Z'],
    ['Date: February 5 2022, 8:09 PM EST', '2022-02-06T01:09:00.000Z'],
    // Seconds were once read as the minutes ("03:36:29 PM" → 12:29): 15:36:29 EST = 20:36:29Z.
    ['12/05/2025 03:36:29 PM ET', '2025-12-05T20:36:29.000Z'],
    ['no time here', null],
  ])('%s → %s', (text, iso) => {
    expect(quotedataTime(text)).toBe(iso);
  });
});
