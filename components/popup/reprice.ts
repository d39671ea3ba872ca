/**
 * The popup calculator on a chain: the four strikes the user picked from the listed strikes
 * of one expiry, priced by the engine's public `priceCondor` — the same function Layer 1's
 * candidates go through — on the expiry's smile from `expirySmile`, at the plan's pricing
 * instant and on the quotes the plan's screening keeps (given the data settings), so the
 * suggested condor prices here exactly as in the plan; a picked leg whose quote the plan left
 * out says why. This module only offers the
 * chain's strikes and turns the engine's prices into dollars. Units: strikes and prices
 * index points per share; dollars per condor × contracts use the $100 SPX multiplier.
 */
import {
  type CondorPriceErrors,
  type CondorStrikes,
  type ExpirySmile,
  expirySmile,
  type MarketOptions,
  OPTION_MULTIPLIER,
  priceCondor,
} from '../../lib/engine';
import type { LegFigures, QuoteLeftOut } from '../../lib/engine/plan-types';
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

/** One expiry's smile for pricing (and the quotes the screening left out), or why there is none. Costly: memoise per chain and expiry. */
export function smileFor(
  chain: ChainSnapshot,
  key: string,
  nowIso: string,
  market: MarketOptions | null = null,
): { smile: ExpirySmile; leftOut: QuoteLeftOut[] } | { error: string } {
  const source = chain.expiries.find((e) => expiryKey(e) === key);
  if (!source) return { error: 'That expiry is not on this page.' };
  const out = expirySmile(chain, { expiry: source.expiry, root: source.root ?? null }, nowIso, market);
  return out.ok ? { smile: out.smile, leftOut: out.leftOut } : { error: out.error };
}

/** A leg's error replaced by the screening's reason when the plan left that quote out. */
function withLeftOutReasons(
  errors: CondorPriceErrors,
  strikes: CondorStrikes,
  leftOut: QuoteLeftOut[],
): CondorPriceErrors {
  const out: CondorPriceErrors = { ...errors };
  for (const key of Object.keys(errors) as (keyof CondorStrikes)[]) {
    const side = key.endsWith('Put') ? 'put' : 'call';
    const hit = leftOut.find((l) => l.strike === strikes[key] && l.side === side);
    if (hit) out[key] = `The plan leaves this ${side} out as a bad quote: ${hit.detail}`;
  }
  return out;
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

/** Prices the condor on `strikes` through the engine; errors name the leg and say why. */
export function repriceCondor(
  s: ExpirySmile,
  strikes: CondorStrikes,
  contracts = 1,
  leftOut: QuoteLeftOut[] = [],
): RepriceOutcome {
  const out = priceCondor(s, strikes);
  if (!out.ok) return { ok: false, errors: withLeftOutReasons(out.errors, strikes, leftOut) };
  const p = out.pricing;
  return {
    ok: true,
    result: {
      expiry: s.expiry,
      strikes,
      legs: [
        p.legs.longPut.figures,
        p.legs.shortPut.figures,
        p.legs.shortCall.figures,
        p.legs.longCall.figures,
      ],
      creditMid: p.creditMid,
      creditNatural: p.creditNatural,
      breakEvenLow: p.breakEvenLow,
      breakEvenHigh: p.breakEvenHigh,
      maxLoss: p.maxLoss,
      maxLossUsd: p.maxLoss * OPTION_MULTIPLIER * contracts,
      maxProfitUsd: p.creditMid * OPTION_MULTIPLIER * contracts,
      probabilityOfProfit: p.probabilityOfProfit,
      forward: s.forward,
      daysToExpiry: s.daysToExpiry,
    },
  };
}
