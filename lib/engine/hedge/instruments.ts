/**
 * The Layer 2 instruments, valued at the condor's expiry. Only instruments settling on or after
 * the condor's expiry are used: one that expired first would leave the condor's last days
 * unhedged and pay only what VIX was at its own expiry, which no scenario at the condor's
 * expiry knows.
 *
 * Stressed future (the VIX future of the instrument's expiry, at the condor's expiry, when VIX
 * is at the scenario level v): F(v) = v + (F₀ − VIX₀) × (τᵢ − τc) / τᵢ — today's basis to spot,
 * shrunk linearly to zero at the instrument's expiry (the same linear roll-down the carry uses).
 * τᵢ, τc: calendar days from Layer 2's clock (plan/hedge-clock.ts) to the instrument's and the
 * condor's settlement. A call is Black-76 on F(v) with the days it has left (same vol, its own
 * discount); a future gains (F(v) − F₀) × $1,000.
 */
import { type ExpirySmile, volAt } from '../condor/smile';
import { DAYS_PER_YEAR_ACT365, OPTION_MULTIPLIER, VIX_FUTURE_MULTIPLIER } from '../market/contracts';
import type { TermStructure, WhyEntry } from '../plan-types';
import { black76Price } from '../pricing/black76';
import { formatUsdText } from '../text/format';

const DAYS_PER_MONTH = 30;

export interface Instrument {
  instrument: 'vix-call' | 'vix-future';
  expiry: string;
  strike: number | null;
  /** Price paid: call ask, or the future's price (points). */
  price: number;
  /**
   * Dollars one contract can cost, for the budget: the call premium; for a future the larger of
   * its roll-down to today's VIX and its fall to the long-run median VIX ((F − level) × $1,000).
   */
  unitCostUsd: number;
  /** Dollars paid up front per contract: the call premium; 0 for a future. */
  premiumUsd: number;
  /** Dollars of margin one contract ties up (futures; 0 for a long call, paid in full). */
  marginUsd: number;
  /** Dollars one contract is worth at the condor's expiry with VIX at `vix`, before the premium. */
  payoffUsd: (vix: number) => number;
  /** Dollars one contract is expected to lose over the next 30 days (or to its expiry) with VIX unchanged. */
  carryUsdPerMonth: number;
  why: WhyEntry;
}

/** The stressed future at the condor's expiry (module comment), VIX points. */
export function stressedFuture(
  v: number,
  f0: number,
  vix0: number,
  daysInst: number,
  daysCondor: number,
): number {
  return v + ((f0 - vix0) * Math.max(0, daysInst - daysCondor)) / daysInst;
}

/** The first live expiry settling on or after `days` (the condor's), else null. */
export function atOrAfter<T extends { daysToExpiry: number }>(xs: readonly T[], days: number): T | null {
  return (
    [...xs]
      .filter((e) => e.daysToExpiry > 0)
      .sort((a, b) => a.daysToExpiry - b.daysToExpiry)
      .find((e) => e.daysToExpiry >= days) ?? null
  );
}

