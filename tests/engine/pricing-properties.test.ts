/**
 * Property tests (fast-check) for prices and implied vols: round trip, put-call parity,
 * monotonicity in vol and time, no NaN from the solver whatever the input.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { black76Greeks, black76ImpliedVol, black76Price, impliedVol } from '../../lib/engine/index';

const kind = fc.constantFrom('call' as const, 'put' as const);
const tYears = fc.double({ min: 1 / 365, max: 3, noNaN: true });
const vol = fc.double({ min: 0.01, max: 4, noNaN: true });
const z = fc.double({ min: -8, max: 8, noNaN: true });
const discount = fc.double({ min: 0.8, max: 1, noNaN: true });
const F = 100;

describe('price → implied vol → price', () => {
  it('round-trips the vol within the reachable error and the price to 1e-13 relative', () => {
    fc.assert(
      fc.property(kind, tYears, vol, z, discount, (k, T, v, zz, D) => {
        const K = F * Math.exp(zz * v * Math.sqrt(T));
        const p = black76Price(k, F, K, T, D, v) ?? Number.NaN;
        // True time value = the out-of-the-money twin's price (parity). It must be ≥ 1e-12·F
        // and not below the rounding of the quoted price itself (ε·price), or no solver can
        // see it in a double.
        const otm = black76Price(K > F ? 'call' : 'put', F, K, T, D, v) ?? Number.NaN;
        fc.pre(otm >= 1e-12 * F * D && otm >= 64 * Number.EPSILON * p);
        const r = black76ImpliedVol(k, p, F, K, T, D);
        expect('vol' in r).toBe(true);
        if (!('vol' in r)) return;
        const vegaPerUnit = (black76Greeks(k, F, K, T, D, v)?.vega ?? 0) * 100;
        const allowed = Math.max(1e-12, 100 * Number.EPSILON * (1 + p / (v * vegaPerUnit)));
        expect(Math.abs(r.vol / v - 1)).toBeLessThanOrEqual(allowed);
        const p2 = black76Price(k, F, K, T, D, r.vol) ?? Number.NaN;
        expect(Math.abs(p2 - p)).toBeLessThanOrEqual(1e-13 * p + 1e-15 * F);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('black76Price', () => {
  it('satisfies put-call parity C − P = D·(F − K)', () => {
    fc.assert(
      fc.property(tYears, vol, z, discount, (T, v, zz, D) => {
        const K = F * Math.exp(zz * 0.3 * v * Math.sqrt(T));
        const c = black76Price('call', F, K, T, D, v) ?? Number.NaN;
        const p = black76Price('put', F, K, T, D, v) ?? Number.NaN;
        expect(Math.abs(c - p - D * (F - K))).toBeLessThanOrEqual(1e-13 * Math.max(F, K));
      }),
      { numRuns: 2000 },
    );
  });

  it('is non-decreasing in vol and in time (forward and discount held)', () => {
    fc.assert(
      fc.property(kind, tYears, vol, z, fc.double({ min: 1, max: 2, noNaN: true }), (k, T, v, zz, up) => {
        const K = F * Math.exp(zz * 0.2);
        const p = black76Price(k, F, K, T, 1, v) ?? Number.NaN;
        const moreVol = black76Price(k, F, K, T, 1, v * up) ?? Number.NaN;
        const moreTime = black76Price(k, F, K, T * up, 1, v) ?? Number.NaN;
        // Rounding noise is not a violation: b carries ~1e-15 relative error, up to ~1e-14
        // deep in the wing where e^{−h²/2} is taken of a large argument.
        // Below ~1e-300 the price is subnormal or nearly so (fast-check found a 38σ put at
        // 3.6e-310, where a double keeps only a few significant digits): no relative promise there.
        const slack = Math.max(256 * Number.EPSILON * p, 1e-300);
        expect(moreVol).toBeGreaterThanOrEqual(p - slack);
        expect(moreTime).toBeGreaterThanOrEqual(p - slack);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('impliedVol never returns NaN', () => {
  const anyNumber = fc.oneof(
    fc.double(),
    fc.constantFrom(0, -0, 1e-300, 1e300, Number.NaN, Number.POSITIVE_INFINITY, -1),
  );
  const ERRORS = ['below-intrinsic', 'above-maximum', 'no-time-value', 'bad-input'];
  it('gives a positive finite vol or a named error for arbitrary doubles', () => {
    fc.assert(
      fc.property(
        kind,
        anyNumber,
        anyNumber,
        anyNumber,
        anyNumber,
        anyNumber,
        anyNumber,
        (k, p, S, K, T, r, q) => {
          const res = impliedVol(k, p, S, K, T, r, q);
          if ('vol' in res) {
            expect(Number.isFinite(res.vol)).toBe(true);
            expect(res.vol).toBeGreaterThan(0);
          } else expect(ERRORS).toContain(res.error);
        },
      ),
      { numRuns: 5000 },
    );
  });
});
