import type { ChainSnapshot } from '../engine/snapshot-types';

/**
 * Rows kept per tab in session storage at most. Chrome gives session storage 10 MB in all; a
 * 20,000-row chain is ~4 MB of JSON, so big chains are stored trimmed (the engine keeps
 * working on the full chain held in memory; after a service-worker restart the next read
 * of the page brings it back). save-tab.ts trims further when a tab's state is over budget.
 */
export const MAX_STORED_ROWS = 4_000;
const MAX_STORED_FLAGS = 500;

/**
 * The chain as stored: unchanged when small, else the strikes nearest the money per expiry,
 * at most `maxRows` rows in all (0 keeps the expiries with no rows).
 */
export function compactForStorage(chain: ChainSnapshot, maxRows: number = MAX_STORED_ROWS): ChainSnapshot {
  const total = chain.expiries.reduce((n, e) => n + e.rows.length, 0);
  if (total <= maxRows && chain.flags.length <= MAX_STORED_FLAGS) return chain;
  const perExpiry = Math.floor(maxRows / Math.max(1, chain.expiries.length));
  const expiries = chain.expiries.map((e) => {
    if (e.rows.length <= perExpiry) return e;
    // Nearest the money: the underlying price when the page showed one, else the middle strike.
    const mid = chain.underlying.price ?? e.rows[e.rows.length >> 1]?.strike ?? 0;
    const kept = [...e.rows]
      .sort((a, b) => Math.abs(a.strike - mid) - Math.abs(b.strike - mid))
      .slice(0, perExpiry)
      .sort((a, b) => a.strike - b.strike);
    return { ...e, rows: kept };
  });
  const stored = expiries.reduce((n, e) => n + e.rows.length, 0);
  const note =
    stored === total
      ? null
      : `${stored} of ${total} rows kept for this tab's saved state (nearest the money); the plan used all ${total}.`;
  const joined = [chain.coverage.note, note].filter(Boolean).join(' ').slice(0, 2_000);
  return {
    ...chain,
    expiries,
    flags: chain.flags.slice(0, MAX_STORED_FLAGS),
    coverage: { ...chain.coverage, note: joined || null },
  };
}
