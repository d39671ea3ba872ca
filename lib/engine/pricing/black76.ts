/**
 * Black-76 on the forward with a discount factor, and Black–Scholes–Merton as a thin
 * wrapper over it (F = S·e^{(r−q)T}, D = e^{−rT}).
 *
 * Units: prices in the premium unit of the underlying (index points per share); forward,
 * spot and strike in index points; tYears in years (ACT/365 calendar time); vol an annual
 * fraction (0.2 = 20 %); rate and divYield continuous annual fractions; discount in (0, ∞),
 * usually (0, 1]. Reference: F. Black, "The pricing of commodity contracts", J. Fin. Econ.
 * 3 (1976); Hull, "Options, Futures and Other Derivatives", ch. 15 and 18.
 */
import { normalisedBlackOtm } from './normalised-black';

/** 'call' or 'put' (European exercise). */
export type OptionKind = 'call' | 'put';

/** True when every argument is finite and inside the model's domain. */
export function validBlack76Inputs(
  forward: number,
  strike: number,
  tYears: number,
  discount: number,
  vol: number,
): boolean {
  return (
    forward > 0 &&
    strike > 0 &&
    tYears >= 0 &&
    discount > 0 &&
    vol >= 0 &&
    Number.isFinite(forward) &&
    Number.isFinite(strike) &&
    Number.isFinite(tYears) &&
    Number.isFinite(discount) &&
    Number.isFinite(vol)
  );
}

/** Undiscounted intrinsic value on the forward, max(F − K, 0) or max(K − F, 0). */
export function forwardIntrinsic(kind: OptionKind, forward: number, strike: number): number {
  return kind === 'call' ? Math.max(forward - strike, 0) : Math.max(strike - forward, 0);
}

/**
 * Black-76 price D·(F·Φ(d₁) − K·Φ(d₂)) (call) or D·(K·Φ(−d₂) − F·Φ(−d₁)) (put), computed as
 * D·(intrinsic + √(F·K)·b(−|ln(F/K)|, σ√T)) so the time value keeps full relative precision
 * in the far wings. Returns null for invalid input (non-finite, F/K/D ≤ 0, T or vol < 0).
 * At T = 0 or vol = 0 it returns the discounted intrinsic value.
 */
export function black76Price(
  kind: OptionKind,
  forward: number,
  strike: number,
  tYears: number,
  discount: number,
  vol: number,
): number | null {
  if (!validBlack76Inputs(forward, strike, tYears, discount, vol)) return null;
  const intrinsic = forwardIntrinsic(kind, forward, strike);
  const s = vol * Math.sqrt(tYears);
  if (s === 0) return discount * intrinsic;
  const x = -Math.abs(Math.log(forward / strike));
  return discount * (intrinsic + Math.sqrt(forward * strike) * normalisedBlackOtm(x, s));
}

/**
 * Forward F = S·e^{(r−q)T} given D = e^{−rT}; with q = 0 computed as S/D. Every spot-based
 * function (price, impliedVol, greeks) uses this one formula so they agree to the last bit.
 */
export function forwardFromSpot(
  spot: number,
  tYears: number,
  rate: number,
  divYield: number,
  discount: number,
): number {
  return divYield === 0 ? spot / discount : spot * Math.exp((rate - divYield) * tYears);
}

/** Forward F = S·e^{(r−q)T} and discount D = e^{−rT} for spot-based inputs. */
export function forwardAndDiscount(
  spot: number,
  tYears: number,
  rate: number,
  divYield: number,
): { forward: number; discount: number } {
  const discount = Math.exp(-rate * tYears);
  return { forward: forwardFromSpot(spot, tYears, rate, divYield, discount), discount };
}

/**
 * Black–Scholes–Merton price of a European option on a spot paying a continuous dividend
 * yield: spot, strike in index points; tYears in years; rate, divYield, vol annual fractions.
 * Returns null for invalid input (see black76Price).
 */
export function price(
  kind: OptionKind,
  spot: number,
  strike: number,
  tYears: number,
  rate: number,
  divYield: number,
  vol: number,
): number | null {
  if (!Number.isFinite(rate) || !Number.isFinite(divYield) || !(spot > 0) || !(tYears >= 0)) return null;
  const { forward, discount } = forwardAndDiscount(spot, tYears, rate, divYield);
  return black76Price(kind, forward, strike, tYears, discount, vol);
}
