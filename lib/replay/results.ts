/**
 * Summaries of the replay's weekly equity: total P/L, max drawdown, worst week, and the change
 * of each layer's equity over the stress episodes.
 */
import type { EpisodeResult, EquityPoint, Layer, VariantResult } from './types';

/** Stress episodes the issue names; each from the first to the last calendar day of its window. */
export const EPISODES: readonly { name: string; from: string; to: string }[] = [
  { name: '2015-08', from: '2015-08-01', to: '2015-08-31' },
  { name: '2018-02', from: '2018-02-01', to: '2018-02-28' },
  { name: '2020-02/03', from: '2020-02-01', to: '2020-03-31' },
  { name: '2022', from: '2022-01-01', to: '2022-12-31' },
];

/** One week's equity of each layer, dollars of cumulative P/L. */
export interface LayerEquity {
  date: string;
  byLayer: Record<Layer, number>;
}

const round2 = (v: number) => Math.round(v * 100) / 100;

export function summarise(equity: EquityPoint[]): VariantResult {
  let peak = 0;
  let maxDd = 0;
  let worst: { date: string; pnlUsd: number } | null = null;
  let prev = 0;
  for (const p of equity) {
    peak = Math.max(peak, p.equityUsd);
    maxDd = Math.max(maxDd, peak - p.equityUsd);
    const change = p.equityUsd - prev;
    if (!worst || change < worst.pnlUsd) worst = { date: p.date, pnlUsd: round2(change) };
    prev = p.equityUsd;
  }
  return {
    totalPnlUsd: round2(equity.at(-1)?.equityUsd ?? 0),
    maxDrawdownUsd: round2(maxDd),
    worstWeek: worst,
    weeks: equity.length,
    equity: equity.map((p) => ({ date: p.date, equityUsd: round2(p.equityUsd) })),
  };
}

export function variant(points: readonly LayerEquity[], layers: readonly Layer[]): VariantResult {
  return summarise(
    points.map((p) => ({ date: p.date, equityUsd: layers.reduce((s, l) => s + p.byLayer[l], 0) })),
  );
}

/** Equity of each layer at the last point on or before `date` (0 before the first point). */
function at(points: readonly LayerEquity[], date: string, strictlyBefore: boolean): Record<Layer, number> {
  let found: Record<Layer, number> = { condor: 0, hedge: 0, press: 0 };
  for (const p of points) {
    if (strictlyBefore ? p.date >= date : p.date > date) break;
    found = p.byLayer;
  }
  return found;
}

/** Episodes inside the replayed range: change of each layer's equity from before `from` to `to`. */
export function episodes(points: readonly LayerEquity[]): EpisodeResult[] {
  const first = points[0]?.date;
  const last = points.at(-1)?.date;
  if (!first || !last) return [];
  return EPISODES.filter((e) => e.from >= first && e.to <= last).map((e) => {
    const a = at(points, e.from, true);
    const b = at(points, e.to, false);
    return {
      name: e.name,
      from: e.from,
      to: e.to,
      condorPnlUsd: round2(b.condor - a.condor),
      hedgePnlUsd: round2(b.hedge - a.hedge),
      pressPnlUsd: round2(b.press - a.press),
    };
  });
}
