/**
 * Initial guesses for the normalised implied-vol solver (normalised-iv.ts), in the spirit of
 * Jäckel's "Let's Be Rational" §3–4 with our own maps. At the inflection point
 * s_c = √(2|x|) we have b'' = 0 and b''' = −b', so the tangent there is exact to third order;
 * it meets 0 at s_l and b_max at s_u. Between s_l and s_u the guess blends tangent and chord
 * (the root lies between them, b being convex below s_c and concave above); below s_l an
 * inverted lower-tail map, above s_u an inverted upper-tail map, each rescaled to agree
 * with b at s_l / s_u and fading to the plain map in the tail.
 */
import { erfcx } from '../math/erfc';
import { INV_SQRT_2PI, INV_SQRT2, normQuantileFast } from '../math/normal';
import {
  normalisedBlackOtm,
  normalisedBlackOtmComplement,
  normalisedBlackOtmWithVega,
} from '../pricing/normalised-black';

/** Which objective the Householder steps use: 1/ln b, b itself, or ln(b_max − b). */
export type Branch = 'lower' | 'middle' | 'upper';

/** Filled by initialGuess (callers reuse one object: the solver allocates nothing per call). */
export interface Guess {
  s: number;
  branch: Branch;
}

const SQRT3 = Math.sqrt(3);
/**
 * Deep in the lower tail (β < DEEP_SHARE·b_c, and the map's Φ below DEEP_MAP_P so it is in
 * its asymptotic regime) the plain lower map is used without evaluating b(s_l): there the
 * rescaling fades out anyway. Tuned on the test grids (same step counts, no failures).
 */
const DEEP_SHARE = 0.05;
const DEEP_MAP_P = 0.05;

/** Φ(z) for z ≤ 0 with one exponential (guess quality, ~1e-15, is plenty here). */
function normCdfNegative(z: number): number {
  return 0.5 * Math.exp(-0.5 * z * z) * erfcx(-z * INV_SQRT2);
}
const TWO_PI = 2 * Math.PI;

/**
 * Lower map f_l(s) = (2π|x|/(3√3))·Φ(−|x|/(√3·s))³: it matches b(x, s) to leading order as
 * s → 0 (both ~ s³/(x²√(2π))·e^{−x²/2s²}) and inverts in closed form.
 */
function lowerMap(x: number, s: number): number {
  const phi = normCdfNegative(x / (SQRT3 * s));
  return ((TWO_PI * -x) / (3 * SQRT3)) * phi * phi * phi;
}

function inverseLowerMap(x: number, f: number): number {
  const p = Math.cbrt((3 * SQRT3 * f) / (TWO_PI * -x));
  return x / (SQRT3 * normQuantileFast(p));
}

/** Upper map: b_max − b ≈ 2cosh(x/2)·Φ(−s/2) (exact at x = 0); `twoCosh` = 2cosh(x/2). */
function upperMap(twoCosh: number, s: number): number {
  return twoCosh * normCdfNegative(-0.5 * s);
}

function inverseUpperMap(twoCosh: number, complement: number): number {
  return -2 * normQuantileFast(complement / twoCosh);
}

/**
 * Initial guess and branch for b(x, s) = β, x ≤ 0, 0 < β < b_max = e^{x/2}, written to
 * `out`. Below b(s_c) the lower objective (its log keeps tiny prices relative); from b(s_c)
 * to b(s_u) the plain one; above b(s_u) the upper one (distance to b_max kept relative).
 */
export function initialGuess(beta: number, x: number, bMax: number, out: Guess): void {
  const sc = Math.sqrt(-2 * x);
  // At s_c, d₁ = 0 and ½e^{−(h²+t²)/2} = ½e^{x/2}, so b_c = ½b_max·(1 − erfcx(√|x|)) and
  // v_c = b_max/√(2π) (b_c loses digits for tiny |x|; it only steers the guess).
  const bc = 0.5 * bMax * (1 - erfcx(Math.sqrt(-x)));
  const vc = bMax * INV_SQRT_2PI;
  const tangent = sc + (beta - bc) / vc;
  if (beta < bc) {
    out.branch = 'lower';
    // Far below b_c the rescaling below fades out anyway: skip the evaluation at s_l.
    if (beta < DEEP_SHARE * bc) {
      // Only where the map is in its asymptotic regime (Φ(−|x|/(√3·s)) small).
      const p = Math.cbrt((3 * SQRT3 * beta) / (TWO_PI * -x));
      if (p < DEEP_MAP_P) {
        out.s = x / (SQRT3 * normQuantileFast(p));
        return;
      }
    }
    const sl = sc - bc / vc;
    if (!(sl > 0)) {
      out.s = tangent;
      return;
    }
    const bl = normalisedBlackOtm(x, sl);
    if (beta >= bl) {
      const w = (beta - bl) / (bc - bl);
      out.s = w * tangent + (1 - w) * (sl + (sc - sl) * w);
      return;
    }
    const scale = 1 + (lowerMap(x, sl) / bl - 1) * (beta / bl);
    out.s = inverseLowerMap(x, beta * scale);
    return;
  }
  const su = sc + (bMax - bc) / vc;
  const bu = normalisedBlackOtmWithVega(x, su, null, bMax);
  if (beta <= bu) {
    const w = (bu - beta) / (bu - bc);
    out.s = w * tangent + (1 - w) * (su - (su - sc) * w);
    out.branch = 'middle';
    return;
  }
  const compU = normalisedBlackOtmComplement(x, su);
  const comp = bMax - beta;
  const twoCosh = bMax + 1 / bMax;
  const scale = 1 + (upperMap(twoCosh, su) / compU - 1) * (comp / compU);
  out.s = inverseUpperMap(twoCosh, comp * scale);
  out.branch = 'upper';
}
