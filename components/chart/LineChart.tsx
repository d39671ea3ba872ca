import type { TargetedKeyboardEvent, TargetedPointerEvent } from 'preact';
import { clampLabel, labelLanes, labelWidthPx } from './label-lanes';
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

/** The crosshair's position (x in domain units) and the values read there. */
export interface Cursor {
  x: number;
  rows: { label: string; value: string; y: number | null; cls: string }[];
}

export interface LineChartProps {
  title: string;
  /** Sentence read by screen readers, summarising what the chart shows. */
  summary: string;
  x: Domain;
  y: Domain;
  series: Series[];
  /** Vertical markers; their labels sit in rows above the plot, never on the lines. */
  vMarkers?: Marker[];
  /** Labelled horizontal lines (max profit, max loss). */
  hLines?: Marker[];
  band?: Band | null;
  formatX: (v: number) => string;
  formatY: (v: number) => string;
  width?: number;
  height?: number;
  /** Crosshair to draw (null: none). */
  cursor?: Cursor | null;
  /** Makes the chart interactive: pointer and arrow keys move the crosshair (x, or null to hide). */
  onCursor?: (x: number | null) => void;
  /** Arrow-key step in x units (Shift: ×5). */
  cursorStep?: number;
}

const M = { l: 52, r: 20, t: 8, b: 26 };
const LANE_PX = 11;

/** A small SVG line chart: axes with round ticks, series, band, markers, optional crosshair. */
export function LineChart(p: LineChartProps) {
  const w = p.width ?? 340;
  const markers = p.vMarkers ?? [];
  const sx0 = linear(p.x, M.l, w - M.r);
  const boxes = markers.map((m) => {
    const width = labelWidthPx(m.label);
    return { left: clampLabel(sx0(m.at), width, 0, w), width };
  });
  const lanes = labelLanes(boxes);
  const laneCount = markers.length ? Math.max(...lanes) + 1 : 0;
  const top = M.t + laneCount * LANE_PX;
  const h = (p.height ?? 190) + laneCount * LANE_PX;
  const sx = sx0;
  const sy = linear(p.y, h - M.b, top);
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
  const step = p.cursorStep ?? (p.x.max - p.x.min) / 100;
  const toDomain = (px: number) => p.x.min + ((px - M.l) / (w - M.l - M.r)) * (p.x.max - p.x.min);
  const clampX = (v: number) => Math.min(p.x.max, Math.max(p.x.min, v));
  const onPointer = (e: TargetedPointerEvent<SVGSVGElement>) => {
    const r = e.currentTarget.getBoundingClientRect();
    if (!(r.width > 0)) return;
    p.onCursor?.(clampX(toDomain(((e.clientX - r.left) / r.width) * w)));
  };
  const onKey = (e: TargetedKeyboardEvent<SVGSVGElement>) => {
    const at = p.cursor?.x ?? (p.x.min + p.x.max) / 2;
    const k = e.shiftKey ? 5 : 1;
    const next: Record<string, number> = {
      ArrowLeft: at - step * k,
      ArrowRight: at + step * k,
      Home: p.x.min,
      End: p.x.max,
    };
    if (e.key === 'Escape') p.onCursor?.(null);
    else if (e.key in next) p.onCursor?.(clampX(next[e.key] as number));
    else return;
    e.preventDefault();
  };
  const interactive = p.onCursor !== undefined;
  const c = p.cursor;
  return (
    <figure class="chart">
      <svg
        viewBox={`0 0 ${w} ${h}`}
        role="img"
        aria-label={p.summary}
        tabindex={0}
        aria-keyshortcuts={interactive ? 'ArrowLeft ArrowRight Home End Escape' : undefined}
        onPointerMove={interactive ? onPointer : undefined}
        onPointerDown={interactive ? onPointer : undefined}
        onKeyDown={interactive ? onKey : undefined}
        class={interactive ? 'interactive' : undefined}
      >
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
        {bandPath && band && (
          <g data-band="">
            <path class="band" d={bandPath} />
            {/* Both edges drawn, so the band reads as a range, not a shape. */}
            <path
              class="band-edge"
              d={pathOf(
                band.points.map(([x, , hi]) => [x, hi]),
                sx,
                sy,
              )}
            />
            <path
              class="band-edge"
              d={pathOf(
                band.points.map(([x, lo]) => [x, lo]),
                sx,
                sy,
              )}
            />
          </g>
        )}
        {(p.hLines ?? []).map((l) => (
          <g key={l.label} class={`hline ${l.cls}`} data-hline={l.label}>
            <line x1={M.l} x2={w - M.r} y1={sy(l.at)} y2={sy(l.at)} />
            <text x={M.l + 3} y={sy(l.at) + (sy(l.at) < (top + h - M.b) / 2 ? -3 : 10)}>
              {l.label}
            </text>
          </g>
        ))}
        {p.series.map((s) => (
          <path key={s.id} class={`line ${s.cls}`} d={pathOf(s.points, sx, sy)} data-series={s.id} />
        ))}
        {markers.map((m, i) => (
          <g key={m.label} class={`marker ${m.cls}`} data-marker={m.label} data-lane={lanes[i]}>
            <line x1={sx(m.at)} x2={sx(m.at)} y1={top} y2={h - M.b} />
            <text x={(boxes[i]?.left ?? 0) + 2} y={M.t + 8 + (lanes[i] ?? 0) * LANE_PX}>
              {m.label}
            </text>
          </g>
        ))}
        {c && (
          <g class="crosshair" data-crosshair={c.x}>
            <line x1={sx(c.x)} x2={sx(c.x)} y1={top} y2={h - M.b} />
            {c.rows.map((r) =>
              r.y === null ? null : <circle key={r.label} class={r.cls} cx={sx(c.x)} cy={sy(r.y)} r={3} />,
            )}
          </g>
        )}
      </svg>
      {interactive && (
        <p class="readout" aria-live="polite" data-testid="chart-readout">
          {c ? (
            <>
              <strong>At {p.formatX(c.x)}:</strong>{' '}
              {c.rows.map((r, i) => (
                <span key={r.label} class={`readout-item ${r.cls}`}>
                  {i > 0 ? ' · ' : ''}
                  {r.label} <span class="num">{r.value}</span>
                </span>
              ))}
            </>
          ) : (
            <span class="muted">
              Point at the chart, or focus it and use the arrow keys, to read P/L at a price.
            </span>
          )}
        </p>
      )}
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
