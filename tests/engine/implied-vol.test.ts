/**
 * Implied vol: named failures, accuracy over a wide grid, step counts, bid/ask band.
 * Expected vols are the vols the prices were made with (round trip through black76Price,
 * whose own accuracy is pinned to the mpmath table in black-reference.test.ts).
 */
import { describe, expect, it } from 'vitest';
import {
  black76Greeks,
  black76ImpliedVol,
  black76Price,
  black76VolBand,
  impliedVol,
  type OptionKind,
  price,
} from '../../lib/engine/index';
import { MAX_HOUSEHOLDER_STEPS, solveTotalVolOtm } from '../../lib/engine/iv/normalised-iv';
import { normalisedBlackOtm } from '../../lib/engine/pricing/normalised-black';

const EPS = Number.EPSILON;
const F = 100;
const D = 0.97;

describe('black76ImpliedVol named failures', () => {
  it.each([
    ['price below discounted intrinsic (ITM call)', 'call', D * 10 - 1e-9, 110, 'below-intrinsic'],
    ['put price below intrinsic', 'put', D * 5 * 0.999, 95, 'below-intrinsic'],
    ['call at the discounted forward', 'call', D * F, 100, 'above-maximum'],
    ['put above the discounted strike', 'put', D * 120 + 1, 120, 'above-maximum'],
    ['OTM call at zero price', 'call', 0, 80, 'no-time-value'],
    ['ITM put exactly at intrinsic', 'put', D * 20, 80, 'no-time-value'],
    ['negative price', 'call', -1, 100, 'bad-input'],
    ['NaN price', 'call', Number.NaN, 100, 'bad-input'],
  ] as const)('%s → %s', (_name, kind, p, forwardArg, expected) => {
    // forwardArg is the forward; strike fixed at 100 (intrinsic = |F − 100| on the right side).
    expect(black76ImpliedVol(kind as OptionKind, p, forwardArg, 100, 0.5, D)).toEqual({ error: expected });
  });

  it.each([
    ['zero strike', () => black76ImpliedVol('call', 1, 100, 0, 1, D)],
    ['negative time', () => black76ImpliedVol('call', 1, 100, 100, -1, D)],
    ['zero discount', () => black76ImpliedVol('call', 1, 100, 100, 1, 0)],
    ['infinite forward', () => black76ImpliedVol('call', 1, Number.POSITIVE_INFINITY, 100, 1, D)],
    ['bad kind', () => black76ImpliedVol('straddle' as OptionKind, 1, 100, 100, 1, D)],
    ['BSM non-finite rate', () => impliedVol('call', 1, 100, 100, 1, Number.NaN, 0)],
  ])('%s → bad-input', (_name, run) => {
    expect(run()).toEqual({ error: 'bad-input' });
  });

  it('no time left but positive time value → no-time-value', () => {
    expect(black76ImpliedVol('call', 1, 100, 100, 0, 1)).toEqual({ error: 'no-time-value' });
  });
});

/** Relative vol error allowed: 1e-12, or 100× the reachable ε·(1 + price/(vol·vega)). */
function allowedError(kind: OptionKind, K: number, T: number, vol: number, p: number): number {
  const vegaPerUnitVol = (black76Greeks(kind, F, K, T, D, vol)?.vega ?? 0) * 100;
  const reachable = EPS * (1 + p / (vol * vegaPerUnitVol));
  return Math.max(1e-12, 100 * reachable);
}

