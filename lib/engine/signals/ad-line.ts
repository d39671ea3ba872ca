/**
 * Advance/decline line: running sum of (advances − declines), NYSE issues, from 0 at the
 * first session. One value per session, oldest first.
 */
export function adLine(advances: readonly number[], declines: readonly number[]): number[] {
  const out: number[] = [];
  let sum = 0;
  const n = Math.min(advances.length, declines.length);
  for (let i = 0; i < n; i++) {
    sum += (advances[i] as number) - (declines[i] as number);
    out.push(sum);
  }
  return out;
}

export type Divergence = 'bullish' | 'bearish' | 'none';

/** Sessions compared when looking for an A/D divergence (about one trading month). */
export const DIVERGENCE_LOOKBACK_SESSIONS = 20;

/**
 * Divergence of the A/D line from SPX over the last `lookback` sessions before the latest:
 * bearish when SPX closes at or above its highest close of that window while the A/D line
 * stays below its own highest value (price high not confirmed by breadth); bullish, mirrored,
 * at a new low. Both series oldest first, same length. Null when shorter than lookback + 1.
 */
export function adDivergence(
  spxCloses: readonly number[],
  ad: readonly number[],
  lookback = DIVERGENCE_LOOKBACK_SESSIONS,
): Divergence | null {
  const n = Math.min(spxCloses.length, ad.length);
  if (n < lookback + 1) return null;
  const spx = spxCloses.slice(n - lookback - 1, n);
  const line = ad.slice(n - lookback - 1, n);
  const lastSpx = spx[lookback] as number;
  const lastAd = line[lookback] as number;
  const priorSpx = spx.slice(0, lookback);
  const priorAd = line.slice(0, lookback);
  if (lastSpx >= Math.max(...priorSpx) && lastAd < Math.max(...priorAd)) return 'bearish';
  if (lastSpx <= Math.min(...priorSpx) && lastAd > Math.min(...priorAd)) return 'bullish';
  return 'none';
}
