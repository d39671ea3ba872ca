import { extent, linear, pathOf, ticks } from '../chart/scale';
import { formatUsd } from '../ui/format';

/**
 * Weekly equity of the replay's three variants, in the style of components/chart/LineChart
 * (same scale helpers and classes) but with three lines told apart by dash pattern, since the
 * theme has two line colours.
 */
export interface EquitySeries {
  id: string;
  label: string;
  points: { date: string; equityUsd: number }[];
}

const M = { l: 60, r: 16, t: 8, b: 26 };
const STYLES = [
  { cls: 'line-a', dash: undefined },
  { cls: 'line-b', dash: '4 3' },
  { cls: 'line-a', dash: '1 3' },
] as const;

/** "2018-02-09" → 2018.107 (year plus fraction). */
export function yearOf(date: string): number {
  const y = Number(date.slice(0, 4));
  const start = Date.UTC(y, 0, 1);
  return y + (Date.parse(`${date}T00:00:00Z`) - start) / (Date.UTC(y + 1, 0, 1) - start);
}

export function EquityChart({
  series,
  width = 640,
  height = 240,
}: {
  series: EquitySeries[];
  width?: number;
  height?: number;
}) {
  const xs = series.flatMap((s) => s.points.map((p) => yearOf(p.date)));
  const ys = [0, ...series.flatMap((s) => s.points.map((p) => p.equityUsd))];
  const x = extent(xs, 0.01);
  const y = extent(ys, 0.08);
  const sx = linear(x, M.l, width - M.r);
  const sy = linear(y, height - M.b, M.t);
  const summary = `Weekly equity of ${series.length} variants: ${series
    .map((s) => `${s.label} ends at ${formatUsd(s.points.at(-1)?.equityUsd ?? 0)}`)
    .join('; ')}.`;
  return (
    <figure class="chart" data-testid="replay-equity-chart">
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={summary} tabindex={0}>
        <title>Weekly equity, cumulative P/L in dollars</title>
        {ticks(y, 4).map((v) => (
          <g key={`y${v}`} class="grid">
            <line x1={M.l} x2={width - M.r} y1={sy(v)} y2={sy(v)} />
            <text x={M.l - 4} y={sy(v) + 3} text-anchor="end">
              {formatUsd(v)}
            </text>
          </g>
        ))}
        {ticks(x, 6)
          .filter((v) => Number.isInteger(v))
          .map((v) => (
            <text key={`x${v}`} class="tick" x={sx(v)} y={height - 8} text-anchor="middle">
              {String(v)}
            </text>
          ))}
        {series.map((s, i) => {
          const st = STYLES[i % STYLES.length] ?? STYLES[0];
          return (
            <path
              key={s.id}
              class={`line ${st.cls}`}
              stroke-dasharray={st.dash}
              style={st.dash ? { strokeDasharray: st.dash } : undefined}
              d={pathOf(
                s.points.map((p) => [yearOf(p.date), p.equityUsd]),
                sx,
                sy,
              )}
              data-series={s.id}
            />
          );
        })}
      </svg>
      <figcaption class="legend">
        {series.map((s, i) => {
          const st = STYLES[i % STYLES.length] ?? STYLES[0];
          return (
            <span key={s.id} class={st.cls}>
              <svg width="16" height="6" aria-hidden="true">
                <line
                  x1="0"
                  x2="16"
                  y1="3"
                  y2="3"
                  stroke="currentColor"
                  stroke-width="2"
                  stroke-dasharray={st.dash}
                />
              </svg>{' '}
              {s.label}
            </span>
          );
        })}
      </figcaption>
    </figure>
  );
}
