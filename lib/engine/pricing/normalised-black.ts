/**
 * Normalised Black function (Jäckel, "Let's Be Rational", Wilmott 2015, §2):
 *   b(x, s) = e^{x/2}·Φ(x/s + s/2) − e^{−x/2}·Φ(x/s − s/2)
 * with x = ln(F/K) (log-moneyness) and s = σ·√T (total vol, > 0). The undiscounted Black
 * call is √(F·K)·b(x, s). Everything here is for the out-of-the-money call, x ≤ 0; calls
 * with x > 0 and all puts reduce to it through parity (see `reduceToOtm` in the IV module).
 */
import { erfc, erfcx } from '../math/erfc';
import { INV_SQRT_2PI, INV_SQRT2 } from '../math/normal';

/**
 * b(x, s) for x ≤ 0, s > 0, with full relative precision in the far wing: when both
 * d₁, d₂ ≤ 0 it uses b = ½·e^{−(h²+t²)/2}·[erfcx(−d₁/√2) − erfcx(−d₂/√2)] (h = x/s,
 * t = s/2), so no term underflows before the result does.
 */
export function normalisedBlackOtm(x: number, s: number): number {
  const h = x / s;
  const t = 0.5 * s;
  const d1 = h + t;
  const d2 = h - t;
  if (d1 <= 0) {
    const scale = 0.5 * Math.exp(-0.5 * (h * h + t * t));
    if (scale === 0) return 0;
    return scale * (erfcx(-d1 * INV_SQRT2) - erfcx(-d2 * INV_SQRT2));
  }
  return 0.5 * (Math.exp(0.5 * x) * erfc(-d1 * INV_SQRT2) - Math.exp(-0.5 * x) * erfc(-d2 * INV_SQRT2));
}

/**
 * b_max − b(x, s) = e^{x/2}·Φ(−d₁) + e^{−x/2}·Φ(d₂) for x ≤ 0: the distance to the upper
 * bound as a sum of positive terms, accurate when b is close to b_max = e^{x/2}.
 */
export function normalisedBlackOtmComplement(x: number, s: number): number {
  const h = x / s;
  const t = 0.5 * s;
  return (
    0.5 * (Math.exp(0.5 * x) * erfc((h + t) * INV_SQRT2) + Math.exp(-0.5 * x) * erfc((t - h) * INV_SQRT2))
  );
}

/**
 * Normalised vega ∂b/∂s = φ(h)-type factor e^{−(h²+t²)/2}/√(2π) (independent of call/put).
 */
export function normalisedVega(x: number, s: number): number {
  const h = x / s;
  const t = 0.5 * s;
  return INV_SQRT_2PI * Math.exp(-0.5 * (h * h + t * t));
}
