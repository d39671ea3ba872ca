import { blackScholes } from 'black-scholes';
import { describe, expect, it } from 'vitest';
import { condorPnlAtExpiry, condorPnlToday, payoffSeries } from '../../../components/chart/payoff';
import { ticks } from '../../../components/chart/scale';
import { loadPlan } from '../fixtures';

const plan = loadPlan('no-vix-curve');
const best = plan.condor.figures!.best; // 5625 / 5650 / 6100 / 6125, credit 3.80

describe('condorPnlAtExpiry', () => {
  // Hand computation: credit 3.80; put spread 5650/5625 and call spread 6100/6125 are 25 wide.
  it.each([
    [5500, 3.8 - 25], // below both puts: full put-spread loss → −21.20
    [5625, 3.8 - 25], // at the long put
    [5648, 3.8 - 2], // 2 pts in the short put
    [5646.2, 0], // lower break-even
    [5900, 3.8], // between the shorts: keep the credit
    [6103.8, 0], // upper break-even
    [6200, 3.8 - 25], // above both calls
  ])('at %d settles to %d pts per share', (s, expected) => {
    expect(Math.abs(condorPnlAtExpiry(best, s) - expected)).toBeLessThan(1e-9);
  });
});

describe('condorPnlToday', () => {
  it('matches an independent Black–Scholes library with r = 0 (Black-76 with D = 1)', () => {
    // black-scholes@1.1.0 (Loppatto): with r = 0 and S = F its price is Black-76 with D = 1.
    const s = 5800;
    const f = best.forward * (s / (plan.underlying.price ?? 0));
    const t = best.daysToExpiry / 365;
    const { longPut, shortPut, shortCall, longCall } = best.legs;
    const bs = (k: number, v: number, cp: 'call' | 'put') => blackScholes(f, k, t, v, 0, cp);
    const value =
      bs(shortPut.strike, shortPut.iv, 'put') -
      bs(longPut.strike, longPut.iv, 'put') +
      bs(shortCall.strike, shortCall.iv, 'call') -
      bs(longCall.strike, longCall.iv, 'call');
    const ours = condorPnlToday(best, s, plan.underlying.price ?? 0, best.forward);
    expect(ours).not.toBeNull();
    expect(Math.abs((ours ?? 0) - (best.creditMid - value))).toBeLessThan(1e-6);
  });

  it('lies between the expiry payoff extremes (a condor is worth between 0 and the wing width)', () => {
    for (const s of [5400, 5650, 5900, 6100, 6400]) {
      const v = condorPnlToday(best, s, plan.underlying.price ?? 0, best.forward) ?? Number.NaN;
      expect(v).toBeLessThanOrEqual(best.creditMid + 1e-9);
      expect(v).toBeGreaterThanOrEqual(best.creditMid - 25 - 1e-9);
    }
  });
});

describe('payoffSeries', () => {
  it('scales to dollars for all contracts (× 100 × 2)', () => {
    const { expiry, today } = payoffSeries(best, 5912.4, best.forward, 11);
    expect(today).toHaveLength(11);
    const [x0, y0] = expiry[0] ?? [0, 0];
    expect(Math.abs(y0 - condorPnlAtExpiry(best, x0) * 200)).toBeLessThan(1e-9);
  });
});

describe('ticks', () => {
  it('gives round steps inside the domain', () => {
    expect(ticks({ min: 0, max: 100 }, 5)).toEqual([0, 20, 40, 60, 80, 100]);
    expect(ticks({ min: 5601, max: 6149 }, 6)).toEqual([5700, 5800, 5900, 6000, 6100]);
  });
});

describe('ticks on a payoff range', () => {
  it('gives at least three labels for a −$4,770…$3,930 range', () => {
    // span 8,700 / 5 = 1,740 → step 2,000: −4,000, −2,000, 0, 2,000.
    expect(ticks({ min: -4770, max: 3930 }, 4)).toEqual([-4000, -2000, 0, 2000]);
  });
});
