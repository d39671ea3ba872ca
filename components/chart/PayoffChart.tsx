import type { CondorCandidate } from '../../lib/engine/plan-types';
import { PayoffView } from './PayoffView';
import { modelOfCandidate } from './payoff-model';

export interface PayoffChartProps {
  candidate: CondorCandidate;
  /** Underlying now, index points (null when the page showed none). */
  spot: number | null;
  forward: number | null;
  title?: string;
  /** Today in New York, YYYY-MM-DD (names the date slider's day). */
  today?: string;
}

/** P&L of a plan's condor at expiry and before it; without a spot the expiry's forward stands in. */
export function PayoffChart({ candidate, spot, forward, title, today }: PayoffChartProps) {
  return (
    <div data-testid="payoff-chart">
      <PayoffView
        model={modelOfCandidate(candidate, spot, forward)}
        title={title ?? 'Payoff'}
        today={today}
      />
    </div>
  );
}
