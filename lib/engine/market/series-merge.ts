/**
 * Merging two reads of one chain, series by series. A series is (expiry, root, settlement):
 * SPX (AM-settled monthly) and SPXW (PM-settled) share third-Friday dates and are different
 * contracts, so a merge keyed by date alone would fold one into the other. The one merge
 * used by the live reader (lib/readers/merge.ts) and the background (lib/background/merge-chain.ts).
 */
import type { ChainExpiry } from '../snapshot-types';

type SeriesId = Pick<ChainExpiry, 'expiry' | 'root' | 'settlement'>;

/** The identity of a series: "2026-12-18|SPXW|PM" (empty parts for an unknown root or settlement). */
export function seriesKey(e: SeriesId): string {
  return `${e.expiry}|${e.root ?? ''}|${e.settlement ?? ''}`;
}

/** Series order: expiry date, then root, then settlement (AM before PM). */
export function compareSeries(a: SeriesId, b: SeriesId): number {
  if (a.expiry !== b.expiry) return a.expiry < b.expiry ? -1 : 1;
  const r = (a.root ?? '').localeCompare(b.root ?? '');
  return r !== 0 ? r : (a.settlement ?? '').localeCompare(b.settlement ?? '');
}

function isSortedByStrike(e: ChainExpiry): boolean {
  for (let i = 1; i < e.rows.length; i++)
    if ((e.rows[i - 1]?.strike ?? 0) > (e.rows[i]?.strike ?? 0)) return false;
  return true;
}

/**
 * `newer` merged over `older`: in a series both show, the newer read wins strike by strike and
 * strikes only the older read showed are kept; series only in `older` are kept whole. Rows
 * sorted by strike, series by `compareSeries`. Neither input is modified.
 */
export function mergeSeries(older: readonly ChainExpiry[], newer: readonly ChainExpiry[]): ChainExpiry[] {
  const bySeries = new Map<string, ChainExpiry>();
  for (const e of older) bySeries.set(seriesKey(e), e);
  for (const e of newer) {
    const key = seriesKey(e);
    const old = bySeries.get(key);
    if (!old) {
      bySeries.set(key, e);
      continue;
    }
    const rows = new Map(old.rows.map((r) => [r.strike, r]));
    for (const r of e.rows) rows.set(r.strike, r);
    bySeries.set(key, { ...e, rows: [...rows.values()].sort((a, b) => a.strike - b.strike) });
  }
  return [...bySeries.values()]
    .map((e) => (isSortedByStrike(e) ? e : { ...e, rows: [...e.rows].sort((a, b) => a.strike - b.strike) }))
    .sort(compareSeries);
}
