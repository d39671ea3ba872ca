/**
 * Implied vol from bid, mid and ask: the band a quote's spread leaves on the vol.
 * Prices in index points; a missing side (null) or crossed quote gives named errors per side.
 */
import type { OptionKind } from '../pricing/black76';
import { black76ImpliedVol, type ImpliedVolResult } from './implied-vol';

/** Vols solved from each side of one quote; `mid` is solved from (bid + ask)/2. */
export interface VolBand {
  bid: ImpliedVolResult;
  mid: ImpliedVolResult;
  ask: ImpliedVolResult;
}

/**
 * Solves Black-76 implied vol from bid, mid and ask. A zero bid usually yields
 * 'no-time-value' or 'below-intrinsic' for the bid side (and a valid mid/ask); a null side
 * or a crossed quote (bid > ask) yields 'bad-input' for the mid.
 */
export function black76VolBand(
  kind: OptionKind,
  bid: number | null,
  ask: number | null,
  forward: number,
  strike: number,
  tYears: number,
  discount: number,
): VolBand {
  const solve = (p: number | null): ImpliedVolResult =>
    p === null ? { error: 'bad-input' } : black76ImpliedVol(kind, p, forward, strike, tYears, discount);
  const mid = bid === null || ask === null || bid > ask ? null : 0.5 * (bid + ask);
  return { bid: solve(bid), mid: solve(mid), ask: solve(ask) };
}
