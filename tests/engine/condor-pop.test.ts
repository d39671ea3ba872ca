import { describe, expect, it } from 'vitest';
import { type ExpirySmile, probBelow, volAt } from '../../lib/engine/condor/smile';
import { normCdf, normQuantile } from '../../lib/engine/math/normal';
import { datedExpiries, solveSmile } from '../../lib/engine/plan/market';
import { black76Price } from '../../lib/engine/pricing/black76';
import {
  DEFAULT_SPX_OPTIONS,
  quote,
  rng,
  SPX_MIXTURE,
  sampleMixture,
  syntheticSpxChain,
} from '../fixtures/engine/synthetic-chain';

/*
 * POP under the solved smile (analytic digital with the smile's slope term) checked two ways:
 * 1. against a Monte Carlo of the SAME smile: the density is rebuilt numerically from call
 *    prices on a 1-point strike grid (Breeden–Litzenberger: CDF(K) = 1 + ∂C/∂K / D by central
 *    differences), S_T drawn by inverse transform;
 * 2. against a Monte Carlo of the mixture model that generated the quotes (the true density),
 *    allowing for the linear-interpolation error of the smile between 5-point strikes.
 * (probBelow measures the slope over ±0.1 one-sigma move; on this smooth smile that differs
 * from the knot-to-knot slope the Monte Carlo sees by far less than one standard error.)
 * Break-evens 4.5 % below and 3 % above the forward, where the put skew matters.
 */
const N = 200_000;
const chain = syntheticSpxChain({ expiries: ['2027-01-01'] });
const dated = datedExpiries(chain, DEFAULT_SPX_OPTIONS.now).expiries[0];
if (!dated) throw new Error('synthetic expiry did not date');
const smile: ExpirySmile = solveSmile(dated);
const lo = smile.forward * 0.955;
const hi = smile.forward * 1.03;
const analytic = probBelow(smile, hi) - probBelow(smile, lo);
const se = Math.sqrt((analytic * (1 - analytic)) / N);

function sameSmileMonteCarlo(): number {
  const h = 1;
  const grid: number[] = [];
  const cdf: number[] = [];
  const call = (k: number) =>
    black76Price('call', smile.forward, k, smile.tYears, smile.discount, volAt(smile, k).vol) ?? 0;
  for (let k = Math.round(smile.forward * 0.5); k <= smile.forward * 1.5; k += h) {
    grid.push(k);
    cdf.push(1 + (call(k + h) - call(k - h)) / (2 * h * smile.discount));
  }
  const u = rng(42);
  let inside = 0;
  for (let i = 0; i < N; i++) {
    const x = u();
    let a = 0;
    let b = cdf.length - 1;
    while (b - a > 1) {
      const m = (a + b) >> 1;
      if ((cdf[m] as number) < x) a = m;
      else b = m;
    }
    const s = grid[b] as number;
    if (s > lo && s < hi) inside++;
  }
  return inside / N;
}

function mixtureMonteCarlo(): number {
  const u = rng(7);
  let inside = 0;
  for (let i = 0; i < N; i++) {
    const s = sampleMixture(SPX_MIXTURE, smile.forward, smile.tYears, u(), normQuantile(u()));
    if (s > lo && s < hi) inside++;
  }
  return inside / N;
}

describe('probBelow (POP under the smile)', () => {
  it('matches a Monte Carlo of the same smile within 3 standard errors', () => {
    const mc = sameSmileMonteCarlo();
    expect(Math.abs(analytic - mc)).toBeLessThan(3 * se);
  });

  it('matches a Monte Carlo of the generating mixture within 3 SE + 0.002 (smile interpolation)', () => {
    const mc = mixtureMonteCarlo();
    expect(Math.abs(analytic - mc)).toBeLessThan(3 * se + 0.002);
  });

  it('differs from the flat-vol answer by far more than the Monte Carlo error (the skew term matters)', () => {
    const atm = volAt(smile, smile.forward).vol;
    const sd = atm * Math.sqrt(smile.tYears);
    const below = (k: number) => normCdf(-(Math.log(smile.forward / k) / sd - sd / 2));
    const flat = below(hi) - below(lo);
    expect(Math.abs(analytic - flat)).toBeGreaterThan(10 * se);
  });
});

describe('probBelow on tick-rounded quotes', () => {
  it('stays monotone in strike when mids are rounded to 0.05 (slope measured over a window)', () => {
    const tick = (x: number) => Math.round(x / 0.05) * 0.05;
    const rounded = {
      ...chain,
      expiries: chain.expiries.map((e) => ({
        ...e,
        rows: e.rows.map((r) => ({
          ...r,
          call: r.call && quote(tick(((r.call.bid ?? 0) + (r.call.ask ?? 0)) / 2)),
          put: r.put && quote(tick(((r.put.bid ?? 0) + (r.put.ask ?? 0)) / 2)),
        })),
      })),
    };
    const d = datedExpiries(rounded, DEFAULT_SPX_OPTIONS.now).expiries[0];
    if (!d) throw new Error('expiry');
    const s = solveSmile(d);
    let prev = 0;
    // Within ±1.5 one-sigma moves (the condor zone); far wings priced in single ticks stay noisier.
    for (let k = s.forward * 0.93; k <= s.forward * 1.07; k += 1) {
      const p = probBelow(s, k);
      expect(p).toBeGreaterThanOrEqual(prev - 1e-9);
      prev = p;
    }
  });
});
