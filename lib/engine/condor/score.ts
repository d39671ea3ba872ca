import type { SignalFigures } from '../plan-types';

/** Weight of the signal tilt in the score, per unit of short-delta difference. */
export const TILT_WEIGHT = 0.5;

export interface ScoreInputs {
  probabilityOfProfit: number;
  creditMid: number;
  creditNatural: number;
  maxLoss: number;
  /** |delta| of the short put and short call. */
  shortPutDelta: number;
  shortCallDelta: number;
}

/**
 * Condor ranking score (higher is better):
 *   POP · creditMid/maxLoss                 reward per unit of risk, weighted by the chance to keep it
 *   − (creditMid − creditNatural)/maxLoss   what crossing the bid/ask costs, per unit of risk
 *   + 0.5 · (|Δ short call| − |Δ short put|) when signals say puts-further (mirrored for
 *                                           calls-further): the side the signals fear sits further out.
 */
export function condorScore(x: ScoreInputs, tilt: SignalFigures['tilt']): number {
  const ror = x.creditMid / x.maxLoss;
  const slippage = (x.creditMid - x.creditNatural) / x.maxLoss;
  const lean =
    tilt === 'puts-further'
      ? x.shortCallDelta - x.shortPutDelta
      : tilt === 'calls-further'
        ? x.shortPutDelta - x.shortCallDelta
        : 0;
  return x.probabilityOfProfit * ror - slippage + TILT_WEIGHT * lean;
}
