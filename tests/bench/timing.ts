/** Shared timing helpers for bench sections: medians of repeated runs, measured in one process. */

/** Median of a numeric list (the list is copied, not sorted in place). */
export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

/**
 * Times `fn` `repeats` times after `warmup` untimed calls; returns the per-call median in
 * milliseconds. Interleave calls to the things you compare when noise matters.
 */
export function timeMedianMs(fn: () => unknown, repeats = 15, warmup = 3): number {
  for (let i = 0; i < warmup; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  return median(times);
}
