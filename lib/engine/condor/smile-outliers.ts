import type { ExpirySmile } from './smile';

/** Solved vols this many times above (or below 1/this of) the median of their neighbours are impossible quotes. */
export const OFF_SMILE_RATIO = 2;
/** Knots on each side whose vols make the neighbourhood median. */
const NEIGHBOURS = 3;

export interface SmileOutlier {
  strike: number;
  side: 'call' | 'put';
  /** Our solved vol at this strike, annualised fraction. */
  vol: number;
  /** Median solved vol of its neighbours, annualised fraction. */
  around: number;
}

/**
 * Knots of a smile whose solved vol is implausible beside its neighbours: more than
 * OFF_SMILE_RATIO × (or less than 1/OFF_SMILE_RATIO of) the median of up to three solved
 * strikes on each side. Adjacent listed strikes of one expiry never differ in vol by a factor
 * of two; a stale quote from another regime does (a pre-split AAPL call at 475 % beside 40 %).
 * The side is the out-of-the-money one the vol was solved from.
 */
export function smileOutliers(s: ExpirySmile): SmileOutlier[] {
  const out: SmileOutlier[] = [];
  const n = s.strikes.length;
  for (let i = 0; i < n; i++) {
    const around: number[] = [];
    for (let j = Math.max(0, i - NEIGHBOURS); j <= Math.min(n - 1, i + NEIGHBOURS); j++)
      if (j !== i) around.push(s.vols[j] as number);
    if (around.length < 2) continue;
    around.sort((a, b) => a - b);
    const m = around.length >> 1;
    const median =
      around.length % 2 ? (around[m] as number) : 0.5 * ((around[m - 1] as number) + (around[m] as number));
    const vol = s.vols[i] as number;
    const strike = s.strikes[i] as number;
    if (vol > OFF_SMILE_RATIO * median || vol * OFF_SMILE_RATIO < median)
      out.push({ strike, side: strike < s.forward ? 'put' : 'call', vol, around: median });
  }
  return out;
}
