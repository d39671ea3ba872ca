import type { TermStructure } from '../../lib/engine/plan-types';
import { LineChart, type Series } from '../chart/LineChart';
import { extent } from '../chart/scale';
import { formatNumber } from '../ui/format';
import { NORM_BAND_SOURCE, normBand } from './norm-band';

/** Today's VIX curve (spot at day 0, then the futures) against its norm band. */
export function TermStructureChart({ ts }: { ts: TermStructure }) {
  const points: [number, number][] = ts.curve.map((p) => [p.daysToExpiry, p.price]);
  if (ts.vixSpot !== null) points.unshift([0, ts.vixSpot]);
  const band = normBand(ts.curve);
  const series: Series[] = [{ id: 'curve', label: 'VIX curve today', points, cls: 'line-a' }];
  const ys = [...points.map(([, y]) => y), ...band.flatMap(([, lo, hi]) => [lo, hi])];
  const xs = points.map(([x]) => x);
  const summary = `VIX term structure, ${ts.label}: ${ts.vixSpot !== null ? `spot ${formatNumber(ts.vixSpot)}, ` : ''}${ts.curve
    .map((p) => `${p.expiry} ${formatNumber(p.price)}`)
    .join(', ')}.`;
  return (
    <div data-testid="term-structure-chart">
      <LineChart
        title="VIX term structure"
        summary={summary}
        x={extent([0, ...xs], 0.04)}
        y={extent(ys, 0.1)}
        series={series}
        band={band.length ? { points: band, label: `norm band (${NORM_BAND_SOURCE})` } : null}
        formatX={(v) => `${Math.round(v)} d`}
        formatY={(v) => formatNumber(v, 1)}
      />
    </div>
  );
}
