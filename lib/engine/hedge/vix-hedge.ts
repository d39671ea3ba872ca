import { type ExpirySmile, volAt } from '../condor/smile';
import {
  DAYS_PER_YEAR_ACT365 as DAYS_PER_YEAR,
  OPTION_MULTIPLIER,
  VIX_FUTURE_MULTIPLIER,
} from '../market/contracts';
import type { CondorCandidate, HedgeFigures, TermStructure, WhyEntry } from '../plan-types';
import { black76Price } from '../pricing/black76';
import type { Settings } from '../settings-types';
import { scenarioRow, stressScenarios } from './scenarios';

const DAYS_PER_MONTH = 30;

export interface HedgeInputs {
  /** The sized condor the hedge protects. */
  condor: CondorCandidate;
  vixSpot: number;
  termStructure: TermStructure;
  /** Solved VIX option expiries (empty without a VIX chain: futures are used). */
  vixSmiles: readonly ExpirySmile[];
  settings: Settings;
  /** Multiple of the payback share (from activation). */
  expansion: number;
}

interface Instrument {
  instrument: HedgeFigures['instrument'];
  expiry: string;
  strike: number | null;
  /** Price paid: call ask, or the future's price. */
  price: number;
  /** Dollars one contract costs up front (call premium) or is expected to lose to roll-down (future). */
  unitCostUsd: number;
  /**
   * Dollars paid up front per contract, subtracted from the payoff: the call premium; 0 for a
   * future, whose payoff (VIX − F) × 1000 already carries its roll-down.
   */
  premiumUsd: number;
  /** Dollars one contract is worth at the condor's expiry with VIX at `vix`, before cost. */
  payoffUsd: (vix: number) => number;
  /** Dollars one contract is expected to lose over the next 30 days (or to its expiry, if sooner) with VIX unchanged. */
  carryUsdPerMonth: number;
  why: WhyEntry;
}

/**
 * Layer 2 sizing (ALVH.md): long VIX calls near the condor's expiry (or VIX futures without a
 * chain), enough that in the stress scenario the hedge pays back paybackShare × expansion of
 * the condor's loss net of its cost, within the hedge budget (budget share × condor credit)
 * and the contract cap. The call strike is the one with the most stress payoff per premium
 * dollar among out-of-the-money calls struck below the stressed VIX. Scenarios are valued at
 * the condor's expiry with the hedge's VIX future at the scenario VIX level: a call that
 * outlives the condor keeps its Black-76 time value (same vol) for the days it has left, one
 * expiring first is worth its intrinsic value. Carry: for calls, the Black-76 value lost over
 * 30 days (or to expiry) as the future rolls down linearly to spot with vol unchanged; for
 * futures, (F − VIX) × 1000 per 30 days of the roll-down to spot.
 */
export function sizeVixHedge(x: HedgeInputs): {
  hedge: HedgeFigures | null;
  reason: string;
  why: WhyEntry[];
} {
  const h = x.settings.hedge;
  const scenarios = stressScenarios(x.vixSpot, h.stressSpxMove, h.vixPointsPerSpxPercentDrop);
  const stress = scenarios[2] as (typeof scenarios)[number];
  const condorStress = scenarioRow(stress, x.condor, () => 0, 0).condorPnlUsd;
  const stressLossUsd = Math.max(0, -condorStress);
  if (stressLossUsd === 0)
    return {
      hedge: null,
      reason: 'The condor does not lose in the stress scenario: nothing to hedge.',
      why: [],
    };
  const inst =
    x.vixSmiles.length > 0
      ? chooseCall(x.vixSmiles, x.condor.daysToExpiry, stress.vixLevel, x.vixSpot)
      : chooseFuture(x.termStructure, x.condor.daysToExpiry, stress.vixLevel, x.vixSpot);
  if (!inst)
    return {
      hedge: null,
      reason:
        x.vixSmiles.length > 0
          ? `No VIX call below the stressed VIX ${stress.vixLevel.toFixed(1)} has a usable ask.`
          : 'No VIX future pays off in the stress scenario.',
      why: [],
    };
  const share = Math.min(1, h.paybackShare * x.expansion);
  const targetUsd = share * stressLossUsd;
  const netEach = inst.payoffUsd(stress.vixLevel) - inst.premiumUsd;
  const budgetUsd = h.budgetShareOfCredit * x.condor.creditUsd;
  const limits: [string, number][] = [
    ['payback target', netEach > 0 ? Math.ceil(targetUsd / netEach) : 0],
    [
      'hedge budget',
      inst.unitCostUsd > 0 ? Math.floor(budgetUsd / inst.unitCostUsd) : x.settings.risk.maxContracts,
    ],
    ['max contracts', x.settings.risk.maxContracts],
  ];
  let bound = limits[0] as [string, number];
  for (const l of limits) if (l[1] < bound[1]) bound = l;
  const contracts = Math.max(0, bound[1]);
  const costUsd = inst.unitCostUsd * contracts;
  const rows = scenarios.map((s) =>
    scenarioRow(s, x.condor, (v) => inst.payoffUsd(v) * contracts, inst.premiumUsd * contracts),
  );
  const stressRow = rows[2] as (typeof rows)[number];
  const carryUsdPerMonth = inst.carryUsdPerMonth * contracts;
  const paid = stressRow.hedgePnlUsd;
  const why: WhyEntry[] = [
    inst.why,
    {
      rule: 'hedge-size',
      text: `${contracts} contract(s): bound by the ${bound[0]}.`,
      inputs: {
        targetUsd,
        stressLossUsd,
        netPayoffEachUsd: netEach,
        budgetUsd,
        boundBy: bound[0],
        contracts,
      },
    },
  ];
  const costBenefit =
    contracts === 0
      ? `The ${bound[0]} allows no contract: a hedge costs $${inst.unitCostUsd.toFixed(0)} per contract against a $${budgetUsd.toFixed(0)} budget.`
      : paid > 0
        ? `Costs $${costUsd.toFixed(0)} (carry $${carryUsdPerMonth.toFixed(0)}/month); in the stress scenario it pays back $${paid.toFixed(0)} net, ${((100 * paid) / stressLossUsd).toFixed(0)} % of the condor's $${stressLossUsd.toFixed(0)} loss; if nothing happens it loses $${(-(rows[0]?.hedgePnlUsd ?? 0)).toFixed(0)}.`
        : `Costs $${costUsd.toFixed(0)} and pays back less than that in the stress scenario: it costs more than it saves.`;
  return {
    hedge: {
      instrument: inst.instrument,
      expiry: inst.expiry,
      strike: inst.strike,
      price: inst.price,
      contracts,
      costUsd,
      carryUsdPerMonth,
      scenarios: rows,
      paybackShare: paid / stressLossUsd,
      stressLossUsd,
      budgetUsd,
      expansion: x.expansion,
      costBenefit,
      worthItsCost: contracts > 0 && paid > 0,
      boundBy: bound[0],
    },
    reason:
      contracts === 0
        ? `The ${bound[0]} allows no hedge contract.`
        : `${contracts} VIX ${inst.instrument === 'vix-call' ? `${inst.strike} call(s)` : 'future(s)'} ${inst.expiry}: ${costBenefit}`,
    why,
  };
}

