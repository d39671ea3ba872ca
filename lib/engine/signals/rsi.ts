/**
 * Relative Strength Index with Wilder's smoothing (Wilder 1978, "New Concepts in Technical
 * Trading Systems"): the first average gain/loss is the simple mean of the first `period`
 * close-to-close changes, then avg = (prev·(period−1) + current)/period.
 * RSI = 100 − 100/(1 + avgGain/avgLoss), 100 when there was no loss at all.
 *
 * @param closes daily closes, oldest first
 * @param period look-back in sessions (14 by default in ALVH)
 * @returns one RSI (0–100) per close from index `period` on; empty when too short
 */
export function rsiWilder(closes: readonly number[], period: number): number[] {
  const out: number[] = [];
  if (closes.length <= period) return out;
  let gain = 0;
  let loss = 0;
  for (let i = 1; i <= period; i++) {
    const d = (closes[i] as number) - (closes[i - 1] as number);
    if (d > 0) gain += d;
    else loss -= d;
  }
  gain /= period;
  loss /= period;
  out.push(rsiFrom(gain, loss));
  for (let i = period + 1; i < closes.length; i++) {
    const d = (closes[i] as number) - (closes[i - 1] as number);
    gain = (gain * (period - 1) + Math.max(d, 0)) / period;
    loss = (loss * (period - 1) + Math.max(-d, 0)) / period;
    out.push(rsiFrom(gain, loss));
  }
  return out;
}

function rsiFrom(avgGain: number, avgLoss: number): number {
  if (avgLoss === 0) return avgGain === 0 ? 50 : 100;
  return 100 - 100 / (1 + avgGain / avgLoss);
}
