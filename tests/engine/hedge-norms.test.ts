import { describe, expect, it } from 'vitest';
import { FRONT_SPREAD_NORMS, type NormStats, VIX_NORMS } from '../../lib/engine/hedge/long-run-norms';
import { percentileFromKnots, standing } from '../../lib/engine/hedge/norms';
import { computeNorms } from '../fixtures/engine/plan/compute-vx-norms';

const computed = computeNorms();

describe('built-in long-run norms', () => {
  it.skipIf(computed === null)(
    'match a fresh computation from the Cboe data (constants rounded to 1e-6)',
    () => {
      if (!computed) return;
      const check = (c: NormStats, fresh: { days: number; mean: number; sd: number; knots: number[] }) => {
        expect(c.count).toBe(fresh.days);
        expect(Math.abs(c.mean - fresh.mean)).toBeLessThan(1e-6);
        expect(Math.abs(c.sd - fresh.sd)).toBeLessThan(1e-6);
        c.knots.forEach((k, i) => {
          expect(Math.abs(k - (fresh.knots[i] as number))).toBeLessThan(1e-6);
        });
      };
      check(FRONT_SPREAD_NORMS, computed.frontSpread);
      check(VIX_NORMS, computed.vix);
    },
  );
  if (computed === null)
    it.skip('Cboe data folder ../shared/data/cboe-vx-futures-daily-2013-2026 absent', () => {});
});

describe('percentileFromKnots', () => {
  const knots = Array.from({ length: 21 }, (_, i) => i); // value i at percentile 5·i
  it.each([
    [-1, 0],
    [0, 0],
    [2.5, 12.5], // halfway between the 10th and 15th percentile knots
    [20, 100],
    [99, 100],
  ])('x=%d → %d', (x, p) => expect(percentileFromKnots(knots, x)).toBeCloseTo(p, 12));
});

describe('standing', () => {
  const builtin: NormStats = {
    count: 3,
    mean: 2,
    sd: 1,
    knots: Array.from({ length: 21 }, (_, i) => 1 + i / 10),
    source: 't',
  };
  it('equals the plain sample statistics of the pooled sample (hand: {1,2,3} ∪ {4,5})', () => {
    // Pooled sample 1,2,3,4,5: mean 3, sample sd √2.5; z(5) = 2/√2.5.
    const s = standing(builtin, [4, 5], 5);
    expect(s?.z).toBeCloseTo(2 / Math.sqrt(2.5), 12);
    expect(s?.count).toBe(5);
    // Built-in: knots reach 3 at the 100th pct → 3 of 3 below; recorded: 4 below, 5 ties (½) → 4.5/5.
    expect(s?.percentile).toBeCloseTo(90, 12);
  });
  it('is null without spread', () => {
    expect(standing({ ...builtin, count: 1, sd: 0 }, [], 2)).toBeNull();
  });
});
