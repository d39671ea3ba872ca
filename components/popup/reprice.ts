/**
 * The popup calculator on a chain: the four strikes the user picked from the listed strikes
 * of one expiry, priced from that expiry's quotes through the engine's own steps — parity
 * forward and discount, the solved smile, each leg's quote and smile vol (the same `legAt`
 * the plan uses), the probability of finishing between the break-evens from the smile's
 * digitals (`probBelow`). Units: strikes and prices index points per share; dollars per
 * condor × contracts use the $100 SPX multiplier.
 */
import { type CondorStrikes, OPTION_MULTIPLIER } from '../../lib/engine';
import { legAt } from '../../lib/engine/condor/legs';
import { type ExpirySmile, probBelow } from '../../lib/engine/condor/smile';
import { datedExpiries, solveSmile } from '../../lib/engine/plan/market';
import type { LegFigures } from '../../lib/engine/plan-types';
import type { ChainExpiry, ChainSnapshot } from '../../lib/engine/snapshot-types';

/** An expiry of the chain as the calculator offers it: key, label and listed strikes. */
export interface ExpiryChoice {
  key: string;
  label: string;
  strikes: number[];
}

export const expiryKey = (e: ChainExpiry) => `${e.expiry}|${e.root ?? ''}`;

/** The chain's expiries with their listed strikes (ascending). */
export function expiryChoices(chain: ChainSnapshot): ExpiryChoice[] {
  return chain.expiries.map((e) => ({
    key: expiryKey(e),
    label: `${e.expiry}${e.root ? ` ${e.root}` : ''}`,
    strikes: [...new Set(e.rows.map((r) => r.strike))].sort((a, b) => a - b),
  }));
}

/** One expiry's smile for pricing, or why there is none. Costly: memoise per chain and expiry. */
export function smileFor(
  chain: ChainSnapshot,
  key: string,
  nowIso: string,
): { smile: ExpirySmile } | { error: string } {
  const source = chain.expiries.find((e) => expiryKey(e) === key);
  if (!source) return { error: 'That expiry is not on this page.' };
  const { expiries } = datedExpiries({ ...chain, expiries: [source] }, nowIso);
  const dated = expiries[0];
  if (!dated)
    return {
      error: `The ${source.expiry} expiry has expired or its quotes give no forward (put-call parity).`,
    };
  return { smile: solveSmile(dated) };
}

export interface Repriced {
  expiry: string;
  strikes: CondorStrikes;
  legs: LegFigures[];
  /** Credit at mid and at the natural price (sell at bid, buy at ask), points per share. */
  creditMid: number;
  creditNatural: number;
  breakEvenLow: number;
  breakEvenHigh: number;
  /** Widest wing − credit at mid, points per share. */
  maxLoss: number;
  maxLossUsd: number;
  maxProfitUsd: number;
  /** Probability of finishing between the break-evens under the smile, 0–1. */
  probabilityOfProfit: number;
  forward: number;
  daysToExpiry: number;
}

export type RepriceOutcome =
  | { ok: true; result: Repriced }
  | { ok: false; errors: Partial<Record<keyof CondorStrikes, string>> };

/** Prices the condor on `strikes` from the smile; errors name the leg and say why. */
export function repriceCondor(s: ExpirySmile, strikes: CondorStrikes, contracts = 1): RepriceOutcome {
  const errors: Partial<Record<keyof CondorStrikes, string>> = {};
  if (!(strikes.longPut < strikes.shortPut)) errors.longPut = 'Pick a long put below the short put';
  if (!(strikes.shortPut <= strikes.shortCall))
    errors.shortCall = 'Pick a short call at or above the short put';
  if (!(strikes.shortCall < strikes.longCall)) errors.longCall = 'Pick a long call above the short call';
  if (Object.keys(errors).length) return { ok: false, errors };
  const legs = {
    longPut: legAt(s, 'put', 'buy', strikes.longPut),
    shortPut: legAt(s, 'put', 'sell', strikes.shortPut),
    shortCall: legAt(s, 'call', 'sell', strikes.shortCall),
    longCall: legAt(s, 'call', 'buy', strikes.longCall),
  };
  for (const [k, leg] of Object.entries(legs) as [keyof CondorStrikes, typeof legs.longPut][])
    if (!leg)
      errors[k] = String(k).startsWith('short')
        ? 'No bid at this strike: nothing to sell'
        : 'No ask at this strike: nothing to buy';
  const { longPut, shortPut, shortCall, longCall } = legs;
  if (!longPut || !shortPut || !shortCall || !longCall) return { ok: false, errors };
  const creditMid = shortPut.mid + shortCall.mid - longPut.mid - longCall.mid;
  const creditNatural =
    shortPut.figures.bid + shortCall.figures.bid - longPut.figures.ask - longCall.figures.ask;
  const width = Math.max(strikes.shortPut - strikes.longPut, strikes.longCall - strikes.shortCall);
  if (!(creditMid > 0))
    return {
      ok: false,
      errors: { shortPut: 'These strikes pay no credit at mid: the wings cost more than the shorts' },
    };
  if (!(creditMid < width))
    return {
      ok: false,
      errors: { shortPut: 'The credit is at least the wing width: the quotes look wrong' },
    };
  const breakEvenLow = strikes.shortPut - creditMid;
  const breakEvenHigh = strikes.shortCall + creditMid;
  const maxLoss = width - creditMid;
  return {
    ok: true,
    result: {
      expiry: s.expiry,
      strikes,
      legs: [longPut.figures, shortPut.figures, shortCall.figures, longCall.figures],
      creditMid,
      creditNatural,
      breakEvenLow,
      breakEvenHigh,
      maxLoss,
      maxLossUsd: maxLoss * OPTION_MULTIPLIER * contracts,
      maxProfitUsd: creditMid * OPTION_MULTIPLIER * contracts,
      probabilityOfProfit: Math.max(0, probBelow(s, breakEvenHigh) - probBelow(s, breakEvenLow)),
      forward: s.forward,
      daysToExpiry: s.daysToExpiry,
    },
  };
}
