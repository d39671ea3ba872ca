/**
 * Standard normal density, distribution and quantile, built on Cody's erfc so both tails
 * keep full relative precision (Φ(−40) is ~3.7e-350 → 0, but Φ(−37) is still exact to ~1e-16).
 */
import { erfc } from './erfc';

/** 1/√(2π). */
export const INV_SQRT_2PI = 0.3989422804014327;
/** √2. */
export const SQRT2 = Math.SQRT2;
/** 1/√2. */
export const INV_SQRT2 = Math.SQRT1_2;

/** Standard normal density φ(z). */
export function normPdf(z: number): number {
  return INV_SQRT_2PI * Math.exp(-0.5 * z * z);
}

/** Standard normal distribution Φ(z) = ½·erfc(−z/√2), accurate in both tails. */
export function normCdf(z: number): number {
  return 0.5 * erfc(-z * INV_SQRT2);
}

// Acklam's rational approximation of the normal quantile (relative error < 1.2e-9),
// P. J. Acklam, "An algorithm for computing the inverse normal cumulative distribution
// function" (2003); refined below by one Halley step on Φ to full double precision.
const [a0, a1, a2, a3, a4, a5] = [
  -39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716,
  2.506628277459239,
];
const [b0, b1, b2, b3, b4] = [
  -54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572,
];
const [c0, c1, c2, c3, c4, c5] = [
  -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968,
  2.938163982698783,
];
const [d0, d1, d2, d3] = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
const P_LOW = 0.02425;

/** Acklam's tail formula in q = √(−2 ln p): the quantile of the smaller tail, negated. */
function tail(q: number): number {
  return (
    (((((c0 * q + c1) * q + c2) * q + c3) * q + c4) * q + c5) / ((((d0 * q + d1) * q + d2) * q + d3) * q + 1)
  );
}

/** Acklam's approximation alone (≈1e-9 relative): enough for a solver's initial guess. */
export function normQuantileFast(p: number): number {
  if (p < P_LOW) return tail(Math.sqrt(-2 * Math.log(p)));
  if (p > 1 - P_LOW) return -tail(Math.sqrt(-2 * Math.log1p(-p)));
  const q = p - 0.5;
  const r = q * q;
  return (
    ((((((a0 * r + a1) * r + a2) * r + a3) * r + a4) * r + a5) * q) /
    (((((b0 * r + b1) * r + b2) * r + b3) * r + b4) * r + 1)
  );
}

/**
 * Normal quantile Φ⁻¹(p) for p in (0, 1), full double precision (one Halley refinement).
 * Returns −Infinity / +Infinity at p = 0 / 1 and NaN only for p outside [0, 1] or NaN.
 */
export function normQuantile(p: number): number {
  if (!(p >= 0 && p <= 1)) return Number.NaN;
  if (p === 0) return Number.NEGATIVE_INFINITY;
  if (p === 1) return Number.POSITIVE_INFINITY;
  const x = normQuantileFast(p);
  // Work on the smaller tail so the residual keeps its relative precision.
  const e = p < 0.5 ? normCdf(x) - p : 1 - p - normCdf(-x);
  const u = e / normPdf(x);
  return x - u / (1 + 0.5 * x * u);
}
