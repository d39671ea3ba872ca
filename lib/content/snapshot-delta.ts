/**
 * Sending a live page's chain without its unchanged rows. Cloning a 2,000-row snapshot into
 * `runtime.sendMessage` took about 9 ms of the page's main thread on every update (issue 14), most
 * of our per-update cost; after the first full snapshot a page that changed a few cells sends
 * only those rows. The background merges them over the chain it holds (series by series, strike
 * by strike: lib/engine/market/series-merge.ts), which is what it already does with full reads,
 * and refuses a partial snapshot it has no fresh base for: this side then sends the full one.
 *
 * A partial snapshot is the full read's snapshot (quote time, price, flags, dropped counts,
 * coverage: the whole read's) with every series of the read listed and, in each, only the rows
 * that differ from the last snapshot sent. A row that left the page is not expressible, but the
 * background keeps rows a read no longer shows anyway (virtualised grids), so a full snapshot
 * would not remove it either.
 */
import { seriesKey } from '../engine/market/series-merge';
import type { ChainRow, ChainSnapshot, Quote, Snapshot } from '../engine/snapshot-types';

/** Above this share of changed rows a full snapshot is sent (a partial one would save little). */
const MAX_CHANGED_SHARE = 0.5;

export interface Outgoing {
  snapshot: Snapshot;
  /** True when `snapshot` holds only the rows changed since the last one sent. */
  partial: boolean;
}

function sameQuote(a: Quote | null, b: Quote | null): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  return (
    a.bid === b.bid &&
    a.ask === b.ask &&
    a.last === b.last &&
    a.volume === b.volume &&
    a.openInterest === b.openInterest &&
    a.iv === b.iv &&
    a.delta === b.delta
  );
}

/** Rows compared by value; a live page's unchanged rows are the same frozen objects (build.ts). */
const sameRow = (a: ChainRow, b: ChainRow) =>
  a === b || (sameQuote(a.call, b.call) && sameQuote(a.put, b.put));

/** Who the rows belong to: a new reader, symbol or page starts from a full snapshot. */
const identity = (s: ChainSnapshot) => `${s.source.reader}|${s.underlying.symbol}|${s.source.url}`;

export interface DeltaSender {
  /** The snapshot to send for this read: partial when the last one sent is its base. */
  next(snapshot: Snapshot): Outgoing;
  /** The background refused a partial snapshot: the next one goes whole. */
  reset(): void;
}

/** The rows of `rows` that `held` does not have as they are (both in strike order, else all). */
function changedRows(rows: readonly ChainRow[], held: readonly ChainRow[] | undefined): ChainRow[] {
  if (!held) return [...rows];
  const out: ChainRow[] = [];
  let j = 0;
  // Indexed: a for…of here allocated on every read of a live page.
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i] as ChainRow;
    // Strike order is the builder's and the merge's: walk both lists once, no map per read.
    while (j < held.length && (held[j] as ChainRow).strike < r.strike) j++;
    const old = held[j];
    if (!old || old.strike !== r.strike || !sameRow(old, r)) out.push(r);
  }
  return out;
}

function inStrikeOrder(rows: readonly ChainRow[]): boolean {
  for (let i = 1; i < rows.length; i++)
    if (!((rows[i - 1] as ChainRow).strike < (rows[i] as ChainRow).strike)) return false;
  return true;
}

export function deltaSender(): DeltaSender {
  /** The last snapshot sent (its rows by series), when its rows were in strike order. */
  let base: { id: string; rows: Map<string, readonly ChainRow[]> } | null = null;
  const remember = (s: ChainSnapshot) => {
    const rows = new Map<string, readonly ChainRow[]>();
    for (const e of s.expiries) rows.set(seriesKey(e), e.rows);
    base = s.expiries.every((e) => inStrikeOrder(e.rows)) ? { id: identity(s), rows } : null;
  };
  return {
    next(snapshot) {
      if (snapshot.kind !== 'option-chain') return { snapshot, partial: false };
      const prev = base;
      remember(snapshot);
      if (!prev || !base || prev.id !== identity(snapshot)) return { snapshot, partial: false };
      let total = 0;
      let changed = 0;
      const expiries = snapshot.expiries.map((e) => {
        const rows = changedRows(e.rows, prev.rows.get(seriesKey(e)));
        total += e.rows.length;
        changed += rows.length;
        return rows.length === e.rows.length ? e : { ...e, rows };
      });
      if (total === 0 || changed > total * MAX_CHANGED_SHARE) return { snapshot, partial: false };
      return { snapshot: { ...snapshot, expiries }, partial: true };
    },
    reset() {
      base = null;
    },
  };
}
