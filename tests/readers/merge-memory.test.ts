/**
 * The live merge (lib/readers/merge.ts) keeps its memory in two forms: the last rows whole
 * when the last read showed all of them, per-row seen times otherwise. Whatever the form, the
 * merged rows must be what the rule says: every row a read shows, plus rows of earlier reads
 * seen less than maxAge ago, the newest read winning per (series, strike). Checked here on
 * random read sequences against that rule written out naively (every read and its time kept).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ChainExpiry, ChainSnapshot, Quote } from '../../lib/engine/snapshot-types';
import { emptyQuote } from '../../lib/readers/build';
import { type MergeMemory, mergeChain } from '../../lib/readers/merge';

const MAX_AGE_MS = 10_000;
const T0 = Date.parse('2026-12-03T15:00:00.000Z');

const quote = (bid: number): Quote => ({ ...emptyQuote(), bid, ask: bid + 0.2 });

interface Read {
  /** ms after T0. */
  atMs: number;
  /** series index (0: PM weekly, 1: AM monthly of the same date) → strikes shown, with a bid. */
  rows: [number, number, number][];
}

const SERIES = [
  { expiry: '2026-12-18', root: 'SPXW', settlement: 'PM' as const },
  { expiry: '2026-12-18', root: 'SPX', settlement: 'AM' as const },
];

function snapshotOf(read: Read): ChainSnapshot {
  const expiries: ChainExpiry[] = [];
  SERIES.forEach((s, i) => {
    const byStrike = new Map<number, number>();
    for (const [series, strike, bid] of read.rows) if (series === i) byStrike.set(strike, bid);
    if (byStrike.size === 0) return;
    const rows = [...byStrike]
      .sort((a, b) => a[0] - b[0])
      .map(([strike, bid]) => ({ strike, call: quote(bid), put: null }));
    expiries.push({ ...s, rows });
  });
  const rowsRead = expiries.reduce((n, e) => n + e.rows.length, 0);
  return {
    kind: 'option-chain',
    source: {
      reader: 'generic-table',
      url: 'http://localhost/chain.html',
      readAt: new Date(T0 + read.atMs).toISOString(),
    },
    underlying: { symbol: 'SPX', price: null },
    quoteTime: null,
    expiries,
    coverage: { expiriesListed: expiries.length, expiriesRead: expiries.length, rowsRead, note: null },
    dropped: [],
    flags: [],
  };
}

/** The rule, naively: for each (series, strike) the newest read showing it, if young enough. */
function expected(reads: Read[], upTo: number): Map<string, number> {
  const now = reads[upTo]?.atMs ?? 0;
  const out = new Map<string, number>();
  for (let k = 0; k <= upTo; k++) {
    const read = reads[k] as Read;
    if (k < upTo && now - read.atMs > MAX_AGE_MS) continue;
    const shown = new Map<string, number>();
    for (const [series, strike, bid] of read.rows) shown.set(`${series}|${strike}`, bid);
    for (const [key, bid] of shown) out.set(key, bid);
  }
  return out;
}

function merged(snapshot: ChainSnapshot): Map<string, number> {
  const out = new Map<string, number>();
  for (const e of snapshot.expiries) {
    const series = SERIES.findIndex((s) => s.root === e.root && s.settlement === e.settlement);
    for (const r of e.rows) out.set(`${series}|${r.strike}`, r.call?.bid ?? Number.NaN);
  }
  return out;
}

const readArb = fc.record({
  gapMs: fc.integer({ min: 0, max: 8_000 }),
  rows: fc.array(
    fc.tuple(fc.integer({ min: 0, max: 1 }), fc.integer({ min: 1, max: 8 }), fc.integer({ min: 1, max: 99 })),
    { maxLength: 12 },
  ),
});

describe('mergeChain memory', () => {
  it('merges any read sequence as the rule says, whichever form the memory took', () => {
    fc.assert(
      fc.property(fc.array(readArb, { minLength: 1, maxLength: 8 }), (steps) => {
        let at = 0;
        const reads: Read[] = steps.map((s) => {
          at += s.gapMs;
          return { atMs: at, rows: s.rows.map(([series, k, bid]) => [series, 5_000 + 5 * k, bid / 10]) };
        });
        let memory: MergeMemory | null = null;
        reads.forEach((read, i) => {
          const out = mergeChain(memory, snapshotOf(read), MAX_AGE_MS);
          memory = out.memory;
          const want = expected(reads, i);
          expect(merged(out.snapshot)).toEqual(want);
          expect(out.snapshot.coverage.rowsRead).toBe(want.size);
          for (const e of out.snapshot.expiries)
            for (let j = 1; j < e.rows.length; j++)
              expect((e.rows[j - 1]?.strike ?? 0) < (e.rows[j]?.strike ?? 0)).toBe(true);
        });
      }),
      { numRuns: 300 },
    );
  });
});
