import { black76Greeks, type Greeks } from '../greeks/greeks';
import type { LegFigures } from '../plan-types';
import { occSymbol } from './occ';
import { type ExpirySmile, volAt } from './smile';

export interface Leg {
  figures: LegFigures;
  greeks: Greeks;
  /** Mid price, points per share (a zero bid counts as 0 for a bought wing). */
  mid: number;
}

/**
 * One leg at a listed strike: its quote, the smile vol there and Black-76 greeks from that
 * vol (delta with respect to the forward, per share), with the contract's root, settlement
 * and OCC symbol. Null when the quote is missing (screened out: condor/good-quotes.ts), has
 * no positive bid, or the strike's own mid gave no vol (nothing to price it on).
 */
export function legAt(
  s: ExpirySmile,
  side: 'call' | 'put',
  action: 'buy' | 'sell',
  strike: number,
): Leg | null {
  const q = s.quotes.get(strike)?.[side];
  if (!q || q.bid === null || q.ask === null || q.ask < q.bid || !(q.bid > 0)) return null;
  if (!s.solved.has(strike)) return null;
  const { vol } = volAt(s, strike);
  const g = black76Greeks(side, s.forward, strike, s.tYears, s.discount, vol);
  if (!g) return null;
  return {
    figures: {
      side,
      action,
      strike,
      root: s.root,
      settlement: s.settlement,
      occSymbol: occSymbol(s.root, s.expiry, side, strike),
      delta: g.delta,
      iv: vol,
      bid: q.bid,
      ask: q.ask,
    },
    greeks: g,
    mid: (q.bid + q.ask) / 2,
  };
}

/**
 * The listed strike nearest to `target` strictly beyond `from` (below for puts, above for
 * calls) where a wing can be bought; ties go to the wider strike. Null when none.
 * Strikes are ranked by distance first, so only the nearest few are priced.
 */
export function snapWing(s: ExpirySmile, side: 'call' | 'put', from: number, target: number): Leg | null {
  const beyond: number[] = [];
  for (const k of s.quotes.keys()) if (side === 'put' ? k < from : k > from) beyond.push(k);
  const wider = (k: number) => (side === 'put' ? -k : k);
  beyond.sort((a, b) => Math.abs(a - target) - Math.abs(b - target) || wider(b) - wider(a));
  for (const k of beyond) {
    const leg = legAt(s, side, 'buy', k);
    if (leg) return leg;
  }
  return null;
}