/**
 * The expiry to hedge with: the first one settling on or after the condor's expiry (so the
 * hedge lasts as long as the risk), else the last one before it. Only live expiries.
 */
function nearest<T extends { daysToExpiry: number }>(xs: readonly T[], days: number): T | null {
  const live = [...xs].filter((e) => e.daysToExpiry > 0).sort((a, b) => a.daysToExpiry - b.daysToExpiry);
  return live.find((e) => e.daysToExpiry >= days) ?? live.at(-1) ?? null;
}

function chooseCall(
  smiles: readonly ExpirySmile[],
  days: number,
  stressVix: number,
  vix: number,
): Instrument | null {
  const s = nearest(smiles, days);
  if (!s) return null;
  // Years the hedge outlives the condor: at the condor's expiry the call still has this long to run.
  const tRest = Math.max(0, s.daysToExpiry - days) / DAYS_PER_YEAR;
  const dRest = s.discount ** (tRest / s.tYears);
  const valueAt = (v: number, k: number) =>
    black76Price('call', v, k, tRest, dRest, volAt(s, k).vol) ?? Math.max(0, v - k);
  let best: { k: number; ask: number; eff: number } | null = null;
  for (const [k, q] of s.quotes) {
    const ask = q.call?.ask ?? null;
    if (ask === null || !(ask > 0) || k < s.forward || k >= stressVix) continue;
    const eff = (valueAt(stressVix, k) - ask) / ask;
    if (eff > 0 && (!best || eff > best.eff)) best = { k, ask, eff };
  }
  if (!best) return null;
  const { k, ask } = best;
  const vol = volAt(s, k).vol;
  const now = black76Price('call', s.forward, k, s.tYears, s.discount, vol) ?? ask;
  const dt = Math.min(DAYS_PER_MONTH, s.daysToExpiry);
  // With VIX unchanged the future rolls down linearly to spot by expiry.
  const fLater = s.forward - ((s.forward - vix) * dt) / s.daysToExpiry;
  const tLater = s.tYears - dt / DAYS_PER_YEAR;
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
    payoffUsd: (v) => valueAt(v, k) * OPTION_MULTIPLIER,
    carryUsdPerMonth: (now - later) * OPTION_MULTIPLIER,
    why: {
      rule: 'hedge-vix-call',
      text: `VIX ${s.expiry} ${k} call: the most stress payoff per premium dollar (${best.eff.toFixed(1)}× its ask).`,
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

function chooseFuture(ts: TermStructure, days: number, stressVix: number, vix: number): Instrument | null {
  const f = nearest(ts.curve, days);
  if (!f || !(stressVix > f.price)) return null;
  const rollDown = Math.max(0, f.price - vix) * VIX_FUTURE_MULTIPLIER;
  return {
    instrument: 'vix-future',
    expiry: f.expiry,
    strike: null,
    price: f.price,
    unitCostUsd: rollDown,
    premiumUsd: 0,
    payoffUsd: (v) => (v - f.price) * VIX_FUTURE_MULTIPLIER,
    carryUsdPerMonth: ((f.price - vix) * VIX_FUTURE_MULTIPLIER * DAYS_PER_MONTH) / f.daysToExpiry,
    why: {
      rule: 'hedge-vix-future',
      text: `No VIX option chain: VX future ${f.expiry} at ${f.price}, expected to roll down $${rollDown.toFixed(0)} per contract to spot.`,
      inputs: { expiry: f.expiry, price: f.price, vixSpot: vix, stressVix },
    },
  };
}
