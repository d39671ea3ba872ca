import type { TermStructure } from '../../lib/engine/plan-types';
import { Figure } from '../ui/Figure';
import { formatNumber, formatPercent, formatPercentile } from '../ui/format';

/** Term-structure metrics with their standing against the norms. */
export function TermStructureFigures({ ts }: { ts: TermStructure }) {
  const z = ts.frontSpreadZ;
  return (
    <dl class="figs">
      <Figure
        label="Curve"
        value={ts.label}
        why="Contango when F2 is > 1 % above F1, backwardation when > 1 % below."
      />
      <Figure
        label="Front spread"
        value={`${formatPercent(ts.frontSpread, 2)}${z !== null ? ` (z ${formatNumber(z)})` : ''}`}
        why={`(F2 − F1) / F1: ${formatPercentile(ts.frontSpreadPercentile)} against ${ts.normsSource}.`}
      />
      <Figure
        label="VIX / F1"
        value={ts.basisVixToF1 === null ? '— (no VIX spot)' : formatNumber(ts.basisVixToF1, 3)}
        why="Spot over the front future: below 1 in contango."
      />
      <Figure
        label="Slope"
        value={`${formatNumber(ts.slopePer30Days)} VIX pts / 30 d`}
        why="Least-squares slope of futures price on days to expiry."
      />
      <Figure
        label="Roll yield"
        value={ts.rollYieldPerDay === null ? '—' : `${formatNumber(ts.rollYieldPerDay, 3)} VIX pts / day`}
        why="(F1 − VIX) / days to F1 expiry: what a long F1 holder gives up per day."
      />
      <Figure
        label="VIX percentile"
        value={formatPercentile(ts.vixPercentile)}
        why={`Where today's VIX sits in ${ts.normsSource}.`}
      />
    </dl>
  );
}
