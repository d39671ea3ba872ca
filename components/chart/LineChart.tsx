import { type Domain, linear, pathOf, ticks } from './scale';

export interface Series {
  id: string;
  label: string;
  points: [number, number][];
  /** CSS class: "line-a" solid, "line-b" dashed … (colours in assets/theme.css). */
  cls: string;
}

export interface Marker {
  at: number;
  label: string;
  cls: string;
}

export interface Band {
  /** x, low y, high y */
  points: [number, number, number][];
  label: string;
}

export interface LineChartProps {
  title: string;
  /** Sentence read by screen readers, summarising what the chart shows. */
  summary: string;
  x: Domain;
  y: Domain;
  series: Series[];
  vMarkers?: Marker[];
  band?: Band | null;
  formatX: (v: number) => string;
  formatY: (v: number) => string;
  width?: number;
  height?: number;
}

const M = { l: 52, r: 20, t: 8, b: 26 };

/** A small SVG line chart: axes with round ticks, series, optional band and vertical markers. */
export function LineChart(p: LineChartProps) {
  const w = p.width ?? 340;
  const h = p.height ?? 190;
  const sx = linear(p.x, M.l, w - M.r);
  const sy = linear(p.y, h - M.b, M.t);
  const band = p.band;
  const bandPath =
    band && band.points.length > 1
      ? `${pathOf(
          band.points.map(([x, , hi]) => [x, hi]),
          sx,
          sy,
        )} ${pathOf(
          [...band.points].reverse().map(([x, lo]) => [x, lo]),
          sx,
          sy,
        ).replace(/^M/, 'L')} Z`
      : null;
  return (
    <figure class="chart">
      <svg viewBox={`0 0 ${w} ${h}`} role="img" aria-label={p.summary} tabindex={0}>
        <title>{p.title}</title>
        {ticks(p.y, 4).map((v) => (
          <g key={`y${v}`} class="grid">
            <line x1={M.l} x2={w - M.r} y1={sy(v)} y2={sy(v)} />
            <text x={M.l - 4} y={sy(v) + 3} text-anchor="end">
              {p.formatY(v)}
            </text>
          </g>
        ))}
        {ticks(p.x, 6).map((v) => (
          <text key={`x${v}`} class="tick" x={sx(v)} y={h - 8} text-anchor="middle">
            {p.formatX(v)}
          </text>
        ))}
        {bandPath && <path class="band" d={bandPath} />}
        {p.series.map((s) => (
          <path key={s.id} class={`line ${s.cls}`} d={pathOf(s.points, sx, sy)} data-series={s.id} />
        ))}
        {(p.vMarkers ?? []).map((m, i) => (
          <g key={m.label} class={`marker ${m.cls}`} data-marker={m.label}>
            <line x1={sx(m.at)} x2={sx(m.at)} y1={M.t} y2={h - M.b} />
            <text
              x={sx(m.at) + (sx(m.at) > w * 0.7 ? -2 : 2)}
              y={M.t + 9 + (i % 3) * 10}
              text-anchor={sx(m.at) > w * 0.7 ? 'end' : 'start'}
            >
              {m.label}
            </text>
          </g>
        ))}
      </svg>
      <figcaption class="legend">
        {p.series.map((s) => (
          <span key={s.id} class={`key ${s.cls}`}>
            {s.label}
          </span>
        ))}
        {band && <span class="key band-key">{band.label}</span>}
      </figcaption>
    </figure>
  );
}
