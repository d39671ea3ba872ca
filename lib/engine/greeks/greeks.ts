/**
 * Greeks of European options, Black-76 (forward, discount) and Black–Scholes–Merton (spot).
 *
 * Conventions (documented units, as py_vollib's `analytical` greeks):
 * - delta: ∂V/∂S per 1 point of the underlying (BSM: spot; Black-76: forward), −1…1.
 * - gamma: ∂²V/∂S² per point per point.
 * - vega: ∂V/∂σ per 1 vol point (σ + 0.01), in premium points.
 * - theta: −∂V/∂T per calendar day (per-year value ÷ 365), premium points; negative = decay.
 *   Black-76 theta holds F and the rate r = −ln(D)/T fixed; BSM theta holds S, r, q fixed.
 * Reference formulas: Hull, "Options, Futures and Other Derivatives", 10th ed., §19.
 */
import { DAYS_PER_YEAR_ACT365 } from '../market/contracts';
import { INV_SQRT_2PI, normCdf } from '../math/normal';
import { black76Price, forwardAndDiscount, type OptionKind, validBlack76Inputs } from '../pricing/black76';

/** Calendar days per year for theta per day (ACT/365, the market rules' one figure). */
export const CALENDAR_DAYS_PER_YEAR = DAYS_PER_YEAR_ACT365;
/** One vol point as a fraction (vega is per 1 vol point). */
export const VOL_POINT = 0.01;

/** Delta, gamma, vega per vol point, theta per calendar day (premium points). */
export interface Greeks {
  /** Per 1 point of the underlying. */
  delta: number;
  /** Per point per point. */
  gamma: number;
  /** Per 1 vol point (0.01). */
  vega: number;
  /** Per calendar day. */
  theta: number;
}

interface Core {
  d1: number;
  d2: number;
  pdfD1: number;
  s: number;
}

function core(forward: number, strike: number, tYears: number, vol: number): Core {
  const s = vol * Math.sqrt(tYears);
  const d1 = Math.log(forward / strike) / s + 0.5 * s;
  return { d1, d2: d1 - s, pdfD1: INV_SQRT_2PI * Math.exp(-0.5 * d1 * d1), s };
}

/** Greeks when σ√T = 0: a step delta, nothing else. */
function degenerate(kind: OptionKind, forward: number, strike: number, scale: number): Greeks {
  const itm = kind === 'call' ? forward > strike : forward < strike;
  return { delta: itm ? (kind === 'call' ? scale : -scale) : 0, gamma: 0, vega: 0, theta: 0 };
}

/**
 * Black-76 greeks: delta and gamma with respect to the forward (delta = D·Φ(d₁) for a call,
 * −D·Φ(−d₁) for a put), vega per vol point, theta per calendar day with F and r = −ln(D)/T
 * fixed. Same argument units as black76Price; null for invalid input.
 */
export function black76Greeks(
  kind: OptionKind,
  forward: number,
  strike: number,
  tYears: number,
  discount: number,
  vol: number,
): Greeks | null {
  if (!validBlack76Inputs(forward, strike, tYears, discount, vol)) return null;
  if (vol * Math.sqrt(tYears) === 0) return degenerate(kind, forward, strike, discount);
  const { d1, pdfD1, s } = core(forward, strike, tYears, vol);
  const value = black76Price(kind, forward, strike, tYears, discount, vol);
  if (value === null) return null;
  const rate = -Math.log(discount) / tYears;
  const delta = kind === 'call' ? discount * normCdf(d1) : -discount * normCdf(-d1);
  const gamma = (discount * pdfD1) / (forward * s);
  const vegaPerYear = discount * forward * pdfD1 * Math.sqrt(tYears);
  const thetaPerYear = (-discount * forward * pdfD1 * vol) / (2 * Math.sqrt(tYears)) + rate * value;
  return { delta, gamma, vega: vegaPerYear * VOL_POINT, theta: thetaPerYear / CALENDAR_DAYS_PER_YEAR };
}

/**
 * Black–Scholes–Merton greeks (spot, strike in points; tYears in years; rate, divYield, vol
 * annual fractions): delta per spot point, gamma per point², vega per vol point, theta per
 * calendar day. Null for invalid input.
 */
export function greeks(
  kind: OptionKind,
  spot: number,
  strike: number,
  tYears: number,
  rate: number,
  divYield: number,
  vol: number,
): Greeks | null {
  if (!(spot > 0) || !Number.isFinite(spot) || !Number.isFinite(rate) || !Number.isFinite(divYield))
    return null;
  if (!(tYears >= 0)) return null;
  const { forward, discount } = forwardAndDiscount(spot, tYears, rate, divYield);
  if (!validBlack76Inputs(forward, strike, tYears, discount, vol)) return null;
  const carry = Math.exp(-divYield * tYears);
  if (vol * Math.sqrt(tYears) === 0) return degenerate(kind, forward, strike, carry);
  const { d1, d2, pdfD1, s } = core(forward, strike, tYears, vol);
  const sqrtT = Math.sqrt(tYears);
  const decay = (-spot * carry * pdfD1 * vol) / (2 * sqrtT);
  let delta: number;
  let thetaPerYear: number;
  if (kind === 'call') {
    delta = carry * normCdf(d1);
    thetaPerYear = decay - rate * strike * discount * normCdf(d2) + divYield * spot * carry * normCdf(d1);
  } else {
    delta = -carry * normCdf(-d1);
    thetaPerYear = decay + rate * strike * discount * normCdf(-d2) - divYield * spot * carry * normCdf(-d1);
  }
  return {
    delta,
    gamma: (carry * pdfD1) / (spot * s),
    vega: spot * carry * pdfD1 * sqrtT * VOL_POINT,
    theta: thetaPerYear / CALENDAR_DAYS_PER_YEAR,
  };
}

/**
 * Decay to expiry of a Black-76 option over the time left, premium points per share: its
 * value at expiry if the forward is unchanged (intrinsic max(F − K, 0) or max(K − F, 0))
 * minus its value now. Negative for a long option (what holding it to expiry loses with the
 * market unchanged). This, not theta per day, is the decay of a 0DTE option: with hours left
 * a per-day rate overstates it (a −22 points/day theta on an 8.55 option that can lose at
 * most 8.55). Null for invalid input.
 */
export function decayToExpiry(
  kind: OptionKind,
  forward: number,
  strike: number,
  tYears: number,
  discount: number,
  vol: number,
): number | null {
  const now = black76Price(kind, forward, strike, tYears, discount, vol);
  if (now === null) return null;
  const intrinsic = kind === 'call' ? Math.max(forward - strike, 0) : Math.max(strike - forward, 0);
  return intrinsic - now;
}
