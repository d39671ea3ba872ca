import type { ScoreParts, SignalFigures } from '../plan-types';

/**
 * Score lost per unit of |delta| a short strike sits from its target. 2 means one delta point
 * (0.01) off target costs 0.02 — more than the ~0.005–0.01 that POP·credit/maxLoss gains per
 * delta point as the shorts move toward the money on real SPX chains (2020-03 and 2022-02
 * Cboe quotes), so the best lands at the target, and POP·credit/risk and the spread decide
 * between strikes near it.
 */
export const DELTA_WEIGHT = 2;
/** How far the signals move the feared side's target |delta| further out (0.05 → 0.20 becomes 0.15). */
export const TILT_DELTA = 0.05;

export interface ScoreInputs {
  probabilityOfProfit: number;
  creditMid: number;
  creditNatural: number;
  maxLoss: number;
  /** |delta| of the short put and short call, per share. */
  shortPutDelta: number;
  shortCallDelta: number;
}

/** Target |delta| of the short put and short call after the signal tilt. */
export function deltaTargets(
  target: number,
  tilt: SignalFigures['tilt'],
  bandMin: number,
): { put: number; call: number } {
  const further = Math.max(bandMin, target - TILT_DELTA);
  return {
    put: tilt === 'puts-further' ? further : target,
    call: tilt === 'calls-further' ? further : target,
  };
}

/**
 * Condor ranking score (higher is better), the sum of three parts:
 *
 *   reward        = POP · creditMid / maxLoss
 *                   the credit per unit of risk, weighted by the chance to keep it;
 *   slippage      = −(creditMid − creditNatural) / maxLoss
 *                   what crossing every bid/ask costs, per unit of risk;
 *   deltaDistance = −DELTA_WEIGHT · ( | |Δ short put| − t_put | + | |Δ short call| − t_call | )
 *                   distance of each short strike from its target |delta|: t = the target
 *                   setting (default 0.20), or target − TILT_DELTA (at least the band's
 *                   low end) on the side the signals fear ('puts-further' moves the put
 *                   target, 'calls-further' the call target).
 *
 * Why a target: under the risk-neutral smile POP·credit/maxLoss rises steadily as the shorts
 * near the money (a condor at |Δ| 0.30 keeps more credit per dollar at risk than one at 0.15
 * while its expected value stays near zero less costs), so ranking by it alone always picked
 * the top of the delta band. The target is the trader's choice of distance; the reward and
 * slippage terms rank the strikes around it.
 */
export function condorScore(
  x: ScoreInputs,
  targets: { put: number; call: number },
): { score: number; parts: ScoreParts } {
  const reward = (x.probabilityOfProfit * x.creditMid) / x.maxLoss;
  const slippage = -(x.creditMid - x.creditNatural) / x.maxLoss;
  const deltaDistance =
    -DELTA_WEIGHT * (Math.abs(x.shortPutDelta - targets.put) + Math.abs(x.shortCallDelta - targets.call));
  return { score: reward + slippage + deltaDistance, parts: { reward, slippage, deltaDistance } };
}
