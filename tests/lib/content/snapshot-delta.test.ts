import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deltaSender } from '../../../lib/content/snapshot-delta';
import { mergeSeries, seriesKey } from '../../../lib/engine/market/series-merge';
import type { ChainExpiry, ChainSnapshot } from '../../../lib/engine/snapshot-types';
import { syntheticSpxChain } from '../../fixtures/engine/synthetic-chain';

const NOW = '2026-11-26T15:00:00.000Z';
const read = (): ChainSnapshot => syntheticSpxChain({ now: NOW, strikesPerExpiry: 40, strikeStep: 25 });

/** The same read with one put bid changed (expiry index `e`, row index `r`). */
function withBid(s: ChainSnapshot, e: number, r: number, bid: number): ChainSnapshot {
  const copy = structuredClone(s);
  const row = copy.expiries[e]?.rows[r];
  if (!row?.put) throw new Error('fixture without that put');
  row.put.bid = bid;
  return copy;
}

describe('deltaSender (only changed rows after the first full chain)', () => {
  it('sends the first read whole, then only the changed row, with every series and the read’s own fields', () => {
    const d = deltaSender();
    const first = read();
    expect(d.next(first)).toEqual({ snapshot: first, partial: false });
    const second = { ...withBid(first, 3, 7, 12.34), quoteTime: '2026-11-26T15:00:05.000Z' };
    const out = d.next(second);
    expect(out.partial).toBe(true);
    const sent = out.snapshot as ChainSnapshot;
    // Every series of the read, so the background knows what the page shows; rows: just the one.
    expect(sent.expiries.map((e) => e.expiry)).toEqual(first.expiries.map((e) => e.expiry));
    expect(sent.expiries.flatMap((e) => e.rows)).toEqual([second.expiries[3]?.rows[7]]);
    expect(sent.quoteTime).toBe('2026-11-26T15:00:05.000Z');
    expect(sent.coverage).toEqual(second.coverage);
    expect(sent.flags).toEqual(second.flags);
  });

  it('sends an unchanged read as a partial chain without rows (its quote time may be new)', () => {
    const d = deltaSender();
    d.next(read());
    const out = d.next(read());
    expect(out.partial).toBe(true);
    expect((out.snapshot as ChainSnapshot).expiries.every((e) => e.rows.length === 0)).toBe(true);
  });

  it('sends whole when more than half the rows changed, on a new page or symbol, and after a reset', () => {
    const d = deltaSender();
    const first = read();
    d.next(first);
    const moved = structuredClone(first);
    for (const e of moved.expiries) for (const r of e.rows) if (r.call) r.call.bid = (r.call.bid ?? 0) + 0.05;
    expect(d.next(moved).partial).toBe(false);
    const elsewhere = { ...moved, source: { ...moved.source, url: 'http://127.0.0.1/other.html' } };
    expect(d.next(elsewhere).partial).toBe(false);
    expect(d.next(elsewhere).partial).toBe(true);
    d.reset();
    expect(d.next(elsewhere).partial).toBe(false);
  });
});

describe('deltaSender, merged the way the background merges (property)', () => {
  it('leaves the background holding every row of the latest read as read, whatever changed', () => {
    const base = read();
    const strikes = base.expiries[0]?.rows.map((r) => r.strike) ?? [];
    fc.assert(
      fc.property(
        fc.array(
          fc.array(fc.tuple(fc.nat(strikes.length - 1), fc.integer({ min: 1, max: 999 })), { maxLength: 30 }),
          {
            minLength: 1,
            maxLength: 6,
          },
        ),
        (reads) => {
          const d = deltaSender();
          let held: ChainExpiry[] = [];
          let current = structuredClone(base);
          for (const edits of reads) {
            current = structuredClone(current);
            const rows = current.expiries[0]?.rows ?? [];
            for (const [i, bid] of edits) {
              const row = rows[i];
              if (row?.call) row.call = { ...row.call, bid: bid / 100 };
            }
            // Sometimes a read shows fewer rows (a virtualised grid scrolled).
            if (edits.length % 3 === 0 && current.expiries[0]) current.expiries[0].rows = rows.slice(0, 20);
            const out = d.next(current);
            const sent = out.snapshot as ChainSnapshot;
            held = out.partial ? mergeSeries(held, sent.expiries) : mergeSeries([], sent.expiries);
            for (const e of current.expiries) {
              const h = held.find((x) => seriesKey(x) === seriesKey(e));
              const byStrike = new Map(h?.rows.map((r) => [r.strike, r]));
              for (const r of e.rows) expect(byStrike.get(r.strike)).toEqual(r);
            }
          }
        },
      ),
      { numRuns: 100 },
    );
  });
});
