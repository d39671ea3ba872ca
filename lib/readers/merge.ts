/**
 * Merging reads of a live page. Virtualised grids render only the rows in view, and lazily
 * opened expirations appear one at a time: rows seen in earlier reads are kept while fresh
 * (younger than `maxAgeMs`) and the newest read wins for every row it shows. Rows belong to a
 * series (expiry, root, settlement): the merge is lib/engine/market/series-merge.ts, shared
 * with the background.
 */
import { mergeSeries, seriesKey } from '../engine/market/series-merge';
import type { ChainExpiry, ChainRow, ChainSnapshot } from '../engine/snapshot-types';
import { qualityFlags, ROW_FLAG_KINDS } from './quality';

interface Seen {
  expiry: string;
  root: string | null;
  settlement: 'AM' | 'PM' | null;
  row: ChainRow;
  /** Epoch ms of the read that last showed this row. */
  seenAtMs: number;
}

/** What the merge remembers between reads (opaque to callers). */
export interface MergeMemory {
  /** Reader + symbol + page path: a different page starts afresh. */
  identity: string;
  rows: Map<string, Seen>;
  expiriesListed: number;
}

function identityOf(s: ChainSnapshot): string {
  let path = s.source.url;
  try {
    const u = new URL(s.source.url);
    path = `${u.origin}${u.pathname}`;
  } catch {
    // keep the raw string
  }
  return `${s.source.reader}|${s.underlying.symbol}|${path}`;
}

/**
 * Merges `next` into what earlier reads showed. Rows missing from `next` are kept if seen
 * less than `maxAgeMs` before `next.source.readAt`; a different reader/symbol/page resets.
 * @returns the merged snapshot (coverage, flags recomputed) and the memory for the next call.
 */
export function mergeChain(
  memory: MergeMemory | null,
  next: ChainSnapshot,
  maxAgeMs: number,
): { snapshot: ChainSnapshot; memory: MergeMemory } {
  const nowMs = Date.parse(next.source.readAt);
  const identity = identityOf(next);
  const rows = memory && memory.identity === identity ? new Map(memory.rows) : new Map<string, Seen>();
  for (const [k, seen] of rows) if (!(nowMs - seen.seenAtMs <= maxAgeMs)) rows.delete(k);
  const older = new Map<string, ChainExpiry>();
  for (const seen of rows.values()) {
    const key = seriesKey(seen);
    let e = older.get(key);
    if (!e) {
      e = { expiry: seen.expiry, root: seen.root, settlement: seen.settlement, rows: [] };
      older.set(key, e);
    }
    e.rows.push(seen.row);
  }
  const expiries = mergeSeries([...older.values()], next.expiries);
  let shown = 0;
  for (const e of next.expiries) {
    shown += e.rows.length;
    for (const row of e.rows) {
      rows.set(`${seriesKey(e)}|${row.strike}`, {
        expiry: e.expiry,
        root: e.root,
        settlement: e.settlement,
        row,
        seenAtMs: nowMs,
      });
    }
  }
  const listed = Math.max(
    next.coverage.expiriesListed,
    memory?.identity === identity ? memory.expiriesListed : 0,
  );
  const rowsRead = expiries.reduce((n, e) => n + e.rows.length, 0);
  const kept = rowsRead - shown;
  const keptNote =
    kept > 0 ? `${kept} rows kept from earlier reads (scrolled out of view or collapsed)` : null;
  // The read's own flags (quote time from the close, IV unit assumed) stay; row flags are
  // recomputed on the merged rows.
  const flags = [...next.flags.filter((f) => !ROW_FLAG_KINDS.has(f.kind)), ...qualityFlags(expiries)];
  if (kept > 0) {
    flags.push({
      kind: 'mixed-quote-times',
      expiry: null,
      strike: null,
      side: null,
      detail: `${kept} rows come from reads up to ${Math.round(maxAgeMs / 1000)} s older than the rest`,
    });
  }
  const snapshot: ChainSnapshot = {
    ...next,
    expiries,
    coverage: {
      expiriesListed: Math.max(listed, expiries.length),
      expiriesRead: expiries.length,
      rowsRead,
      note: [next.coverage.note, keptNote].filter(Boolean).join('; ') || null,
    },
    flags,
  };
  return { snapshot, memory: { identity, rows, expiriesListed: listed } };
}
