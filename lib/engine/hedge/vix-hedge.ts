import type { ExpirySmile } from '../condor/smile';
import type { CondorCandidate, HedgeFigures, ScenarioRow, TermStructure, WhyEntry } from '../plan-types';
import type { Settings } from '../settings-types';
import { formatSignedUsdText, formatUsdText } from '../text/format';
import { chooseCall, chooseFuture, type Instrument } from './instruments';
import { VIX_NORMS } from './long-run-norms';
import { scenarioRow, stressScenarios } from './scenarios';

/** Long-run median VIX close, points: the 50th percentile of the built-in 1990–2024 norms. */
export const VIX_LONG_RUN_MEDIAN = VIX_NORMS.knots[10] as number;

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

/**
 * Layer 2 sizing (docs/method.md, Layer 2): long VIX calls near the condor's expiry (or VIX futures without a
 * chain), enough that in the stress scenario the hedge pays back paybackShare × expansion of
 * the condor's loss net of its cost, within the hedge budget (budget share × condor credit)
 * and the contract cap. The call strike is the one with the most stress payoff per premium
 * dollar among out-of-the-money calls. Only instruments settling on or after the condor's
 * expiry; scenarios valued at the condor's expiry on the stressed future (instruments.ts).
 * A future costs no premium but is not free: the budget counts what it gives back if VIX
 * returns to its long-run median, and the margin it ties up is shown. Cost against benefit is
 * weighed over every scenario: worth its cost when the stress payback exceeds the worst loss
 * of the calm scenarios (VIX unchanged, VIX falls). Carry: for calls, the Black-76 value lost
 * over 30 days (or to expiry) as the future rolls down linearly to spot with vol unchanged;
 * for futures, (F − VIX) × 1000 per 30 days of the roll-down to spot.
 */
export function sizeVixHedge(x: HedgeInputs): {
  hedge: HedgeFigures | null;
  reason: string;
  why: WhyEntry[];
} {
  const h = x.settings.hedge;
  const scenarios = stressScenarios(
    x.vixSpot,
    h.stressSpxMove,
    h.vixPointsPerSpxPercentDrop,
    VIX_LONG_RUN_MEDIAN,
  );
  const stress = scenarios.find((s) => s.name === 'stress') as (typeof scenarios)[number];
  const condorStress = scenarioRow(stress, x.condor, () => 0, 0).condorPnlUsd;
  const stressLossUsd = Math.max(0, -condorStress);
  if (stressLossUsd === 0)
    return {
      hedge: null,
      reason: 'The condor does not lose in the stress scenario: nothing to hedge.',
      why: [],
    };
  const inst: Instrument | null =
    x.vixSmiles.length > 0
      ? chooseCall(x.vixSmiles, x.condor.daysToExpiry, stress.vixLevel, x.vixSpot)
      : chooseFuture(
          x.termStructure,
          x.condor.daysToExpiry,
          stress.vixLevel,
          x.vixSpot,
          VIX_LONG_RUN_MEDIAN,
          h.vxMarginUsdPerContract,
        );
  if (!inst)
    return {
      hedge: null,
      reason:
        x.vixSmiles.length > 0
          ? `No VIX call on an expiry on or after the condor's gains in the stress scenario (VIX ${stress.vixLevel.toFixed(1)}) with a usable ask.`
          : `No VIX future settling on or after the condor's expiry gains in the stress scenario (VIX ${stress.vixLevel.toFixed(1)}).`,
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
  const stressRow = rows.find((r) => r.name === 'stress') as ScenarioRow;
  const carryUsdPerMonth = inst.carryUsdPerMonth * contracts;
  const marginUsd = inst.marginUsd * contracts;
  const paid = stressRow.hedgePnlUsd;
  const calm = rows.filter((r) => r.spxMove === 0);
  const worstCalmLossUsd = Math.max(0, ...calm.map((r) => -r.hedgePnlUsd));
  const fallsRow = rows.find((r) => r.name === 'VIX falls') as ScenarioRow;
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
      ? `The ${bound[0]} allows no contract: one ${inst.instrument === 'vix-call' ? 'call costs' : 'future can give back'} ${formatUsdText(inst.unitCostUsd)} against a ${formatUsdText(budgetUsd)} budget.`
      : costBenefitText(rows, {
          instrument: inst.instrument,
          costUsd,
          marginUsd,
          paid,
          stressLossUsd,
          worstCalmLossUsd,
          median: VIX_LONG_RUN_MEDIAN,
        });
  return {
    hedge: {
      instrument: inst.instrument,
      expiry: inst.expiry,
      strike: inst.strike,
      price: inst.price,
      contracts,
      costUsd,
      carryUsdPerMonth,
      marginUsd,
      vixFallsTo: fallsRow.vixLevel,
      vixFallsLossUsd: Math.max(0, -fallsRow.hedgePnlUsd),
      scenarios: rows,
      paybackShare: paid / stressLossUsd,
      stressLossUsd,
      budgetUsd,
      expansion: x.expansion,
      costBenefit,
      worthItsCost: contracts > 0 && paid > worstCalmLossUsd,
      boundBy: bound[0],
    },
    reason:
      contracts === 0
        ? `The ${bound[0]} allows no hedge contract.`
        : `${contracts} VIX ${inst.instrument === 'vix-call' ? `${inst.strike} call(s)` : 'future(s)'} ${inst.expiry}: ${costBenefit}`,
    why,
  };
}

const usd = (n: number) => formatSignedUsdText(n);

/** Cost against benefit over every scenario, in one paragraph. */
function costBenefitText(
  rows: readonly ScenarioRow[],
  x: {
    instrument: Instrument['instrument'];
    costUsd: number;
    marginUsd: number;
    paid: number;
    stressLossUsd: number;
    worstCalmLossUsd: number;
    median: number;
  },
): string {
  const each = rows.map((r) => `${r.name} (VIX ${r.vixLevel.toFixed(1)}) ${usd(r.hedgePnlUsd)}`).join('; ');
  const margin = x.marginUsd > 0 ? `, margin tied up ${formatUsdText(x.marginUsd)} (settings)` : '';
  const verdict =
    x.paid > x.worstCalmLossUsd
      ? `In the stress scenario it pays back ${((100 * Math.max(0, x.paid)) / x.stressLossUsd).toFixed(0)} % of the condor's ${formatUsdText(x.stressLossUsd)} loss, more than the ${formatUsdText(x.worstCalmLossUsd)} it can lose when markets stay calm.`
      : `It can lose ${formatUsdText(x.worstCalmLossUsd)} when markets stay calm (VIX back to its long-run median ${x.median.toFixed(1)}), more than the ${usd(x.paid)} it nets in the stress scenario: it costs more than it saves.`;
  const cost =
    x.instrument === 'vix-call'
      ? `Premium ${formatUsdText(x.costUsd)}`
      : `No premium, but it can give back ${formatUsdText(x.costUsd)} (VIX back to ${x.median.toFixed(1)})`;
  return `${cost}${margin}. Hedge net at the condor's expiry: ${each}. ${verdict}`;
}
