/**
 * Inverse of the normalised Black function for the out-of-the-money call (x ≤ 0):
 * finds s = σ√T with b(x, s) = β, 0 < β < e^{x/2}.
 *
 * Follows the approach of P. Jäckel, "Let's Be Rational" (Wilmott 2015): a closed-form
 * initial guess per branch (initial-guess.ts), then Householder steps of order 3 on a
 * branch-specific objective that is nearly linear in s there:
 *   lower branch   g = 1/ln b(s) − 1/ln β                 (β < b(s_c))
 *   middle branch  g = b(s) − β                           (b(s_c) ≤ β ≤ b(s_u))
 *   upper branch   g = ln(b_max − β) − ln(b_max − b(s))   (β > b(s_u))
 * For an objective g = G(b): g''/g' = (G''/G')·b' + b''/b' and
 * g'''/g' = (G'''/G')·b'² + 3(G''/G')·b'·b''/b' + b'''/b', with b''/b' = x²/s³ − s/4 and
 * b'''/b' = (b''/b')² − 3x²/s⁴ − 1/4. Guesses, thresholds and algebra are our own.
 */
import {
  normalisedBlackOtmComplement,
  normalisedBlackOtmWithVega,
  type VegaOut,
} from '../pricing/normalised-black';
import { type Guess, initialGuess } from './initial-guess';

/**
 * Safety cap on steps (bracketed, with bisection fallback). Two are typical and three the
 * most seen on the test grids; the cap only matters for a pathological initial guess.
 */
export const MAX_HOUSEHOLDER_STEPS = 32;
/**
 * Accept the iterate once a step is below this (relative): with quartic convergence the
 * remaining error is then ~(1e-4)⁴, far below double precision.
 */
const STEP_TOLERANCE = 1e-4;
/** Largest factor one step may grow s by (guards steps from a far-off guess). */
const MAX_GROWTH = 4;

/** Optional out-parameter: how many Householder steps a solve took. */
export interface SolveInfo {
  steps: number;
}

// Reused buffers (JS is single-threaded and nothing here re-enters): no allocation per solve.
const GUESS: Guess = { s: 0, branch: 'middle' };
const VEGA: VegaOut = { vega: 0 };

/** Householder order-3 step from Newton step ν and ratios g''/g', g'''/g'. */
function householderStep(newton: number, halley: number, hh3: number): number {
  return (newton * (1 + 0.5 * halley * newton)) / (1 + newton * (halley + (hh3 * newton) / 6));
}

/**
 * Total implied vol s = σ√T for an out-of-the-money normalised call price β at x ≤ 0.
 * Preconditions (checked by the caller): x ≤ 0 finite, 0 < β < e^{x/2}.
 * Returns s > 0, or +Infinity when β ≥ b_max in doubles (rounding at the upper bound).
 * `info.steps` (when given) receives the number of Householder steps taken; `bMax`
 * (= e^{x/2}) may be passed when the caller has it more cheaply.
 */
export function solveTotalVolOtm(
  beta: number,
  x: number,
  info?: SolveInfo,
  bMax: number = Math.exp(0.5 * x),
): number {
  const betaComplement = bMax - beta;
  if (!(betaComplement > 0)) return Number.POSITIVE_INFINITY;
  initialGuess(beta, x, bMax, GUESS);
  const branch = GUESS.branch;
  let s = GUESS.s;
  if (!(s > 0) || !Number.isFinite(s)) s = x < 0 ? Math.sqrt(-2 * x) : 1;
  // Only the branch's own logarithm is needed.
  const lnBeta = branch === 'lower' ? Math.log(beta) : 0;
  const lnComplement = branch === 'upper' ? Math.log(betaComplement) : 0;
  const out = VEGA;
  let sLo = 0;
  let sHi = Number.POSITIVE_INFINITY;
  for (let i = 0; i < MAX_HOUSEHOLDER_STEPS; i++) {
    const h = x / s;
    const b2 = (h * h) / s - 0.25 * s;
    const b3 = b2 * b2 - (3 * h * h) / (s * s) - 0.25;
    let newton: number;
    let halley: number;
    let hh3: number;
    let above: boolean;
    if (branch === 'lower') {
      // G = 1/ln b: G''/G' = −(1 + 2/ln b)/b, G'''/G' = 2(1 + 3/ln b·(1 + 1/ln b))/b².
      const b = normalisedBlackOtmWithVega(x, s, out, bMax);
      const vega = out.vega;
      if (b === beta) return s;
      above = b > beta;
      const lnB = Math.log(b);
      const q = vega / b;
      const g2 = -(1 + 2 / lnB) * q;
      newton = ((lnBeta - lnB) * lnB) / lnBeta / q;
      halley = b2 + g2;
      hh3 = b3 + 3 * g2 * b2 + 2 * (1 + (3 / lnB) * (1 + 1 / lnB)) * q * q;
    } else if (branch === 'middle') {
      const b = normalisedBlackOtmWithVega(x, s, out, bMax);
      if (b === beta) return s;
      above = b > beta;
      newton = (beta - b) / out.vega;
      halley = b2;
      hh3 = b3;
    } else {
      // G = −ln(b_max − b): G''/G' = 1/(b_max − b), G'''/G' = 2/(b_max − b)².
      const comp = normalisedBlackOtmComplement(x, s, out);
      const vega = out.vega;
      if (comp === betaComplement) return s;
      above = comp < betaComplement;
      const q = vega / comp;
      newton = ((Math.log(comp) - lnComplement) * comp) / vega;
      halley = b2 + q;
      hh3 = b3 + 3 * q * b2 + 2 * q * q;
    }
    if (above) sHi = s;
    else sLo = s;
    let ds = householderStep(newton, halley, hh3);
    // Far from the root the cubic correction can blow up: fall back to Newton then.
    if (!(ds * newton > 0) || Math.abs(ds) > 2 * Math.abs(newton)) ds = newton;
    if (info) info.steps = i + 1;
    // Converged: accept even if rounding put the last step a hair outside the bracket.
    if (!(Math.abs(ds) > STEP_TOLERANCE * s)) return s + ds;
    let next = s + ds;
    if (!(next > sLo && next < sHi)) next = sHi === Number.POSITIVE_INFINITY ? 2 * s : 0.5 * (sLo + sHi);
    else if (next > MAX_GROWTH * s) next = MAX_GROWTH * s;
    s = next;
  }
  return s;
}
