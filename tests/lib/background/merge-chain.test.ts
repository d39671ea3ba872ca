import { describe, expect, it } from 'vitest';
import { mergeChainSnapshots } from '../../../lib/background/merge-chain';
import type { ChainExpiry, ChainSnapshot, Quote } from '../../../lib/engine/snapshot-types';

const q = (bid: number, ask: number): Quote => ({
  bid,
  ask,
  last: null,
  volume: null,
  openInterest: null,
  iv: null,
  delta: null,
});

function chain(symbol: string, readAt: string, expiries: ChainExpiry[]): ChainSnapshot {
  return {
    kind: 'option-chain',
    source: { reader: 'generic-table', url: 'http://127.0.0.1/x', readAt },
    underlying: { symbol, price: null },
    quoteTime: null,
    expiries,
    coverage: { expiriesListed: expiries.length, expiriesRead: expiries.length, rowsRead: 0, note: null },
    dropped: [],
    flags: [],
  };
}

const exp = (expiry: string, strikes: number[], bid = 1): ChainExpiry => ({
  expiry,
  root: 'SPXW',
  settlement: 'PM',
  rows: strikes.map((strike) => ({ strike, call: q(bid, bid + 0.2), put: q(bid, bid + 0.2) })),
});

describe('mergeChainSnapshots', () => {
  const t0 = Date.parse('2026-11-20T15:00:00Z');
  const held = chain('SPX', '2026-11-20T15:00:00Z', [
    exp('2026-12-18', [5000, 5010]),
    exp('2027-01-15', [5000]),
  ]);

  it('keeps fresh expiries the new page view did not show and unions strikes of shared ones', () => {
    const next = chain('SPX', '2026-11-20T15:01:00Z', [exp('2026-12-18', [5010, 5020], 2)]);
    const merged = mergeChainSnapshots(held, next, t0 + 60_000, 15 * 60_000);
    expect(merged.expiries.map((e) => e.expiry)).toEqual(['2026-12-18', '2027-01-15']);
    const dec = merged.expiries[0];
    expect(dec?.rows.map((r) => r.strike)).toEqual([5000, 5010, 5020]);
    // The newer read wins for a strike both views showed.
    expect(dec?.rows[1]?.call?.bid).toBe(2);
    expect(merged.coverage).toMatchObject({ expiriesRead: 2, rowsRead: 4 });
  });

  it('drops held data once it is stale, and never mixes symbols', () => {
    const next = chain('SPX', '2026-11-20T16:00:00Z', [exp('2026-12-18', [5010])]);
    expect(mergeChainSnapshots(held, next, t0 + 3_600_000, 15 * 60_000)).toBe(next);
    const other = chain('NDX', '2026-11-20T15:01:00Z', [exp('2026-12-18', [20000])]);
    expect(mergeChainSnapshots(held, other, t0 + 60_000, 15 * 60_000)).toBe(other);
  });
});

describe('SPX monthlies and SPXW weeklies of the same third Friday', () => {
  // 2026-12-18 is a third Friday: SPX (AM-settled) and SPXW (PM-settled) both expire that day.
  const am = (strikes: number[], bid: number): ChainExpiry => ({
    expiry: '2026-12-18',
    root: 'SPX',
    settlement: 'AM',
    rows: strikes.map((strike) => ({ strike, call: q(bid, bid + 0.2), put: null })),
  });
  const pm = (strikes: number[], bid: number): ChainExpiry => ({
    ...am(strikes, bid),
    root: 'SPXW',
    settlement: 'PM',
  });
  const t0 = Date.parse('2026-11-20T15:00:00Z');

  it('both series survive a second live read, each keeping its own rows', () => {
    const first = chain('SPX', '2026-11-20T15:00:00Z', [am([5000, 5010], 1), pm([5000, 5010], 2)]);
    // The second read shows only the PM series (the page scrolled): the AM rows are kept apart.
    const second = chain('SPX', '2026-11-20T15:01:00Z', [pm([5010, 5020], 3)]);
    const merged = mergeChainSnapshots(first, second, t0 + 60_000, 15 * 60_000);
    expect(merged.expiries.map((e) => [e.expiry, e.root, e.settlement])).toEqual([
      ['2026-12-18', 'SPX', 'AM'],
      ['2026-12-18', 'SPXW', 'PM'],
    ]);
    expect(merged.expiries[0]?.rows.map((r) => [r.strike, r.call?.bid])).toEqual([
      [5000, 1],
      [5010, 1],
    ]);
    expect(merged.expiries[1]?.rows.map((r) => [r.strike, r.call?.bid])).toEqual([
      [5000, 2],
      [5010, 3],
      [5020, 3],
    ]);
    expect(merged.coverage).toMatchObject({ expiriesRead: 2, rowsRead: 5 });
  });
});
