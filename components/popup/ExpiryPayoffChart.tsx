import { condorPayoffAtExpiry, OPTION_MULTIPLIER } from '../../lib/engine';
import { LineChart } from '../chart/LineChart';
import { extent } from '../chart/scale';
import { formatStrike, formatUsd } from '../ui/format';
import type { CalcResult } from './calculator';

const SAMPLES = 81;

/** Payoff at expiry of the calculator's condor, dollars per condor; break-evens marked. */
export function ExpiryPayoffChart({ r }: { r: CalcResult }) {
  const { longPut, longCall } = r.strikes;
  const pad = Math.max((longCall - longPut) * 0.15, 10);
  const x = { min: Math.min(longPut, r.breakEvenLow) - pad, max: Math.max(longCall, r.breakEvenHigh) + pad };
  const points: [number, number][] = Array.from({ length: SAMPLES }, (_, i) => {
    const s = x.min + ((x.max - x.min) * i) / (SAMPLES - 1);
    return [s, condorPayoffAtExpiry(r.strikes, r.credit, s) * OPTION_MULTIPLIER];
  });
  return (
    <div data-testid="calc-chart">
      <LineChart
        title="Calculator payoff at expiry"
        summary={`Payoff at expiry per condor: max profit ${formatUsd(r.maxProfitUsd)}, max loss ${formatUsd(r.maxLossUsd)}, break-evens ${formatStrike(r.breakEvenLow)} and ${formatStrike(r.breakEvenHigh)}.`}
        x={x}
        y={extent([...points.map(([, y]) => y), 0], 0.08)}
        series={[{ id: 'expiry', label: 'at expiry, per condor', points, cls: 'line-a' }]}
        vMarkers={[
          { at: r.breakEvenLow, label: `BE ${formatStrike(r.breakEvenLow)}`, cls: 'mark-be' },
          { at: r.breakEvenHigh, label: `BE ${formatStrike(r.breakEvenHigh)}`, cls: 'mark-be' },
        ]}
        formatX={(v) => formatStrike(Math.round(v))}
        formatY={(v) => formatUsd(v)}
        height={160}
      />
    </div>
  );
}
