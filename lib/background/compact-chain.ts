import type { ChainSnapshot } from '../engine/snapshot-types';

/**
 * Rows kept per tab in session storage. Chrome gives session storage 10 MB in all; a
 * 20,000-row chain is ~4 MB of JSON, so big chains are stored trimmed (the engine keeps
 * working on the full chain held in memory; after a service-worker restart the next read
 * of the page brings it back).
 */
export const MAX_STORED_ROWS = 4_000;
const MAX_STORED_FLAGS = 500;

/** The chain as stored: unchanged when small, else the strikes nearest the money per expiry. */
export function compactForStorage(chain: ChainSnapshot): ChainSnapshot {
  const total = chain.expiries.reduce((n, e) => n + e.rows.length, 0);
  if (total <= MAX_STORED_ROWS && chain.flags.length <= MAX_STORED_FLAGS) return chain;
  const perExpiry = Math.max(20, Math.floor(MAX_STORED_ROWS / Math.max(1, chain.expiries.length)));
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
  const note = `${stored} of ${total} rows kept for this tab's saved state (nearest the money); the plan used all ${total}.`;
  return {
    ...chain,
    expiries,
    flags: chain.flags.slice(0, MAX_STORED_FLAGS),
    coverage: { ...chain.coverage, note: chain.coverage.note ? `${chain.coverage.note} ${note}` : note },
  };
}
