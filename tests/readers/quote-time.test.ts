/** Quote time rule (issue 10 point 7): stamps outside the session → last session's close; expired expiries dropped. */
import { describe, expect, it } from 'vitest';
import { ChainBuilder, emptyQuote } from '../../lib/readers/build';
import { isIndexOptionName, quoteTimeRule } from '../../lib/readers/quote-time';

describe('quoteTimeRule', () => {
  it('Sunday 2020-03-22 18:24 ET (Cboe quotedata stamp) → Friday 2020-03-20 16:15 ET close for SPX', () => {
    // 18:24 EDT = 22:24 UTC; Friday 16:15 EDT = 20:15 UTC.
    const r = quoteTimeRule('2020-03-22T22:24:00.000Z', true);
    expect(r).toMatchObject({
      quoteTime: '2020-03-20T20:15:00.000Z',
      fromClose: true,
      stampedAt: '2020-03-22T22:24:00.000Z',
    });
    expect(r?.detail).toContain('Sun 2020-03-22 18:24 ET');
    expect(r?.detail).toContain('Fri 2020-03-20 16:15 ET close');
    expect(r?.detail).toContain('holidays of 2020');
  });
  it('equity options close at 16:00 ET', () => {
    expect(quoteTimeRule('2020-03-22T22:24:00.000Z', false)?.quoteTime).toBe('2020-03-20T20:00:00.000Z');
  });
  it('leaves a stamp inside the session alone (Thursday 2026-11-19 10:30 ET)', () => {
    expect(quoteTimeRule('2026-11-19T15:30:00.000Z', true)).toMatchObject({
      quoteTime: '2026-11-19T15:30:00.000Z',
      fromClose: false,
    });
  });
  it('16:10 ET is in session for index options and after the close for equities', () => {
    // Thursday 2026-11-19 16:10 EST = 21:10 UTC.
    expect(quoteTimeRule('2026-11-19T21:10:00.000Z', true)?.fromClose).toBe(false);
    expect(quoteTimeRule('2026-11-19T21:10:00.000Z', false)?.quoteTime).toBe('2026-11-19T21:00:00.000Z');
  });
  it('overnight before the open → the previous trading day close', () => {
    // Tuesday 2026-11-17 07:00 EST = 12:00 UTC → Monday 16:15 EST = 21:15 UTC.
    expect(quoteTimeRule('2026-11-17T12:00:00.000Z', true)?.quoteTime).toBe('2026-11-16T21:15:00.000Z');
  });
  it('Thanksgiving 2026-11-26 (holiday) → Wednesday close; the day after closes early 13:15 for index options', () => {
    expect(quoteTimeRule('2026-11-26T17:00:00.000Z', true)?.quoteTime).toBe('2026-11-25T21:15:00.000Z');
    // Saturday 2026-11-28 → Friday 2026-11-27 early close 13:15 EST = 18:15 UTC.
    const r = quoteTimeRule('2026-11-28T15:00:00.000Z', true);
    expect(r?.quoteTime).toBe('2026-11-27T18:15:00.000Z');
    expect(r?.detail).not.toContain('holidays of');
  });
  it('names index roots and underlyings', () => {
    for (const n of ['SPX', 'SPXW', 'XSP', 'NDX', 'RUT', 'VIX', '^SPX', '$SPX'])
      expect(isIndexOptionName(n)).toBe(true);
    for (const n of ['AAPL', 'SPY', '', null]) expect(isIndexOptionName(n)).toBe(false);
  });
});

describe('ChainBuilder.finish applies the rule', () => {
  const q = { ...emptyQuote(), bid: 1, ask: 1.2 };
  function build(quoteTime: string | null, symbol = 'SPX') {
    const b = new ChainBuilder();
    b.add('2020-03-20', 'SPXW', 2300, 'put', q); // settled Friday 16:00 ET
    b.add('2020-03-20', 'SPX', 2300, 'put', q); // AM, settled Friday 09:30 ET
    b.add('2020-03-20', 'SPX', 2300, 'call', q);
    b.add('2020-03-23', 'SPXW', 2300, 'put', q);
    return b.finish({
      reader: 't',
      url: 'x',
      readAt: '2020-03-23T00:00:00.000Z',
      symbol,
      price: null,
      quoteTime,
    });
  }
  it('a Sunday stamp: quote time Friday 16:15 ET, flag keeps the stamp, Friday expiries dropped as expired', () => {
    const s = build('2020-03-22T22:24:00.000Z');
    expect(s.quoteTime).toBe('2020-03-20T20:15:00.000Z');
    const flag = s.flags.find((f) => f.kind === 'quote-time-from-close');
    expect(flag?.detail).toContain('2020-03-22T22:24:00.000Z');
    expect(s.expiries.map((e) => `${e.expiry} ${e.root}`)).toEqual(['2020-03-23 SPXW']);
    expect(s.dropped).toEqual([{ reason: 'expired', count: 3 }]);
  });
  it('a Friday 11:00 ET stamp: live quotes; only the AM-settled SPX (09:30) is expired', () => {
    const s = build('2020-03-20T15:00:00.000Z');
    expect(s.quoteTime).toBe('2020-03-20T15:00:00.000Z');
    expect(s.flags.some((f) => f.kind === 'quote-time-from-close')).toBe(false);
    expect(s.expiries.map((e) => `${e.expiry} ${e.root}`)).toEqual(['2020-03-20 SPXW', '2020-03-23 SPXW']);
    expect(s.dropped).toEqual([{ reason: 'expired', count: 2 }]);
  });
  it('no quote time: nothing moved, nothing dropped', () => {
    const s = build(null);
    expect(s.quoteTime).toBeNull();
    expect(s.expiries).toHaveLength(3);
    expect(s.dropped).toEqual([]);
  });
});
