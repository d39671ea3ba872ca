/**
 * Keeps a tab's merged chain within the snapshot caps (lib/schema/snapshot.ts), so a page
 * that shows one expiry after another never reaches the point where every new read is
 * refused (after 200 merged expiries it once was, and the old plan stayed up). Expiries the
 * newest read did not show go first, earliest date first; rows beyond the per-expiry cap go
 * farthest from the money first. What was left out is said in the coverage note.
 */
import type { ChainSnapshot } from '../engine/snapshot-types';
import { MAX_EXPIRIES, MAX_ROWS_PER_EXPIRY } from '../schema/snapshot';

const MAX_FLAGS = 5_000;

export function boundMergedChain(merged: ChainSnapshot, newest: ChainSnapshot): ChainSnapshot {
  let expiries = merged.expiries;
  const notes: string[] = [];
  if (expiries.length > MAX_EXPIRIES) {
    const fresh = new Set(newest.expiries.map((e) => `${e.expiry}|${e.root ?? ''}|${e.settlement ?? ''}`));
    const older = expiries
      .filter((e) => !fresh.has(`${e.expiry}|${e.root ?? ''}|${e.settlement ?? ''}`))
      .sort((a, b) => a.expiry.localeCompare(b.expiry));
    const drop = new Set(older.slice(0, expiries.length - MAX_EXPIRIES));
    expiries = expiries.filter((e) => !drop.has(e)).slice(-MAX_EXPIRIES);
    notes.push(`${drop.size} earlier-read expiries left out (at most ${MAX_EXPIRIES} kept).`);
  }
  const price = merged.underlying.price;
  let trimmed = 0;
  expiries = expiries.map((e) => {
    if (e.rows.length <= MAX_ROWS_PER_EXPIRY) return e;
    const mid = price ?? e.rows[e.rows.length >> 1]?.strike ?? 0;
    trimmed += e.rows.length - MAX_ROWS_PER_EXPIRY;
    const rows = [...e.rows]
      .sort((a, b) => Math.abs(a.strike - mid) - Math.abs(b.strike - mid))
      .slice(0, MAX_ROWS_PER_EXPIRY)
      .sort((a, b) => a.strike - b.strike);
    return { ...e, rows };
  });
  if (trimmed > 0)
    notes.push(`${trimmed} rows farthest from the money left out (${MAX_ROWS_PER_EXPIRY} per expiry kept).`);
  if (notes.length === 0 && merged.flags.length <= MAX_FLAGS) return merged;
  const note = [merged.coverage.note, ...notes].filter(Boolean).join(' ').slice(0, 2_000);
  return {
    ...merged,
    expiries,
    flags: merged.flags.slice(0, MAX_FLAGS),
    coverage: {
      ...merged.coverage,
      expiriesRead: expiries.length,
      rowsRead: expiries.reduce((n, e) => n + e.rows.length, 0),
      note: note || null,
    },
  };
}