describe('black76ImpliedVol accuracy grid (deep OTM to deep ITM, 1 day – 3 years, vol 1 %–400 %)', () => {
  const T_YEARS = [1 / 365, 2 / 365, 7 / 365, 30 / 365, 0.25, 1, 3];
  const VOLS = [0.01, 0.03, 0.1, 0.2, 0.5, 1, 2, 4];
  const cases: { kind: OptionKind; K: number; T: number; vol: number; p: number }[] = [];
  for (const T of T_YEARS)
    for (const vol of VOLS)
      for (let z = -12; z <= 12; z += 0.5) {
        const K = F * Math.exp(z * vol * Math.sqrt(T));
        for (const kind of ['call', 'put'] as const) {
          const p = black76Price(kind, F, K, T, D, vol) ?? Number.NaN;
          const timeValue = p / D - Math.max(kind === 'call' ? F - K : K - F, 0);
          if (timeValue >= 1e-12 * F) cases.push({ kind, K, T, vol, p });
        }
      }

  it('has many cases with time value ≥ 1e-12·F, including deep wings', () => {
    expect(cases.length).toBeGreaterThan(2500);
    expect(cases.some((c) => c.p < 1e-9 * F)).toBe(true);
  });

  it('zero failures and every vol within the allowed error', () => {
    const bad: string[] = [];
    let worstWellConditioned = 0;
    for (const c of cases) {
      const r = black76ImpliedVol(c.kind, c.p, F, c.K, c.T, D);
      if (!('vol' in r) || !(r.vol > 0)) {
        bad.push(`${c.kind} K=${c.K} T=${c.T} vol=${c.vol}: ${JSON.stringify(r)}`);
        continue;
      }
      const err = Math.abs(r.vol / c.vol - 1);
      const allowed = allowedError(c.kind, c.K, c.T, c.vol, c.p);
      if (allowed === 1e-12) worstWellConditioned = Math.max(worstWellConditioned, err);
      if (err > allowed) bad.push(`${c.kind} K=${c.K} T=${c.T} vol=${c.vol}: err ${err} > ${allowed}`);
    }
    expect(bad).toEqual([]);
    // Where double precision allows it the solver is far inside 1e-12.
    expect(worstWellConditioned).toBeLessThan(5e-14);
  });

  it('takes a fixed small number of Householder steps (≤ 3)', () => {
    let most = 0;
    for (const c of cases) {
      const x = -Math.abs(Math.log(F / c.K));
      const beta = (c.p / D - Math.max(c.kind === 'call' ? F - c.K : c.K - F, 0)) / Math.sqrt(F * c.K);
      const info = { steps: 0 };
      solveTotalVolOtm(beta, x, info);
      most = Math.max(most, info.steps);
    }
    expect(most).toBeLessThanOrEqual(3);
    expect(MAX_HOUSEHOLDER_STEPS).toBeGreaterThan(3);
  });
});

describe('solveTotalVolOtm at the extremes of the normalised problem', () => {
  // x = ln(F/K) ≤ 0, s = σ√T; β from our normalised Black (pinned to mpmath elsewhere).
  it.each([
    [-1, 0.05], // b ≈ 7e-92
    [-50, 2], // b ≈ 1e-139
    [0, 1e-8], // at the money, almost no vol
    [-1e-8, 1e-4],
    [-0.01, 0.002],
    [-0.5, 6], // near the upper bound
    [-10, 5],
  ])('x=%d s=%d round-trips to 1e-14', (x, s) => {
    const beta = normalisedBlackOtm(x, s);
    expect(beta).toBeGreaterThan(0);
    const info = { steps: 0 };
    expect(Math.abs(solveTotalVolOtm(beta, x, info) / s - 1)).toBeLessThan(1e-14);
    expect(info.steps).toBeLessThanOrEqual(3);
  });

  it('returns +Infinity at the upper bound (mapped to above-maximum by the caller)', () => {
    expect(solveTotalVolOtm(Math.exp(-0.5), -1)).toBe(Number.POSITIVE_INFINITY);
  });
});

describe('impliedVol (BSM wrapper)', () => {
  // Hull, Options Futures and Other Derivatives (BSM worked example): S=42, K=40, r=10 %,
  // T=0.5, σ=20 % gives call 4.76; the round trip must recover 20 % from our own price.
  it('recovers the vol of the Hull example', () => {
    const p = price('call', 42, 40, 0.5, 0.1, 0, 0.2) ?? 0;
    expect(Math.abs(p - 4.76)).toBeLessThan(0.005);
    const r = impliedVol('call', p, 42, 40, 0.5, 0.1, 0);
    expect('vol' in r && Math.abs(r.vol - 0.2)).toBeLessThan(1e-14);
  });
});

describe('black76VolBand', () => {
  it('orders bid ≤ mid ≤ ask vols and names a zero bid', () => {
    const band = black76VolBand('call', 1.9, 2.1, F, 105, 0.25, D);
    const vols = [band.bid, band.mid, band.ask].map((r) => ('vol' in r ? r.vol : Number.NaN));
    expect(vols[0]).toBeLessThan(vols[1] as number);
    expect(vols[1]).toBeLessThan(vols[2] as number);
    const zero = black76VolBand('call', 0, 0.05, F, 150, 0.1, D);
    expect(zero.bid).toEqual({ error: 'no-time-value' });
    expect('vol' in zero.ask).toBe(true);
    expect(black76VolBand('put', 2, 1, F, 95, 0.1, D).mid).toEqual({ error: 'bad-input' });
    expect(black76VolBand('put', null, 1, F, 95, 0.1, D).bid).toEqual({ error: 'bad-input' });
  });
});
