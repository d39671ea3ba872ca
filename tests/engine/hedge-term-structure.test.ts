import { describe, expect, it } from 'vitest';
import { hedgeActivation } from '../../lib/engine/hedge/activation';
import { FRONT_SPREAD_NORMS } from '../../lib/engine/hedge/long-run-norms';
import { termStructure } from '../../lib/engine/hedge/term-structure';
import type { VixCurveSnapshot } from '../../lib/engine/snapshot-types';
import { DEFAULT_SETTINGS } from '../../lib/schema/settings';

/** Days to each expiry from a fixed "now", as a lookup (the plan passes real settlement times). */
const DAYS: Record<string, number> = {
  '2026-12-16': 20,
  '2027-01-20': 55,
  '2027-02-17': 83,
  '2026-11-18': -8,
};
const daysTo = (e: string) => DAYS[e] ?? Number.NaN;

function curve(spot: number | null, prices: [string, number][]): VixCurveSnapshot {
  return {
    kind: 'vix-curve',
    source: { reader: 'test', url: 'file:test', readAt: '2026-11-26T15:00:00Z' },
    spot,
    indices: {},
    futures: prices.map(([expiry, price]) => ({ expiry, symbol: null, price })),
  };
}

describe('termStructure', () => {
  it('computes the metrics by hand on a contango curve and drops expired contracts', () => {
    const ts = termStructure(
      curve(15, [
        ['2026-11-18', 14],
        ['2026-12-16', 16],
        ['2027-01-20', 17.6],
        ['2027-02-17', 18.4],
      ]),
      daysTo,
      [],
      [],
    );
    // Hand: front spread (17.6 − 16)/16 = 0.1; basis 15/16 = 0.9375; roll yield (16 − 15)/20 = 0.05/day.
    expect(ts?.frontSpread).toBeCloseTo(0.1, 12);
    expect(ts?.label).toBe('contango');
    expect(ts?.basisVixToF1).toBeCloseTo(0.9375, 12);
    expect(ts?.rollYieldPerDay).toBeCloseTo(0.05, 12);
    // Least squares on (20,16),(55,17.6),(83,18.4): x̄=52.667, ȳ=17.333;
    // Sxy = (−32.667)(−1.333)+(2.333)(0.267)+(30.333)(1.067) = 43.556+0.622+32.356 = 76.533;
    // Sxx = 1067.11+5.444+920.11 = 1992.667 → slope 0.038407/day → 1.15221 per 30 days.
    expect(ts?.slopePer30Days).toBeCloseTo(1.15221, 4);
    // z against the built-in norms alone: (0.1 − mean)/sd.
    expect(ts?.frontSpreadZ).toBeCloseTo((0.1 - FRONT_SPREAD_NORMS.mean) / FRONT_SPREAD_NORMS.sd, 9);
    expect(ts?.curve.map((p) => p.expiry)).toEqual(['2026-12-16', '2027-01-20', '2027-02-17']);
  });

  it('needs two live contracts', () => {
    expect(termStructure(curve(15, [['2026-12-16', 16]]), daysTo, [], [])).toBeNull();
  });
});

describe('hedgeActivation', () => {
  const at = (f1: number, f2: number) => {
    const ts = termStructure(
      curve(16, [
        ['2026-12-16', f1],
        ['2027-01-20', f2],
      ]),
      daysTo,
      [],
      [],
    );
    if (!ts) throw new Error('no curve');
    return hedgeActivation(ts, DEFAULT_SETTINGS.hedge);
  };
  it('turns on for a flat curve', () => {
    const a = at(18, 18);
    expect(a.active).toBe(true);
    expect(a.why.map((w) => w.rule)).toContain('curve-flat');
  });
  it('turns on for an inverted curve and expands at least ×1.5', () => {
    const a = at(30, 27);
    expect(a.active).toBe(true);
    expect(a.why.map((w) => w.rule)).toEqual(expect.arrayContaining(['curve-inverted', 'front-spread-z']));
    expect(a.expansion).toBeGreaterThanOrEqual(1.5);
  });
  it('stays off in normal contango', () => {
    const a = at(16, 17.2); // +7.5 %: near the long-run mean
    expect(a.active).toBe(false);
    expect(a.reason).toMatch(/contango/);
  });
});
