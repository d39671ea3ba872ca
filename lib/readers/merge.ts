/**
 * Merging reads of a live page. Virtualised grids render only the rows in view, and lazily
 * opened expirations appear one at a time: rows seen in earlier reads are kept while fresh
 * (younger than `maxAgeMs`) and the newest read wins for every row it shows. Rows belong to a
 * series (expiry, root, settlement): the merge is lib/engine/market/series-merge.ts, shared
 * with the background.
 */
import { mergeSeries, seriesKey } from '../engine/market/series-merge';
import type { ChainExpiry, ChainRow, ChainSnapshot } from '../engine/snapshot-types';
import { flagsDerivedFrom, qualityFlags, ROW_FLAG_KINDS } from './quality';

/** A row as last shown, and when. */
interface Seen {
  row: ChainRow;
  /** Epoch ms of the read that last showed this row. */
  seenAtMs: number;
}

/** One series' rows by strike (numbers as keys: a live page merges every read). */
interface SeenSeries {
  expiry: string;
  root: string | null;
  settlement: 'AM' | 'PM' | null;
  rows: Map<number, Seen>;
}

/** What the merge remembers between reads (opaque to callers). */
export interface MergeMemory {
  /** Reader + symbol + page path: a different page starts afresh. */
  identity: string;
  expiriesListed: number;
  /**
   * The last merged rows when all of them were seen by the last read (at `atMs`, epoch ms):
   * the usual case of a page that shows its whole chain, kept without a per-row record.
   */
  whole: { atMs: number; expiries: readonly ChainExpiry[] } | null;
  /** Otherwise: by series key (seriesKey), each row with when it was last seen. */
  series: Map<string, SeenSeries> | null;
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

/** Strikes in increasing order, none twice. */
function strictlyIncreasing(rows: readonly ChainRow[]): boolean {
  for (let i = 1; i < rows.length; i++)
    if (!((rows[i - 1] as ChainRow).strike < (rows[i] as ChainRow).strike)) return false;
  return true;
}

/** The same series objects in the same order. */
function sameSeries(a: readonly ChainExpiry[], b: readonly ChainExpiry[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Both lists have the same strikes at the same places, in increasing order. */
function sameStrikesInOrder(a: readonly ChainRow[], b: readonly ChainRow[]): boolean {
  let last = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < a.length; i++) {
    const k = (a[i] as ChainRow).strike;
    if (!(k > last) || k !== (b[i] as ChainRow).strike) return false;
    last = k;
  }
  return true;
}

/**
 * True when `next` shows every row of `old` again (same series, same strikes): then the merge
 * of the two is `next` alone. Checked without building per-row maps (a live page's common case,
 * once per read of thousands of rows); false when unsure (rows not in strike order).
 */
function showsEvery(next: readonly ChainExpiry[], old: readonly ChainExpiry[]): boolean {
  const byKey = new Map<string, ChainExpiry>();
  for (const e of next) byKey.set(seriesKey(e), e);
  for (const o of old) {
    if (o.rows.length === 0) continue;
    const n = byKey.get(seriesKey(o));
    if (!n || n.rows.length < o.rows.length) return false;
    // The usual case, the same strikes again: one pass over both.
    if (n.rows.length === o.rows.length && sameStrikesInOrder(n.rows, o.rows)) continue;
    if (!strictlyIncreasing(n.rows) || !strictlyIncreasing(o.rows)) return false;
    let j = 0;
    for (const row of o.rows) {
      while (j < n.rows.length && (n.rows[j] as ChainRow).strike < row.strike) j++;
      if (j === n.rows.length || (n.rows[j] as ChainRow).strike !== row.strike) return false;
    }
  }
  return true;
}

/** The memory's rows with when each was seen, as maps (built from `whole` when that holds them). */
function seenSeries(memory: MergeMemory): Map<string, SeenSeries> {
  if (memory.series) return memory.series;
  const out = new Map<string, SeenSeries>();
  for (const e of memory.whole?.expiries ?? []) {
    const seenAtMs = memory.whole?.atMs ?? 0;
    const rows = new Map<number, Seen>();
    for (const row of e.rows) rows.set(row.strike, { row, seenAtMs });
    out.set(seriesKey(e), { expiry: e.expiry, root: e.root, settlement: e.settlement, rows });
  }
  return out;
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
  const same = memory !== null && memory.identity === identity;
  // Nothing older to keep: the read alone (no per-row maps built).
  const readAlone =
    !same ||
    (memory.whole !== null &&
      (nowMs - memory.whole.atMs > maxAgeMs || showsEvery(next.expiries, memory.whole.expiries)));
  // The memory handed in is left as it was: fresh maps hold the rows still young enough.
  const series = new Map<string, SeenSeries>();
  const older: ChainExpiry[] = [];
  if (same && !readAlone) {
    for (const [key, kept] of seenSeries(memory)) {
      const rows = new Map<number, Seen>();
      for (const [strike, seen] of kept.rows) if (nowMs - seen.seenAtMs <= maxAgeMs) rows.set(strike, seen);
      if (rows.size === 0) continue;
      series.set(key, { expiry: kept.expiry, root: kept.root, settlement: kept.settlement, rows });
      const list: ChainRow[] = [];
      for (const seen of rows.values()) list.push(seen.row);
      older.push({ expiry: kept.expiry, root: kept.root, settlement: kept.settlement, rows: list });
    }
  }
  const expiries = mergeSeries(older, next.expiries);
  let shown = 0;
  for (const e of next.expiries) shown += e.rows.length;
  const listed = Math.max(next.coverage.expiriesListed, same ? memory.expiriesListed : 0);
  const rowsRead = expiries.reduce((n, e) => n + e.rows.length, 0);
  const kept = rowsRead - shown;
  if (kept > 0) {
    for (const e of next.expiries) {
      const key = seriesKey(e);
      let s = series.get(key);
      if (!s) {
        s = { expiry: e.expiry, root: e.root, settlement: e.settlement, rows: new Map() };
        series.set(key, s);
      }
      for (const row of e.rows) s.rows.set(row.strike, { row, seenAtMs: nowMs });
    }
  }
  const keptNote =
    kept > 0 ? `${kept} rows kept from earlier reads (scrolled out of view or collapsed)` : null;
  // The read's own flags (quote time from the close, IV unit assumed) stay; row flags are
  // recomputed on the merged rows.
  // A read merged with nothing older, whose flags were derived from these very series: its
  // flags are that already (quality.ts chainFlags).
  const flags =
    kept === 0 && sameSeries(expiries, next.expiries) && flagsDerivedFrom(next.flags, next.expiries)
      ? [...next.flags]
      : [...next.flags.filter((f) => !ROW_FLAG_KINDS.has(f.kind)), ...qualityFlags(expiries)];
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
  // Every merged row came from this read (none kept): the memory is the rows, seen now.
  const remembered = kept > 0 ? { whole: null, series } : { whole: { atMs: nowMs, expiries }, series: null };
  return { snapshot, memory: { identity, expiriesListed: listed, ...remembered } };
}
