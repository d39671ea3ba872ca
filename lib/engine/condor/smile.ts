import { black76ImpliedVol } from '../iv/implied-vol';
import { normCdf, normPdf } from '../math/normal';
import type { ChainExpiry, Quote } from '../snapshot-types';

/** One expiry's market after the pricing core: forward, discount, time and the solved smile. */
export interface ExpirySmile {
  expiry: string;
  /** Root and settlement of the contract these quotes belong to (one per smile). */
  root: string | null;
  settlement: 'AM' | 'PM' | null;
  /** Years to the settlement instant. */
  tYears: number;
  /** Calendar days to the settlement instant, fractional. */
  daysToExpiry: number;
  /** Forward from put-call parity, index points. */
  forward: number;
  /** Discount factor to settlement, from parity. */
  discount: number;
  /** Strikes (ascending) with the vol solved from the out-of-the-money mid. */
  strikes: number[];
  /** Annualised vols, fraction, aligned with `strikes`. */
  vols: number[];
  /** Quotes by strike, as the page showed them (after screening: left-out quotes are null). */
  quotes: Map<number, { call: Quote | null; put: Quote | null }>;
  /** Strikes whose own out-of-the-money mid gave a vol (the knots of `strikes`). */
  solved: Set<number>;
  /** Strikes whose OTM mid gave no vol (zero bid, below intrinsic …). */
  unsolved: number;
  /** Half-width of the window over which the smile's slope is measured, index points. */
  slopeHalfWindow: number;
}

/**
 * The smile's slope dσ/dK is measured over ±(this × the one-sigma move F·σ_ATM·√T), at least
 * one strike step: quoted mids are rounded to ticks, so knot-to-knot slopes are noisy and a
 * digital probability built on them would wiggle by a few points from strike to strike.
 */
export const SLOPE_WINDOW_FRACTION_OF_MOVE = 0.1;

/** Mid of a two-sided quote with a positive bid; null otherwise. */
export function mid(q: Quote | null): number | null {
  if (!q || q.bid === null || q.ask === null || !(q.bid > 0) || !(q.ask >= q.bid)) return null;
  return (q.bid + q.ask) / 2;
}

/**
 * Solves the smile of one expiry from out-of-the-money mids (puts below the forward, calls at
 * or above it, where the quotes carry the most time value) with Black-76 on the parity
 * forward and discount. Strikes without a usable two-sided quote are left out and counted.
 */
export function buildSmile(
  exp: ChainExpiry,
  tYears: number,
  daysToExpiry: number,
  forward: number,
  discount: number,
): ExpirySmile {
  const strikes: number[] = [];
  const vols: number[] = [];
  const quotes = new Map<number, { call: Quote | null; put: Quote | null }>();
  let unsolved = 0;
  const rows = [...exp.rows].sort((a, b) => a.strike - b.strike);
  for (const row of rows) {
    quotes.set(row.strike, { call: row.call, put: row.put });
    const kind = row.strike < forward ? 'put' : 'call';
    const m = mid(kind === 'put' ? row.put : row.call);
    if (m === null) {
      unsolved++;
      continue;
    }
    const r = black76ImpliedVol(kind, m, forward, row.strike, tYears, discount);
    if ('vol' in r && r.vol > 0) {
      strikes.push(row.strike);
      vols.push(r.vol);
    } else unsolved++;
  }
  const smile = {
    expiry: exp.expiry,
    root: exp.root,
    settlement: exp.settlement,
    solved: new Set(strikes),
    tYears,
    daysToExpiry,
    forward,
    discount,
    strikes,
    vols,
    quotes,
    unsolved,
    slopeHalfWindow: 0,
  };
  if (strikes.length > 1) {
    const step = ((strikes.at(-1) as number) - (strikes[0] as number)) / (strikes.length - 1);
    const move = forward * volAt(smile, forward).vol * Math.sqrt(tYears);
    smile.slopeHalfWindow = Math.max(step, SLOPE_WINDOW_FRACTION_OF_MOVE * move);
  }
  return smile;
}

/** Index of the last knot at or below k (−1 below the first). Binary search. */
function knotBelow(strikes: readonly number[], k: number): number {
  let lo = -1;
  let hi = strikes.length;
  while (hi - lo > 1) {
    const m = (lo + hi) >> 1;
    if ((strikes[m] as number) <= k) lo = m;
    else hi = m;
  }
  return lo;
}

/** Smile vol at strike k (annual fraction): linear in strike between solved strikes, flat beyond the ends. */
function interpolate(s: ExpirySmile, k: number): number {
  const n = s.strikes.length;
  const i = knotBelow(s.strikes, k);
  if (i < 0) return s.vols[0] as number;
  if (i >= n - 1) return s.vols[n - 1] as number;
  const k0 = s.strikes[i] as number;
  const v0 = s.vols[i] as number;
  return v0 + (((s.vols[i + 1] as number) - v0) * (k - k0)) / ((s.strikes[i + 1] as number) - k0);
}

/**
 * Smile vol at strike k (annual fraction; linear in strike between solved strikes, flat beyond
 * the ends) and its slope dσ/dK per index point, measured as a central difference over
 * ±slopeHalfWindow (0 for a single-strike smile).
 */
export function volAt(s: ExpirySmile, k: number): { vol: number; slope: number } {
  const vol = interpolate(s, k);
  const h = s.slopeHalfWindow;
  if (!(h > 0)) return { vol, slope: 0 };
  return { vol, slope: (interpolate(s, k + h) - interpolate(s, k - h)) / (2 * h) };
}

/**
 * Risk-neutral P(S_T < k) under the smile: −∂C/∂K / D with the smile's own slope term,
 * P(S_T < K) = Φ(−d₂) + F·φ(d₁)·√T·σ′(K)  (Breeden–Litzenberger 1978 digital; e.g.
 * Gatheral, "The Volatility Surface", ch. 1), clamped to 0…1. Not flat vol: the skew term
 * moves it by several points on an SPX smile.
 */
export function probBelow(s: ExpirySmile, k: number): number {
  if (!(k > 0)) return 0;
  const { vol, slope } = volAt(s, k);
  const sd = vol * Math.sqrt(s.tYears);
  if (!(sd > 0)) return s.forward < k ? 1 : 0;
  const d1 = Math.log(s.forward / k) / sd + sd / 2;
  const p = normCdf(-(d1 - sd)) + s.forward * normPdf(d1) * Math.sqrt(s.tYears) * slope;
  return Math.min(1, Math.max(0, p));
}
