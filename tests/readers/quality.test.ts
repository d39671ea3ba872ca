import { describe, expect, it } from 'vitest';
import type { ChainExpiry, Quote } from '../../lib/engine/snapshot-types';
import { qualityFlags } from '../../lib/readers/quality';

const q = (over: Partial<Quote>): Quote => ({
  bid: 1,
  ask: 1.2,
  last: null,
  volume: null,
  openInterest: null,
  iv: 0.2,
  delta: null,
  ...over,
});
const exp = (rows: ChainExpiry['rows']): ChainExpiry[] => [
  { expiry: '2026-12-18', root: 'SPX', settlement: 'AM', rows },
];
describe('qualityFlags', () => {
  it('summarises zero bids once per expiry', () => {
    const flags = qualityFlags(
      exp([
        { strike: 100, call: q({ bid: 0 }), put: q({ bid: 0 }) },
        { strike: 200, call: q({ bid: 0 }), put: null },
      ]),
    );
    expect(flags).toEqual([
      {
        kind: 'zero-bid',
        expiry: '2026-12-18',
        strike: null,
        side: null,
        detail: '3 quotes with a zero bid',
      },
    ]);
  });

  it.each([
    [{ bid: 2, ask: 1.5 }, 'call', 'crossed-market', 'bid 2 above ask 1.5'],
    [{ delta: 0.89 }, 'put', 'impossible-broker-greek', 'broker delta 0.89 for a put'],
    [{ delta: -0.3 }, 'call', 'impossible-broker-greek', 'broker delta -0.3 for a call'],
    [{ delta: -999 }, 'put', 'impossible-broker-greek', 'broker delta -999 for a put'],
    [{ iv: 12 }, 'call', 'impossible-broker-greek', 'broker IV 12 (fraction)'],
  ] as const)('flags %o on a %s as %s', (over, side, kind, detail) => {
    const row = {
      strike: 6000,
      call: side === 'call' ? q(over) : null,
      put: side === 'put' ? q(over) : null,
    };
    expect(qualityFlags(exp([row]))).toEqual([{ kind, expiry: '2026-12-18', strike: 6000, side, detail }]);
  });

  it('does not flag ordinary quotes', () => {
    expect(qualityFlags(exp([{ strike: 6000, call: q({ delta: 0.5 }), put: q({ delta: -0.5 }) }]))).toEqual(
      [],
    );
  });

  it('never judges staleness at read time (quote-staleness.ts does, against the setting)', () => {
    expect(qualityFlags([])).toEqual([]);
  });

  it('lists at most 200 per kind and summarises the rest', () => {
    const rows = Array.from({ length: 250 }, (_, i) => ({
      strike: 100 + i,
      call: q({ bid: 3, ask: 2 }),
      put: null,
    }));
    const flags = qualityFlags(exp(rows));
    expect(flags.filter((f) => f.strike !== null)).toHaveLength(200);
    expect(flags.at(-1)).toEqual({
      kind: 'crossed-market',
      expiry: null,
      strike: null,
      side: null,
      detail: '50 more crossed-market quotes not listed',
    });
  });
});
