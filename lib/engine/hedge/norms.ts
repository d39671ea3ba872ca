import type { NormStats } from './long-run-norms';

/** A metric's standing against its norms. */
export interface Standing {
  /** (x − mean)/sd against the pooled norms. */
  z: number;
  /** Share of observations at or below x, 0–100. */
  percentile: number;
  /** Observations behind the figures: built-in plus recorded. */
  count: number;
}

/** Percentile (0–100) of x under a knot table (0, 5, …, 100), linear between knots. */
export function percentileFromKnots(knots: readonly number[], x: number): number {
  const last = knots.length - 1;
  const step = 100 / last;
  if (x <= (knots[0] as number)) return 0;
  if (x >= (knots[last] as number)) return 100;
  for (let i = 1; i <= last; i++) {
    const hi = knots[i] as number;
    if (x <= hi) {
      const lo = knots[i - 1] as number;
      const frac = hi > lo ? (x - lo) / (hi - lo) : 1;
      return (i - 1 + frac) * step;
    }
  }
  return 100;
}

/**
 * Standing of x against the built-in long-run norms pooled with the recorded history: each
 * recorded observation counts as much as one built-in day. Pooled mean and variance come
 * from both samples' first and second moments; the percentile is the count-weighted mix of
 * the built-in knot table and the recorded sample (ties count half). Null when sd is 0.
 */
export function standing(builtin: NormStats, recorded: readonly number[], x: number): Standing | null {
  const n0 = builtin.count;
  const n1 = recorded.length;
  const n = n0 + n1;
  let sum = n0 * builtin.mean;
  // Sum of squares of the built-in sample from its sample sd: (n0−1)·sd² + n0·mean².
  let sumSq = (n0 - 1) * builtin.sd ** 2 + n0 * builtin.mean ** 2;
  let below = (n0 * percentileFromKnots(builtin.knots, x)) / 100;
  for (const v of recorded) {
    sum += v;
    sumSq += v * v;
    below += v < x ? 1 : v === x ? 0.5 : 0;
  }
  const mean = sum / n;
  const variance = (sumSq - n * mean * mean) / (n - 1);
  if (!(variance > 0)) return null;
  return { z: (x - mean) / Math.sqrt(variance), percentile: (100 * below) / n, count: n };
}
