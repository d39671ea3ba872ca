/**
 * Inverse of the normalised Black function for the out-of-the-money call (x ≤ 0):
 * finds s = σ√T with b(x, s) = β, 0 < β < e^{x/2}.
 *
 * Follows the approach of P. Jäckel, "Let's Be Rational" (Wilmott 2015): split at the
 * inflection point s_c = √(2|x|) of b(s); start from a closed-form initial guess for the
 * branch (asymptotic lower-tail inversion, cubic model at the inflection point where
 * b'' = 0 and b''' = −b', normal-quantile upper map); then Householder steps of order 3 on a
 * branch-specific objective that is nearly linear in s there:
 *   lower branch  g = 1/ln b(s) − 1/ln β
 *   upper branch  g = ln(b_max − β) − ln(b_max − b(s))
 * The guesses, thresholds and objective algebra below are our own derivation.
 */
import { normCdf, normQuantileFast } from '../math/normal';
import {
  normalisedBlackOtm,
  normalisedBlackOtmComplement,
  normalisedVega,
} from '../pricing/normalised-black';

/** Hard cap on Householder steps; two or three are typical (see tests/engine/iv). */
export const MAX_HOUSEHOLDER_STEPS = 8;
/** Stop once a step moves s by less than this (relative): the next error is ~its 4th power. */
const STEP_TOLERANCE = 1e-7;
/** Largest factor one step may grow s by (guards steps from a far-off guess). */
const MAX_GROWTH = 4;

/** Householder order-3 factor from Newton step ν and ratios g''/g', g'''/g'. */
function householderStep(newton: number, halley: number, hh3: number): number {
  return (newton * (1 + 0.5 * halley * newton)) / (1 + newton * (halley + (hh3 * newton) / 6));
}

const SQRT3 = Math.sqrt(3);
const TWO_PI = 2 * Math.PI;

/**
 * Lower map f_l(s) = (2π|x|/(3√3))·Φ(−|x|/(√3·s))³: it matches b(x, s) to leading order as
 * s → 0 (both ~ s³/(x²√(2π))·e^{−x²/2s²}) and inverts in closed form.
 */
function lowerMap(x: number, s: number): number {
  const phi = normCdf(x / (SQRT3 * s));
  return ((TWO_PI * -x) / (3 * SQRT3)) * phi * phi * phi;
}

function inverseLowerMap(x: number, f: number): number {
  const p = Math.cbrt((3 * SQRT3 * f) / (TWO_PI * -x));
  return x / (SQRT3 * normQuantileFast(p));
}

/** Upper map: b_max − b ≈ (e^{x/2} + e^{−x/2})·Φ(−s/2) (exact at x = 0). */
function upperMap(x: number, s: number): number {
  return (Math.exp(0.5 * x) + Math.exp(-0.5 * x)) * normCdf(-0.5 * s);
}

function inverseUpperMap(x: number, complement: number): number {
  return -2 * normQuantileFast(complement / (Math.exp(0.5 * x) + Math.exp(-0.5 * x)));
}

/**
 * Initial guess for s and the branch. Tangent points s_l, s_u of the inflection tangent
 * bracket a middle zone, where the guess blends the tangent (exact to 3rd order at s_c, as
 * b'' = 0 there) with the chord; outside it the lower/upper maps are used, rescaled so they
 * agree with b at s_l / s_u and fade to the plain map in the tail.
 */
function initialGuess(beta: number, x: number, sc: number, bc: number): number {
  const bMax = Math.exp(0.5 * x);
  if (x === 0) return inverseUpperMap(0, bMax - beta);
  const vc = normalisedVega(x, sc);
  const tangent = sc + (beta - bc) / vc;
  if (beta < bc) {
    const sl = sc - bc / vc;
    if (!(sl > 0)) return tangent;
    const bl = normalisedBlackOtm(x, sl);
    if (beta >= bl) {
      const w = (beta - bl) / (bc - bl);
      const chord = sl + (sc - sl) * w;
      return w * tangent + (1 - w) * chord;
    }
    const scale = 1 + (lowerMap(x, sl) / bl - 1) * (beta / bl);
    return inverseLowerMap(x, beta * scale);
  }
  const su = sc + (bMax - bc) / vc;
  const bu = normalisedBlackOtm(x, su);
  if (beta <= bu) {
    const w = (bu - beta) / (bu - bc);
    const chord = su - (su - sc) * w;
    return w * tangent + (1 - w) * chord;
  }
  const compU = normalisedBlackOtmComplement(x, su);
  const comp = bMax - beta;
  const scale = 1 + (upperMap(x, su) / compU - 1) * (comp / compU);
  return inverseUpperMap(x, comp * scale);
}

