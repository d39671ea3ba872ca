/**
 * Builds a VIX curve snapshot from (expiry, symbol, price) rows: sorted by expiry, one entry
 * per expiry, non-positive prices dropped, capped at the schema's MAX_FUTURES.
 */
import type { VixCurveSnapshot, VixFuture } from '../engine/snapshot-types';
import { MAX_FUTURES } from '../schema/snapshot';

export interface VixCurveInput {
  reader: string;
  url: string;
  readAt: string;
  spot: number | null;
  indices: VixCurveSnapshot['indices'];
  futures: VixFuture[];
}

/** Normalises futures and returns the snapshot. */
export function buildVixCurve(input: VixCurveInput): VixCurveSnapshot {
  const byExpiry = new Map<string, VixFuture>();
  for (const f of input.futures) {
    if (!(f.price > 0) || !Number.isFinite(f.price)) continue;
    if (!byExpiry.has(f.expiry)) byExpiry.set(f.expiry, { ...f, symbol: f.symbol?.slice(0, 16) ?? null });
  }
  const futures = [...byExpiry.values()].sort((a, b) => (a.expiry < b.expiry ? -1 : 1)).slice(0, MAX_FUTURES);
  const indices: VixCurveSnapshot['indices'] = {};
  for (const k of ['VIX9D', 'VIX3M', 'VIX6M'] as const) {
    const v = input.indices[k];
    if (v !== undefined && v > 0) indices[k] = v;
  }
  return {
    kind: 'vix-curve',
    source: { reader: input.reader, url: input.url.slice(0, 4_000), readAt: input.readAt },
    spot: input.spot !== null && input.spot > 0 ? input.spot : null,
    indices,
    futures,
  };
}
