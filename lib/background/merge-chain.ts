import { mergeSeries } from '../engine/market/series-merge';
import type { ChainSnapshot } from '../engine/snapshot-types';

/**
 * Merges a newly read chain into the one already held for a tab (same symbol): series
 * (expiry, root, settlement — lib/engine/market/series-merge.ts) in the new snapshot replace the
 * old rows strike by strike, series only in the old one are kept while they are fresh (read
 * within `freshMs`). Used when a page shows one expiry at a
 * time, or a virtualised grid shows only some strikes.
 */
export function mergeChainSnapshots(
  held: ChainSnapshot | null,
  next: ChainSnapshot,
  nowMs: number,
  freshMs: number,
): ChainSnapshot {
  if (!held || held.underlying.symbol !== next.underlying.symbol) return next;
  if (nowMs - Date.parse(held.source.readAt) > freshMs) return next;
  const merged = mergeSeries(held.expiries, next.expiries);
  const rowsRead = merged.reduce((n, e) => n + e.rows.length, 0);
  return {
    ...next,
    underlying: { ...next.underlying, price: next.underlying.price ?? held.underlying.price },
    expiries: merged,
    coverage: {
      ...next.coverage,
      expiriesListed: Math.max(next.coverage.expiriesListed, merged.length),
      expiriesRead: merged.length,
      rowsRead,
    },
  };
}
