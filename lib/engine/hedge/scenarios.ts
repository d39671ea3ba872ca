import { condorPayoffAtExpiry as payoff } from '../market/condor-payoff';
import { OPTION_MULTIPLIER } from '../market/contracts';
import type { CondorCandidate, ScenarioRow } from '../plan-types';

/** The condor's payoff at expiry, points per share, with the underlying settling at `spx`. */
export function condorPayoffAtExpiry(c: CondorCandidate, spx: number): number {
  const { longPut, shortPut, shortCall, longCall } = c.legs;
  const strikes = {
    longPut: longPut.strike,
    shortPut: shortPut.strike,
    shortCall: shortCall.strike,
    longCall: longCall.strike,
  };
  return payoff(strikes, c.creditMid, spx);
}

/** A stress scenario at the condor's expiry: SPX move (fraction of the forward) and VIX level. */
export interface Scenario {
  name: string;
  spxMove: number;
  vixLevel: number;
}

/**
 * Scenarios at the condor's expiry: SPX flat with VIX unchanged; SPX flat with VIX falling to
 * `vixFallsTo` (its long-run median: a spike that reverts, what a long VIX position fears);
 * half the stress move, the stress move, and twice it. VIX answers a drop by
 * `vixPointsPerSpxPercentDrop` points per 1 % (docs/method.md "Scenarios").
 */
export function stressScenarios(
  vix: number,
  stressSpxMove: number,
  vixPointsPerSpxPercentDrop: number,
  vixFallsTo: number,
): Scenario[] {
  const at = (name: string, k: number): Scenario => ({
    name,
    spxMove: stressSpxMove * k,
    vixLevel: vix + vixPointsPerSpxPercentDrop * Math.abs(stressSpxMove * k * 100),
  });
  return [
    at('flat', 0),
    { name: 'VIX falls', spxMove: 0, vixLevel: Math.min(vix, vixFallsTo) },
    at('half stress', 0.5),
    at('stress', 1),
    at('double stress', 2),
  ];
}

/**
 * One scenario row in dollars: the whole condor position (its contracts) at expiry and the
 * hedge's payoff net of what it cost (`hedgePayoffUsd(vix)` minus `hedgeCostUsd`).
 */
export function scenarioRow(
  s: Scenario,
  condor: CondorCandidate,
  hedgePayoffUsd: (vixLevel: number) => number,
  hedgeCostUsd: number,
): ScenarioRow {
  const condorPnlUsd =
    condorPayoffAtExpiry(condor, condor.forward * (1 + s.spxMove)) * OPTION_MULTIPLIER * condor.contracts;
  const hedgePnlUsd = hedgePayoffUsd(s.vixLevel) - hedgeCostUsd;
  return { ...s, condorPnlUsd, hedgePnlUsd, netPnlUsd: condorPnlUsd + hedgePnlUsd };
}
