import { describe, expect, it } from 'vitest';
import type { ChainSnapshot, QualityFlag } from '../../lib/engine/snapshot-types';
import { ChainBuilder, emptyQuote } from '../../lib/readers/build';
import { mergeChain } from '../../lib/readers/merge';
import { flagsDerivedFrom, qualityFlags, ROW_FLAG_KINDS } from '../../lib/readers/quality';
import { runSteps } from '../../lib/readers/scan';
import { validateSteps } from '../../lib/readers/validate';

const flag = (kind: QualityFlag['kind'], detail: string): QualityFlag => ({
  kind,
  expiry: null,
  strike: null,
  side: null,
  detail,
});

/** One read of a live page: one SPXW expiry, call bids as given (0 = a zero bid). */
function read(readAt: string, bids: [number, number][], flags: QualityFlag[]): ChainSnapshot {
  return {
    kind: 'option-chain',
    source: { reader: 'generic-table', url: 'http://localhost/chain.html', readAt },
    underlying: { symbol: 'SPX', price: 6000 },
    quoteTime: '2026-12-02T21:15:00.000Z',
    expiries: [
      {
        expiry: '2026-12-18',
        root: 'SPXW',
        settlement: 'PM',
        rows: bids.map(([strike, bid]) => ({
          strike,
          call: { bid, ask: bid + 0.5, last: null, volume: null, openInterest: null, iv: null, delta: null },
          put: null,
        })),
      },
    ],
    coverage: { expiriesListed: 1, expiriesRead: 1, rowsRead: bids.length, note: null },
    dropped: [],
    flags,
  };
}

describe('mergeChain keeps what a read says of itself', () => {
  it('keeps the quote-time-from-close and IV-unit flags of the newest read, recomputes row flags', () => {
    // The demo page read before the open lost "quote taken as the close" in the merge, so the
    // plan called a last-close quote stale (issue 11.3): found in the side panel screenshot.
    const fromClose = flag('quote-time-from-close', 'stamped 07:47 ET: taken as the 16:15 close');
    const ivUnit = flag('iv-unit-assumed', 'IV column read as percent by the median rule');
    const t0 = '2026-12-03T12:47:00.000Z';
    const a = mergeChain(
      null,
      read(t0, [[6000, 0]], [fromClose, ivUnit, flag('zero-bid', '1 quote with a zero bid')]),
      60_000,
    );
    expect(a.snapshot.flags.map((f) => f.kind).sort()).toEqual([
      'iv-unit-assumed',
      'quote-time-from-close',
      'zero-bid',
    ]);
    // Second read: the zero bid is now 1.20, a row appears; the read's own flags come again.
    const b = mergeChain(
      a.memory,
      read(
        '2026-12-03T12:47:10.000Z',
        [
          [6000, 1.2],
          [6050, 0.8],
        ],
        [fromClose, ivUnit],
      ),
      60_000,
    );
    expect(b.snapshot.flags).toEqual([fromClose, ivUnit]);
  });

  it("takes a built read's flags as they are when it merges with nothing older, and they are what deriving them gives", () => {
    const q = (bid: number, ask: number, delta: number | null = null) => ({
      ...emptyQuote(),
      bid,
      ask,
      delta,
    });
    const b = new ChainBuilder();
    b.flag('iv-unit-assumed', 'IV header gives no unit');
    b.add('2026-12-18', 'SPXW', 5900, 'call', q(0, 0.5));
    b.add('2026-12-18', 'SPXW', 5950, 'call', q(1.2, 1.1));
    b.add('2026-12-18', 'SPXW', 5950, 'put', q(2, 2.2, 0.4));
    b.add('2026-12-19', 'SPX', 6000, 'put', q(0, 0.1));
    const built = b.finish({
      reader: 'generic-table',
      url: 'http://localhost/chain.html',
      readAt: '2026-12-02T15:00:00.000Z',
      symbol: 'SPX',
      price: 6000,
      quoteTime: null,
    });
    const valid = runSteps(validateSteps(built));
    if (!valid.ok || valid.data.kind !== 'option-chain') throw new Error('not valid');
    // Validation's copy keeps the pairing of the flags with the rows they came from.
    expect(flagsDerivedFrom(valid.data.flags, valid.data.expiries)).toBe(true);
    const merged = mergeChain(null, valid.data, 60_000).snapshot;
    const derived = [
      ...valid.data.flags.filter((f) => !ROW_FLAG_KINDS.has(f.kind)),
      ...qualityFlags(merged.expiries),
    ];
    expect(merged.flags).toEqual(derived);
    expect(merged.flags.map((f) => f.kind)).toEqual([
      'iv-unit-assumed',
      'zero-bid',
      'zero-bid',
      'crossed-market',
      'impossible-broker-greek',
    ]);
    // Replaced rows are not the ones the flags came from: derived again.
    const other = { ...valid.data, expiries: valid.data.expiries.map((e) => ({ ...e })) };
    expect(flagsDerivedFrom(other.flags, other.expiries)).toBe(false);
  });
});