/** Optional out-parameter: how many Householder steps a solve took. */
export interface SolveInfo {
  steps: number;
}

/**
 * Total implied vol s = σ√T for an out-of-the-money normalised call price β at x ≤ 0.
 * Preconditions (checked by the caller): x ≤ 0 finite, 0 < β < e^{x/2}.
 * Returns s > 0 (or +Infinity when β is indistinguishable from b_max in doubles).
 * `info.steps` (when given) receives the number of Householder steps taken.
 */
export function solveTotalVolOtm(beta: number, x: number, info?: SolveInfo): number {
  const bMax = Math.exp(0.5 * x);
  const betaComplement = bMax - beta;
  const sc = Math.sqrt(-2 * x);
  const bc = x === 0 ? 0 : normalisedBlackOtm(x, sc);
  const lower = beta < bc;
  let s = initialGuess(beta, x, sc, bc);
  if (!(s > 0) || !Number.isFinite(s)) s = sc > 0 ? sc : 1;

  const lnBeta = Math.log(beta);
  const lnComplement = Math.log(betaComplement);
  let sLo = 0;
  let sHi = Number.POSITIVE_INFINITY;
  for (let i = 0; i < MAX_HOUSEHOLDER_STEPS; i++) {
    const h = x / s;
    const t = 0.5 * s;
    const b = normalisedBlackOtm(x, s);
    const vega = normalisedVega(x, s);
    if (b > beta) sHi = s;
    else if (b < beta) sLo = s;
    else return s;
    // Ratios of derivatives of b(s): b''/b' and b'''/b'.
    const b2 = (h * h) / s - 0.5 * t;
    const b3 = b2 * b2 - (3 * h * h) / (s * s) - 0.25;
    let newton: number;
    let halley: number;
    let hh3: number;
    if (lower) {
      // g = G(b), G = 1/ln b: G''/G' = −(1 + 2/ln b)/b, G'''/G' = 2(1 + 3/ln b·(1 + 1/ln b))/b².
      const lnB = Math.log(b);
      const q = vega / b;
      const g2 = -(1 + 2 / lnB) * q;
      newton = ((lnBeta - lnB) * lnB) / lnBeta / q;
      halley = b2 + g2;
      hh3 = b3 + 3 * g2 * b2 + 2 * (1 + (3 / lnB) * (1 + 1 / lnB)) * q * q;
    } else {
      // g = G(b), G = −ln(b_max − b): G''/G' = 1/(b_max − b), G'''/G' = 2/(b_max − b)².
      const comp = normalisedBlackOtmComplement(x, s);
      const q = vega / comp;
      newton = ((Math.log(comp) - lnComplement) * comp) / vega;
      halley = b2 + q;
      hh3 = b3 + 3 * q * b2 + 2 * q * q;
    }
    let ds = householderStep(newton, halley, hh3);
    // Far from the root the cubic correction can blow up: fall back to Newton then.
    if (!(ds * newton > 0) || Math.abs(ds) > 2 * Math.abs(newton)) ds = newton;
    if (ds === 0) return s;
    if (info) info.steps = i + 1;
    // A step this small is already at the noise floor of b: accept it, even if rounding put it
    // a hair outside the bracket.
    if (Math.abs(ds) <= STEP_TOLERANCE * s) return s + ds;
    let next = s + ds;
    if (!(next > sLo && next < sHi)) next = sHi === Number.POSITIVE_INFINITY ? 2 * s : 0.5 * (sLo + sHi);
    else if (next > MAX_GROWTH * s) next = MAX_GROWTH * s;
    const moved = Math.abs(next - s);
    s = next;
    if (moved <= STEP_TOLERANCE * s) break;
  }
  return s;
}
