import { condorOrder } from '../../lib/engine/plan/order-line';
import type { CondorCandidate } from '../../lib/engine/plan-types';
import { CopyOrder } from '../ui/CopyOrder';
import { formatPercent, formatPoints, formatStrike, formatUsd } from '../ui/format';
import { Why } from '../ui/Why';

function strikes(c: CondorCandidate): string {
  const { longPut, shortPut, shortCall, longCall } = c.legs;
  return [longPut, shortPut, shortCall, longCall].map((l) => formatStrike(l.strike)).join(' / ');
}

/** The runner-up candidates, one line each, with what differs from the best. */
export function AlternativesList({
  best,
  alternatives,
}: {
  best: CondorCandidate;
  alternatives: CondorCandidate[];
}) {
  if (alternatives.length === 0) return <p class="muted">No other candidate passed the limits.</p>;
  return (
    <ol class="alternatives" aria-label="alternatives">
      {alternatives.map((a) => (
        <li key={strikes(a) + a.expiry} data-testid="alternative">
          <span class="alt-strikes">
            {a.expiry} · {strikes(a)}
          </span>
          <span class="alt-figs">
            credit {formatPoints(a.creditMid)} · POP {formatPercent(a.probabilityOfProfit)} · max loss{' '}
            {formatUsd(a.maxLossUsd)} · {a.contracts} contracts
          </span>
          <details class="alt-order">
            <summary>order</summary>
            <CopyOrder ticket={condorOrder(a)} what={`alternative ${strikes(a)}`} />
          </details>
          <Why
            label={`why: alternative ${strikes(a)}`}
            text={`Score ${a.score.toFixed(3)} vs ${best.score.toFixed(3)} for the best. Short deltas ${a.legs.shortPut.delta.toFixed(2)} / ${a.legs.shortCall.delta.toFixed(2)}; break-evens ${formatStrike(a.breakEvenLow)}–${formatStrike(a.breakEvenHigh)}.`}
          />
        </li>
      ))}
    </ol>
  );
}
