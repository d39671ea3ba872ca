import { OPTION_MULTIPLIER as MULTIPLIER } from '../../lib/engine';
import type { CondorCandidate } from '../../lib/engine/plan-types';
import { limitLabel } from '../options/settings-fields';
import { Figure } from '../ui/Figure';
import { formatDays, formatNumber, formatPercent, formatPoints, formatStrike, formatUsd } from '../ui/format';

/** The figures of one condor, each with its "why" (rule and inputs). */
export function CondorFigures({ c }: { c: CondorCandidate }) {
  const { shortPut, shortCall, longPut, longCall } = c.legs;
  const width = Math.max(shortPut.strike - longPut.strike, longCall.strike - shortCall.strike);
  return (
    <dl class="figs">
      <Figure
        label="Expiry"
        value={`${c.expiry} (${formatDays(c.daysToExpiry)})`}
        why="Calendar days from the plan time to the settlement instant."
      />
      <Figure
        label="Credit (mid)"
        value={`${formatPoints(c.creditMid)} (${formatUsd(c.creditMid * MULTIPLIER)} per condor)`}
        why="Sum of the mids of the short legs minus the mids of the long legs."
      />
      <Figure
        label="Credit (natural)"
        value={formatPoints(c.creditNatural)}
        why="Sell at the bid, buy at the ask: what a market order would get."
      />
      <Figure
        label="Break-evens"
        value={
          <span data-testid="break-evens">
            {formatStrike(c.breakEvenLow)} – {formatStrike(c.breakEvenHigh)}
          </span>
        }
        why={`Short put ${formatStrike(shortPut.strike)} − credit ${formatPoints(c.creditMid)}; short call ${formatStrike(shortCall.strike)} + credit.`}
      />
      <Figure
        label="POP"
        value={formatPercent(c.probabilityOfProfit)}
        why="Probability of finishing between the break-evens under the solved vol smile."
      />
      <Figure
        label="Max loss"
        value={`${formatPoints(c.maxLoss)} (${formatUsd(c.maxLossUsd)} for ${c.contracts})`}
        why={`Widest wing ${formatNumber(width, 0)} pts − credit ${formatPoints(c.creditMid)}, × $${MULTIPLIER} × contracts.`}
      />
      <Figure
        label="Contracts"
        value={
          <>
            <span data-testid="contracts">{c.contracts}</span> (bound by {limitLabel(c.boundBy)})
          </>
        }
        why="The most condors every risk limit allows; the limit that binds is named. Change it in the options page."
      />
      <Figure
        label="Expected move"
        value={`± ${formatPoints(c.expectedMove, 1)}`}
        why="One sigma to expiry: forward × IV × √T."
      />
      <Figure label="Return on risk" value={formatPercent(c.returnOnRisk)} why="Credit (mid) ÷ max loss." />
      <Figure
        label="Greeks"
        value={`Δ ${formatUsd(c.greeks.deltaUsdPerPoint, true)}/pt · Γ ${formatNumber(c.greeks.gammaUsdPerPoint2, 3)} $/pt² · vega ${formatUsd(c.greeks.vegaUsdPerVolPoint, true)}/vol pt · θ ${formatUsd(c.greeks.thetaUsd, true)}${c.greeks.thetaUnit === 'usd-to-expiry' ? ' to expiry' : '/day'}`}
        why="Position greeks of one condor from the solved vols, in dollars (× $100 multiplier)."
      />
    </dl>
  );
}
