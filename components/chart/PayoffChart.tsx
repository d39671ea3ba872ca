import { OPTION_MULTIPLIER } from '../../lib/engine';
import type { CondorCandidate } from '../../lib/engine/plan-types';
import { formatStrike, formatUsd } from '../ui/format';
import { LineChart, type Marker, type Series } from './LineChart';
import { payoffDomain, payoffSeries } from './payoff';
import { extent } from './scale';

export interface PayoffChartProps {
  candidate: CondorCandidate;
  /** Underlying now, index points (null when the page showed none). */
  spot: number | null;
  forward: number | null;
  title?: string;
}

/** P&L of the condor at expiry and today, break-evens and spot marked; dollars for all contracts. */
export function PayoffChart({ candidate: c, spot: pageSpot, forward, title }: PayoffChartProps) {
  // Without a spot from the page, the expiry's forward stands in as "now" (x is then the forward).
  const spot = pageSpot ?? forward;
  const nowLabel = pageSpot !== null ? 'spot' : 'forward';
  const { expiry, today } = payoffSeries(c, spot, forward);
  const series: Series[] = [{ id: 'expiry', label: 'at expiry', points: expiry, cls: 'line-a' }];
  if (today.length) series.push({ id: 'today', label: 'today', points: today, cls: 'line-b' });
  const markers: Marker[] = [
    { at: c.breakEvenLow, label: `BE ${formatStrike(c.breakEvenLow)}`, cls: 'mark-be' },
    { at: c.breakEvenHigh, label: `BE ${formatStrike(c.breakEvenHigh)}`, cls: 'mark-be' },
  ];
  if (spot !== null) markers.push({ at: spot, label: `${nowLabel} ${formatStrike(spot)}`, cls: 'mark-spot' });
  const ys = [...expiry, ...today].map(([, y]) => y);
  const maxProfit = c.creditMid * OPTION_MULTIPLIER * c.contracts;
  const summary =
    `Payoff of ${c.contracts} condor(s): max profit ${formatUsd(maxProfit)} between ` +
    `${formatStrike(c.legs.shortPut.strike)} and ${formatStrike(c.legs.shortCall.strike)}, ` +
    `max loss ${formatUsd(c.maxLossUsd)} beyond the wings; break-evens ${formatStrike(c.breakEvenLow)} and ` +
    `${formatStrike(c.breakEvenHigh)}${spot !== null ? `; ${nowLabel} ${formatStrike(spot)}` : ''}.`;
  return (
    <div data-testid="payoff-chart">
      <LineChart
        title={title ?? 'Payoff'}
        summary={summary}
        x={payoffDomain(c, spot)}
        y={extent([...ys, 0], 0.08)}
        series={series}
        vMarkers={markers}
        formatX={(v) => formatStrike(Math.round(v))}
        formatY={(v) => formatUsd(v)}
      />
    </div>
  );
}
