/**
 * Implied volatility for Black-76 (forward, discount) and Black–Scholes–Merton (spot, rate,
 * divYield), with named failures instead of NaN or throws.
 *
 * Accuracy: about 1e-14 relative in vol wherever the option's time value carries that
 * information (tests/engine/implied-vol.test.ts); otherwise within a small multiple of the error floor
 * ε·(1 + price/(vol·vega)) that double-precision input prices allow.
 */
import { forwardFromSpot, forwardIntrinsic, type OptionKind } from '../pricing/black76';
import { solveTotalVolOtm } from './normalised-iv';

/** Why a price has no implied vol. */
export type ImpliedVolError =
  /** Price below the discounted intrinsic value D·max(±(F − K), 0). */
  | 'below-intrinsic'
  /** Price at or above the no-arbitrage bound (D·F for a call, D·K for a put). */
  | 'above-maximum'
  /** Price equals intrinsic, or no time is left: any vol fits, none is implied. */
  | 'no-time-value'
  /** Non-finite or out-of-domain argument (F, K, D ≤ 0, T < 0, price < 0 …). */
  | 'bad-input';

/** Either an annualised vol (fraction, 0.2 = 20 %) or a named reason there is none. */
export type ImpliedVolResult = { vol: number } | { error: ImpliedVolError };

/**
 * Black-76 implied vol from a discounted option price.
 * price, forward, strike in index points; tYears in years; discount > 0.
 */
export function black76ImpliedVol(
  kind: OptionKind,
  price: number,
  forward: number,
  strike: number,
  tYears: number,
  discount: number,
): ImpliedVolResult {
  if (
    !(price >= 0 && forward > 0 && strike > 0 && tYears >= 0 && discount > 0) ||
    !Number.isFinite(price) ||
    !Number.isFinite(forward) ||
    !Number.isFinite(strike) ||
    !Number.isFinite(tYears) ||
    !Number.isFinite(discount) ||
    (kind !== 'call' && kind !== 'put')
  )
    return { error: 'bad-input' };
  const undiscounted = price / discount;
  const intrinsic = forwardIntrinsic(kind, forward, strike);
  const timeValue = undiscounted - intrinsic;
  if (timeValue < 0) return { error: 'below-intrinsic' };
  const upper = kind === 'call' ? forward : strike;
  if (undiscounted >= upper) return { error: 'above-maximum' };
  if (timeValue === 0 || tYears === 0) return { error: 'no-time-value' };
  const x = -Math.abs(Math.log(forward / strike));
  const beta = timeValue / Math.sqrt(forward * strike);
  if (!(beta > 0)) return { error: 'no-time-value' };
  // b_max = e^{x/2} = √(min(F, K)/max(F, K)): a square root instead of an exponential.
  const s = solveTotalVolOtm(
    beta,
    x,
    undefined,
    Math.sqrt(Math.min(forward, strike) / Math.max(forward, strike)),
  );
  // +Infinity: β reached b_max after the reduction to out-of-the-money (rounding at the bound).
  if (s === Number.POSITIVE_INFINITY) return { error: 'above-maximum' };
  const vol = s / Math.sqrt(tYears);
  if (!(vol > 0) || !Number.isFinite(vol)) return { error: 'no-time-value' };
  return { vol };
}

/**
 * Black–Scholes–Merton implied vol: price and spot, strike in index points, tYears in years,
 * rate and divYield continuous annual fractions. Returns `{ vol }` (annual fraction) or
 * `{ error }`.
 */
export function impliedVol(
  kind: OptionKind,
  price: number,
  spot: number,
  strike: number,
  tYears: number,
  rate: number,
  divYield: number,
): ImpliedVolResult {
  if (!(spot > 0) || !Number.isFinite(rate) || !Number.isFinite(divYield) || !(tYears >= 0))
    return { error: 'bad-input' };
  const discount = Math.exp(-rate * tYears);
  const forward = forwardFromSpot(spot, tYears, rate, divYield, discount);
  return black76ImpliedVol(kind, price, forward, strike, tYears, discount);
}
