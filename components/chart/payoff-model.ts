/**
 * What the interactive payoff chart draws, for a plan candidate or the popup's repriced
 * condor alike. Units: underlying and strikes index points; credit points per share; dollars
 * for the whole position (× 100 per SPX contract × contracts); vol shift in vol points.
 */

import { type CondorStrikes, condorPayoffAtExpiry, OPTION_MULTIPLIER } from '../../lib/engine';
import type { CondorCandidate } from '../../lib/engine/plan-types';
import { type PricedLeg, pnlBeforeExpiry, strikesOf } from './payoff';

export interface PayoffModel {
  strikes: CondorStrikes;
  /** Credit received, points per share. */
  credit: number;
  /** Condors held (dollar figures are for all of them; at least 1). */
  contracts: number;
  /** Legs with their solved vols, for the curves before expiry (null: expiry curve only). */
  legs: PricedLeg[] | null;
  /** Underlying now, index points (the page's spot, else the expiry's forward). */
  spot: number | null;
  /** "spot" or "forward": what `spot` is. */
  nowLabel: string;
  /** Forward of the expiry now, index points. */
  forward: number | null;
  /** Calendar days to expiry, fractional. */
  daysToExpiry: number;
  breakEvenLow: number;
  breakEvenHigh: number;
}

export function modelOfCandidate(
  c: CondorCandidate,
  pageSpot: number | null,
  forward: number | null,
): PayoffModel {
  return {
    strikes: strikesOf(c),
    credit: c.creditMid,
    contracts: Math.max(c.contracts, 1),
    legs: Object.values(c.legs),
    spot: pageSpot ?? forward,
    nowLabel: pageSpot !== null ? 'spot' : 'forward',
    forward,
    daysToExpiry: c.daysToExpiry,
    breakEvenLow: c.breakEvenLow,
    breakEvenHigh: c.breakEvenHigh,
  };
}

/** Dollars per point of the whole position. */
export const usdPerPoint = (m: PayoffModel) => OPTION_MULTIPLIER * m.contracts;

/** Max profit and max loss at expiry of the whole position, dollars (loss as a positive number). */
export function extremesUsd(m: PayoffModel): { maxProfitUsd: number; maxLossUsd: number } {
  const k = m.strikes;
  const width = Math.max(k.shortPut - k.longPut, k.longCall - k.shortCall);
  return { maxProfitUsd: m.credit * usdPerPoint(m), maxLossUsd: (width - m.credit) * usdPerPoint(m) };
}

/** x range: the wings ± 15 % of their span (at least 10 points), widened to spot and break-evens. */
export function modelDomain(m: PayoffModel): { min: number; max: number } {
  const pad = Math.max((m.strikes.longCall - m.strikes.longPut) * 0.15, 10);
  const xs = [m.strikes.longPut - pad, m.strikes.longCall + pad, m.breakEvenLow, m.breakEvenHigh];
  if (m.spot !== null) xs.push(m.spot);
  return { min: Math.min(...xs), max: Math.max(...xs) };
}

/** P/L of the whole position at expiry if the underlying settles at `s`, dollars. */
export function expiryUsd(m: PayoffModel, s: number): number {
  return condorPayoffAtExpiry(m.strikes, m.credit, s) * usdPerPoint(m);
}

/**
 * P/L of the whole position `daysAhead` calendar days from now with the underlying at `s` and
 * every vol moved by `volPoints`, dollars; null without legs, spot or forward, or when a leg
 * cannot be priced. At or past expiry it is the expiry payoff.
 */
export function beforeExpiryUsd(
  m: PayoffModel,
  s: number,
  daysAhead: number,
  volPoints: number,
): number | null {
  if (!m.legs || m.spot === null || m.forward === null) return null;
  const left = m.daysToExpiry - daysAhead;
  if (left <= 0) return expiryUsd(m, s);
  const v = pnlBeforeExpiry(m.legs, m.credit, s, m.spot, m.forward, left, volPoints / 100);
  return v === null ? null : v * usdPerPoint(m);
}

/** n samples of both curves across the domain, dollars. */
export function modelSeries(
  m: PayoffModel,
  daysAhead: number,
  volPoints: number,
  n = 121,
): { expiry: [number, number][]; before: [number, number][] } {
  const { min, max } = modelDomain(m);
  const expiry: [number, number][] = [];
  const before: [number, number][] = [];
  for (let i = 0; i < n; i++) {
    const s = min + ((max - min) * i) / (n - 1);
    expiry.push([s, expiryUsd(m, s)]);
    if (m.legs && m.spot !== null && m.forward !== null)
      before.push([s, beforeExpiryUsd(m, s, daysAhead, volPoints) ?? Number.NaN]);
  }
  return { expiry, before };
}
