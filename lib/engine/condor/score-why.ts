import type { CondorCandidate, SignalFigures, WhyEntry } from '../plan-types';
import { DELTA_WEIGHT } from './score';

/** The why of the ranking: the score's formula and what made the best beat each alternative. */
const strikes = (c: CondorCandidate) =>
  `${c.legs.longPut.strike}/${c.legs.shortPut.strike}/${c.legs.shortCall.strike}/${c.legs.longCall.strike}`;
const deltas = (c: CondorCandidate) =>
  `|Δ| ${Math.abs(c.legs.shortPut.delta).toFixed(2)}/${Math.abs(c.legs.shortCall.delta).toFixed(2)}`;

/** The score rule and, per alternative, which part of the score made the best beat it. */
export function scoreWhy(
  best: CondorCandidate,
  alternatives: readonly CondorCandidate[],
  target: number,
  tilt: SignalFigures['tilt'],
): WhyEntry {
  const names = {
    reward: 'POP × credit/risk',
    slippage: 'cost of crossing the spread',
    deltaDistance: 'distance from the target delta',
  } as const;
  const versus = alternatives.map((a) => {
    const gains = (Object.keys(names) as (keyof typeof names)[])
      .map((k) => ({ k, d: best.scoreParts[k] - a.scoreParts[k] }))
      .sort((x, y) => y.d - x.d);
    const top = gains[0];
    const lost = gains.filter((g) => g.d < 0).map((g) => names[g.k]);
    return `${strikes(a)} (${deltas(a)}, score ${a.score.toFixed(3)}): the best wins on ${top ? names[top.k] : 'score'} (+${(top?.d ?? 0).toFixed(3)})${lost.length > 0 ? `, giving up some ${lost.join(' and ')}` : ''}`;
  });
  return {
    rule: 'score',
    text: `Score = POP·credit/maxLoss − (credit mid − natural)/maxLoss − ${DELTA_WEIGHT}·(distance of each short |delta| from its target), target ${target.toFixed(2)}${tilt === 'neutral' ? '' : `, moved further out on the ${tilt === 'puts-further' ? 'put' : 'call'} side by the signals`}. Best ${strikes(best)} (${deltas(best)}, score ${best.score.toFixed(3)})${versus.length > 0 ? ` beats ${versus.join('; ')}` : ''}.`,
    inputs: {
      score: best.score,
      reward: best.scoreParts.reward,
      slippage: best.scoreParts.slippage,
      deltaDistance: best.scoreParts.deltaDistance,
      targetShortDelta: target,
      pop: best.probabilityOfProfit,
      returnOnRisk: best.returnOnRisk,
      tilt,
    },
  };
}
