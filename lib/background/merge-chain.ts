import type { ChainSnapshot } from '../engine/snapshot-types';

/**
 * Merges a newly read chain into the one already held for a tab (same symbol): expiries in
 * the new snapshot replace the old rows strike by strike, expiries only in the old one are
 * kept while they are fresh (read within `freshMs`). Used when a page shows one expiry at a
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
  const expiries = new Map(held.expiries.map((e) => [e.expiry, e]));
  for (const e of next.expiries) {
    const old = expiries.get(e.expiry);
    if (!old) {
      expiries.set(e.expiry, e);
      continue;
    }
    const rows = new Map(old.rows.map((r) => [r.strike, r]));
    for (const r of e.rows) rows.set(r.strike, r);
    expiries.set(e.expiry, { ...e, rows: [...rows.values()].sort((a, b) => a.strike - b.strike) });
  }
  const merged = [...expiries.values()].sort((a, b) => a.expiry.localeCompare(b.expiry));
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
