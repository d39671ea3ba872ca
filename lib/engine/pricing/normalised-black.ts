/**
 * Normalised Black function (Jäckel, "Let's Be Rational", Wilmott 2015, §2):
 *   b(x, s) = e^{x/2}·Φ(x/s + s/2) − e^{−x/2}·Φ(x/s − s/2)
 * with x = ln(F/K) (log-moneyness) and s = σ·√T (total vol, > 0). The undiscounted Black
 * call is √(F·K)·b(x, s). Everything here is for the out-of-the-money call, x ≤ 0; calls
 * with x > 0 and all puts reduce to it through parity (see black76Price and black76ImpliedVol).
 */
import { erfcx } from '../math/erfc';
import { INV_SQRT_2PI, INV_SQRT2 } from '../math/normal';

/**
 * Where the small-t series replaces the erfcx form (t = s/2, h = x/s): t < 0.05 with
 * h ≥ −10, and t < 0.25 near the money (h ≥ −1.5), where the erfcx difference loses digits.
 * Both boundaries come from comparing both forms with mpmath (errors ≤ ~1e-15 either side).
 */
const SMALL_T = 0.05;
const SMALL_T_MIN_H = -10;
const NEAR_MONEY_T = 0.25;
const NEAR_MONEY_MIN_H = -1.5;
const SQRT_HALF_PI = Math.sqrt(0.5 * Math.PI);
const MAX_SERIES_TERMS = 30;
const TWO_INV_SQRT_2PI = 2 * INV_SQRT_2PI;
/** 1/((k+2)(k+1)) for k = 2m+1 and 1/(2(m+1)), m = 0…: the series recurrences without divisions. */
const SERIES_RECIPROCALS = Array.from(
  { length: MAX_SERIES_TERMS },
  (_, m) => 1 / ((2 * m + 3) * (2 * m + 2)),
);
const HALF_RECIPROCALS = Array.from({ length: MAX_SERIES_TERMS }, (_, m) => 1 / (2 * (m + 1)));

/**
 * b as a power series in t at fixed h = x/s, for small total vol where e^{x/2}Φ(d₁) and
 * e^{−x/2}Φ(d₂) nearly cancel. b(h, t) is odd in t and solves b'' − h²·b = −2t·φ(h)·e^{−t²/2}
 * (differentiate e^{ht}Φ(h + t) twice), so with b = Σ β_k t^k (k odd):
 *   β₁ = 2(h·Φ(h) + φ(h)),  β_{k+2} = (h²·β_k + r_k)/((k+2)(k+1)),  r_k = −2φ(h)(−½)^m/m!, k = 2m+1.
 * Checked against mpmath to a few 1e-15 relative where it is used
 * (tests/engine/normalised-black.test.ts).
 * `phi` = φ(h), passed in because the caller has it.
 */
function smallTSeries(h: number, t: number, phi: number): number {
  const h2 = h * h;
  const t2 = t * t;
  let beta = 2 * phi * (1 + h * SQRT_HALF_PI * erfcx(-h * INV_SQRT2));
  let r = -2 * phi;
  let tk = t;
  let sum = beta * t;
  for (let m = 0; m < MAX_SERIES_TERMS; m++) {
    beta = (h2 * beta + r) * (SERIES_RECIPROCALS[m] as number);
    r = -r * (HALF_RECIPROCALS[m] as number);
    tk *= t2;
    const term = beta * tk;
    sum += term;
    if (Math.abs(term) <= SERIES_EPSILON * Math.abs(sum)) break;
  }
  return sum;
}

/** Relative size of the last series term at which the sum is final (2⁻⁵⁴). */
const SERIES_EPSILON = 2 ** -54;

/**
 * b(x, s) for x ≤ 0, s > 0, with full relative precision in the far wings. With
 * E = ½·e^{−(h²+t²)/2}, h = x/s, t = s/2 (so e^{x/2}φ(d₁) = e^{−x/2}φ(d₂) = E·√(2/π)):
 *   d₁ ≤ 0:  b = E·[erfcx(−d₁/√2) − erfcx(−d₂/√2)]            (no term underflows early)
 *   d₁ > 0:  b = e^{x/2} − E·[erfcx(d₁/√2) + erfcx(−d₂/√2)]
 * and the small-t series where both forms would cancel.
 */
export function normalisedBlackOtm(x: number, s: number): number {
  return normalisedBlackOtmWithVega(x, s, null);
}

/** Where the *WithVega functions leave ∂b/∂s, computed from the same exponential. */
export interface VegaOut {
  vega: number;
}

/**
 * b(x, s) as normalisedBlackOtm; also writes the normalised vega ∂b/∂s to `out`. `bMax`
 * (= e^{x/2}) may be passed when the caller has it, to save an exponential.
 */
export function normalisedBlackOtmWithVega(
  x: number,
  s: number,
  out: VegaOut | null,
  bMax: number = Number.NaN,
): number {
  const h = x / s;
  const t = 0.5 * s;
  if ((t < SMALL_T && h >= SMALL_T_MIN_H) || (t < NEAR_MONEY_T && h >= NEAR_MONEY_MIN_H)) {
    const phi = INV_SQRT_2PI * Math.exp(-0.5 * h * h);
    if (out) out.vega = phi * expMinusSmall(0.5 * t * t);
    return smallTSeries(h, t, phi);
  }
  const e = 0.5 * Math.exp(-0.5 * (h * h + t * t));
  if (out) out.vega = TWO_INV_SQRT_2PI * e;
  const d1 = h + t;
  const d2 = h - t;
  if (d1 <= 0) return e === 0 ? 0 : e * (erfcx(-d1 * INV_SQRT2) - erfcx(-d2 * INV_SQRT2));
  const top = Number.isNaN(bMax) ? Math.exp(0.5 * x) : bMax;
  return top - (e === 0 ? 0 : e * (erfcx(d1 * INV_SQRT2) + erfcx(-d2 * INV_SQRT2)));
}

/** e^{−u} for 0 ≤ u ≤ 1/32 by its Taylor series to u⁸ (truncation < 1e-19). */
function expMinusSmall(u: number): number {
  return (
    1 -
    u *
      (1 -
        u * (1 / 2 - u * (1 / 6 - u * (1 / 24 - u * (1 / 120 - u * (1 / 720 - u * (1 / 5040 - u / 40320)))))))
  );
}

/**
 * b_max − b(x, s) = e^{x/2}·Φ(−d₁) + e^{−x/2}·Φ(d₂) = E·[erfcx(d₁/√2) + erfcx(−d₂/√2)] for
 * x ≤ 0: the distance to the upper bound b_max = e^{x/2} as a sum of positive terms,
 * accurate when b is close to b_max. Writes ∂b/∂s to `out` when given.
 */
export function normalisedBlackOtmComplement(x: number, s: number, out: VegaOut | null = null): number {
  const h = x / s;
  const t = 0.5 * s;
  const e = 0.5 * Math.exp(-0.5 * (h * h + t * t));
  if (out) out.vega = TWO_INV_SQRT_2PI * e;
  return e === 0 ? 0 : e * (erfcx((h + t) * INV_SQRT2) + erfcx((t - h) * INV_SQRT2));
}

/** Normalised vega ∂b/∂s = e^{−(h²+t²)/2}/√(2π) (the same for calls and puts). */
export function normalisedVega(x: number, s: number): number {
  const h = x / s;
  const t = 0.5 * s;
  return INV_SQRT_2PI * Math.exp(-0.5 * (h * h + t * t));
}