/** The VIX call (on the first VIX expiry on or after the condor's) with the most stress payoff per premium dollar. */
export function chooseCall(
  smiles: readonly ExpirySmile[],
  days: number,
  stressVix: number,
  vix: number,
): Instrument | null {
  const s = atOrAfter(smiles, days);
  if (!s) return null;
  const tRest = Math.max(0, s.daysToExpiry - days) / DAYS_PER_YEAR_ACT365;
  const dRest = s.discount ** (tRest / s.tYears);
  const valueAt = (v: number, k: number) => {
    const f = stressedFuture(v, s.forward, vix, s.daysToExpiry, days);
    return black76Price('call', f, k, tRest, dRest, volAt(s, k).vol) ?? Math.max(0, f - k);
  };
  let best: { k: number; ask: number; eff: number } | null = null;
  for (const [k, q] of s.quotes) {
    const ask = q.call?.ask ?? null;
    if (ask === null || !(ask > 0) || k < s.forward) continue;
    const eff = (valueAt(stressVix, k) - ask) / ask;
    if (eff > 0 && (!best || eff > best.eff)) best = { k, ask, eff };
  }
  if (!best) return null;
  const { k, ask } = best;
  const vol = volAt(s, k).vol;
  const atQuote = black76Price('call', s.forward, k, s.tYears, s.discount, vol) ?? ask;
  const dt = Math.min(DAYS_PER_MONTH, s.daysToExpiry);
  // With VIX unchanged the future rolls down linearly to spot by expiry.
  const fLater = s.forward - ((s.forward - vix) * dt) / s.daysToExpiry;
  const tLater = s.tYears - dt / DAYS_PER_YEAR_ACT365;
  const later =
    tLater > 0
      ? (black76Price('call', fLater, k, tLater, s.discount ** (tLater / s.tYears), vol) ?? 0)
      : Math.max(0, vix - k);
  return {
    instrument: 'vix-call',
    expiry: s.expiry,
    strike: k,
    price: ask,
    unitCostUsd: ask * OPTION_MULTIPLIER,
    premiumUsd: ask * OPTION_MULTIPLIER,
    marginUsd: 0,
    payoffUsd: (v) => valueAt(v, k) * OPTION_MULTIPLIER,
    carryUsdPerMonth: (atQuote - later) * OPTION_MULTIPLIER,
    why: {
      rule: 'hedge-vix-call',
      text: `VIX ${s.expiry} ${k} call, the first VIX expiry on or after the condor's: the most stress payoff per premium dollar (${best.eff.toFixed(1)}× its ask); at the condor's expiry it keeps ${(tRest * DAYS_PER_YEAR_ACT365).toFixed(0)} days of time value (Black-76 on the stressed future).`,
      inputs: {
        expiry: s.expiry,
        strike: k,
        ask,
        futuresForward: s.forward,
        stressVix,
        efficiency: best.eff,
      },
    },
  };
}

/** The first VX future settling on or after the condor's expiry, if it gains in the stress scenario. */
export function chooseFuture(
  ts: TermStructure,
  days: number,
  stressVix: number,
  vix: number,
  vixMedian: number,
  marginUsd: number,
): Instrument | null {
  const f = atOrAfter(ts.curve, days);
  if (!f) return null;
  const payoffUsd = (v: number) =>
    (stressedFuture(v, f.price, vix, f.daysToExpiry, days) - f.price) * VIX_FUTURE_MULTIPLIER;
  if (!(payoffUsd(stressVix) > 0)) return null;
  const rollDown = Math.max(0, f.price - vix) * VIX_FUTURE_MULTIPLIER;
  const toMedian = Math.max(0, f.price - vixMedian) * VIX_FUTURE_MULTIPLIER;
  return {
    instrument: 'vix-future',
    expiry: f.expiry,
    strike: null,
    price: f.price,
    unitCostUsd: Math.max(rollDown, toMedian),
    premiumUsd: 0,
    marginUsd,
    payoffUsd,
    carryUsdPerMonth: ((f.price - vix) * VIX_FUTURE_MULTIPLIER * DAYS_PER_MONTH) / f.daysToExpiry,
    why: {
      rule: 'hedge-vix-future',
      text: `No VIX option chain: VX future ${f.expiry} at ${f.price}, the first settling on or after the condor's expiry. Not free: it gives back ${formatUsdText(rollDown)} per contract if VIX stays at ${vix.toFixed(1)} and ${formatUsdText(toMedian)} if VIX returns to its long-run median ${vixMedian.toFixed(1)}, and ties up ${formatUsdText(marginUsd)} of margin per contract (setting).`,
      inputs: {
        expiry: f.expiry,
        price: f.price,
        vixSpot: vix,
        vixMedian,
        rollDownUsd: rollDown,
        toMedianUsd: toMedian,
        marginUsdPerContract: marginUsd,
        stressVix,
      },
    },
  };
}
