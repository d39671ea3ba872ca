/**
 * Condor P&L curves for the payoff chart. Units: underlying and strikes in index points,
 * P&L in index points per share (× OPTION_MULTIPLIER per contract). The expiry payoff is the
 * engine's (lib/engine/market/condor-payoff.ts). "Today" reprices each leg with
 * Black-76 at its own solved IV (sticky strike), the forward moving with the underlying and
 * the discount factor taken as 1 (the plan carries no rate; over weeks the effect is < 0.5 %).
 */

import {
  black76Price,
  type CondorStrikes,
  condorPayoffAtExpiry,
  DAYS_PER_YEAR_ACT365,
  OPTION_MULTIPLIER,
} from '../../lib/engine';
import type { CondorCandidate } from '../../lib/engine/plan-types';

/** The strikes of a plan candidate. */
export function strikesOf(c: CondorCandidate): CondorStrikes {
  const { longPut, shortPut, shortCall, longCall } = c.legs;
  return {
    longPut: longPut.strike,
    shortPut: shortPut.strike,
    shortCall: shortCall.strike,
    longCall: longCall.strike,
  };
}

/** Per-share P&L at expiry of a plan candidate opened for `credit` points, settling at `s`. */
export function condorPnlAtExpiry(c: CondorCandidate, s: number, credit = c.creditMid): number {
  return condorPayoffAtExpiry(strikesOf(c), credit, s);
}

/** A leg as the "before expiry" curve needs it: side, action, strike, solved vol (fraction). */
export interface PricedLeg {
  side: 'call' | 'put';
  action: 'buy' | 'sell';
  strike: number;
  iv: number;
}

/**
 * Per-share P&L of legs opened for `credit` points if the underlying were at `s` (spot now
 * `spot`, forward now `forward`) with `daysLeft` calendar days to expiry and every leg's vol
 * moved by `volShift` (annual fraction, 0.02 = +2 vol points). Null when a leg cannot be priced.
 */
export function pnlBeforeExpiry(
  legs: PricedLeg[],
  credit: number,
  s: number,
  spot: number,
  forward: number,
  daysLeft: number,
  volShift = 0,
): number | null {
  const f = forward * (s / spot);
  const t = Math.max(daysLeft, 0) / DAYS_PER_YEAR_ACT365;
  let value = 0;
  for (const leg of legs) {
    const p = black76Price(leg.side, f, leg.strike, t, 1, Math.max(leg.iv + volShift, 0.001));
    if (p === null) return null;
    value += leg.action === 'sell' ? p : -p;
  }
  return credit - value;
}

/**
 * Per-share P&L now if the underlying were at `s` (spot now `spot`, forward now `forward`),
 * with `daysToExpiry` calendar days left. Null when a leg cannot be priced.
 */
export function condorPnlToday(
  c: CondorCandidate,
  s: number,
  spot: number,
  forward: number,
  daysToExpiry: number = c.daysToExpiry,
): number | null {
  return pnlBeforeExpiry(Object.values(c.legs), c.creditMid, s, spot, forward, daysToExpiry);
}

/** x range for the chart: the wings ± half a wing, widened to include spot and break-evens. */
export function payoffDomain(c: CondorCandidate, spot: number | null): { min: number; max: number } {
  const { longPut, longCall } = c.legs;
  const pad = Math.max((longCall.strike - longPut.strike) * 0.15, 10);
  const xs = [longPut.strike - pad, longCall.strike + pad, c.breakEvenLow, c.breakEvenHigh];
  if (spot !== null) xs.push(spot);
  return { min: Math.min(...xs), max: Math.max(...xs) };
}

/** Sampled curves (n points) in dollars for the whole position (× 100 × contracts). */
export function payoffSeries(
  c: CondorCandidate,
  spot: number | null,
  forward: number | null,
  n = 121,
): { expiry: [number, number][]; today: [number, number][] } {
  const { min, max } = payoffDomain(c, spot);
  const usd = OPTION_MULTIPLIER * Math.max(c.contracts, 1);
  const expiry: [number, number][] = [];
  const today: [number, number][] = [];
  for (let i = 0; i < n; i++) {
    const s = min + ((max - min) * i) / (n - 1);
    expiry.push([s, condorPnlAtExpiry(c, s) * usd]);
    if (spot !== null && forward !== null) {
      const v = condorPnlToday(c, s, spot, forward);
      today.push([s, v === null ? Number.NaN : v * usd]);
    }
  }
  return { expiry, today };
}
