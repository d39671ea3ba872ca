/**
 * Greeks against central finite differences of our own prices (an independent check of
 * the analytic formulas and of the documented units: vega per vol point, theta per
 * calendar day), plus degenerate and invalid inputs.
 */
import { describe, expect, it } from 'vitest';
import { black76Greeks, black76Price, greeks, type OptionKind, price } from '../../lib/engine/index';

const CASES: [OptionKind, number, number, number, number, number, number][] = [
  // kind, spot, strike, tYears, rate, divYield, vol
  ['call', 4500, 4500, 30 / 365, 0.045, 0.013, 0.18],
  ['put', 4500, 4200, 45 / 365, 0.045, 0.013, 0.24],
  ['call', 4500, 4800, 0.5, 0.03, 0.015, 0.15],
  ['put', 100, 120, 2, 0.05, 0.0, 0.6],
  ['call', 20, 25, 10 / 365, 0.01, 0.0, 1.2],
];

/** Relative-or-absolute closeness for finite-difference comparisons. */
function near(a: number, b: number, rel: number, abs: number): boolean {
  return Math.abs(a - b) <= rel * Math.abs(b) + abs;
}

describe('greeks (BSM) vs finite differences', () => {
  it.each(CASES)('%s S=%d K=%d', (kind, S, K, T, r, q, vol) => {
    const p = (s = S, t = T, v = vol) => price(kind, s, K, t, r, q, v) ?? Number.NaN;
    const g = greeks(kind, S, K, T, r, q, vol);
    expect(g).not.toBeNull();
    if (!g) return;
    const dS = S * 1e-4;
    const dV = 1e-5;
    const dT = 1e-5;
    const delta = (p(S + dS / 10) - p(S - dS / 10)) / (dS / 5);
    const gamma = (p(S + dS) - 2 * p() + p(S - dS)) / (dS * dS);
    const vegaPerPoint = ((p(S, T, vol + dV) - p(S, T, vol - dV)) / (2 * dV)) * 0.01;
    const thetaPerDay = -(p(S, T + dT) - p(S, T - dT)) / (2 * dT) / 365;
    expect(near(g.delta, delta, 1e-7, 1e-9), `delta ${g.delta} ${delta}`).toBe(true);
    expect(near(g.gamma, gamma, 1e-4, 1e-9), `gamma ${g.gamma} ${gamma}`).toBe(true);
    expect(near(g.vega, vegaPerPoint, 1e-7, 1e-9), `vega ${g.vega} ${vegaPerPoint}`).toBe(true);
    expect(near(g.theta, thetaPerDay, 1e-6, 1e-9), `theta ${g.theta} ${thetaPerDay}`).toBe(true);
  });
});

describe('black76Greeks vs finite differences (F and D held; theta with r = −ln D / T held)', () => {
  it.each(CASES)('%s F≈%d K=%d', (kind, S, K, T, r, _q, vol) => {
    const F = S;
    const p = (f = F, t = T, v = vol) => black76Price(kind, f, K, t, Math.exp(-r * t), v) ?? Number.NaN;
    const g = black76Greeks(kind, F, K, T, Math.exp(-r * T), vol);
    if (!g) throw new Error('null greeks');
    const dF = F * 1e-4;
    const delta = (p(F + dF / 10) - p(F - dF / 10)) / (dF / 5);
    const gamma = (p(F + dF) - 2 * p() + p(F - dF)) / (dF * dF);
    const vega = ((p(F, T, vol + 1e-5) - p(F, T, vol - 1e-5)) / 2e-5) * 0.01;
    const theta = -(p(F, T + 1e-5) - p(F, T - 1e-5)) / 2e-5 / 365;
    expect(near(g.delta, delta, 1e-7, 1e-9), `delta ${g.delta} ${delta}`).toBe(true);
    expect(near(g.gamma, gamma, 1e-4, 1e-9), `gamma ${g.gamma} ${gamma}`).toBe(true);
    expect(near(g.vega, vega, 1e-7, 1e-9), `vega ${g.vega} ${vega}`).toBe(true);
    expect(near(g.theta, theta, 1e-6, 1e-9), `theta ${g.theta} ${theta}`).toBe(true);
  });

  it('gives a step delta and zero other greeks when σ√T = 0', () => {
    expect(black76Greeks('call', 105, 100, 0, 0.99, 0.2)).toEqual({
      delta: 0.99,
      gamma: 0,
      vega: 0,
      theta: 0,
    });
    expect(black76Greeks('put', 105, 100, 0.5, 0.99, 0)).toEqual({ delta: 0, gamma: 0, vega: 0, theta: 0 });
  });

  it('returns null for invalid input', () => {
    expect(black76Greeks('call', -1, 100, 1, 1, 0.2)).toBeNull();
    expect(greeks('call', 100, 100, 1, Number.NaN, 0, 0.2)).toBeNull();
    expect(price('put', 100, 100, -1, 0.01, 0, 0.2)).toBeNull();
  });
});
