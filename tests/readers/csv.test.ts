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
          'CSV: no option chain found (expected a header with Strike, Bid, Ask … or VIX futures Symbol/Expiration/Price)',
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

describe('quotedataTime', () => {
  // Hand conversions: 22 Mar 2020 is after the 8 Mar DST start → EDT (UTC−4): 18:24 ET = 22:24Z.
  // 5 Feb 2022 is standard time (UTC−5): 8:09 PM EST = 01:09Z on 6 Feb.
  it.each([
    ['Mar 22 2020 @ 18:24 ET', '2020-03-22T22:24:00.000Z'],
    ['Date: February 5 2022, 8:09 PM EST', '2022-02-06T01:09:00.000Z'],
    ['no time here', null],
  ])('%s → %s', (text, iso) => {
    expect(quotedataTime(text)).toBe(iso);
  });
});
