/**
 * Exponential moving average with smoothing 2/(period+1).
 *
 * `seed` says how the first value is formed: 'sma' (the simple average of the first `period`
 * values, output starting at index period−1: Appel's MACD as StockCharts and the
 * technicalindicators package compute it) or 'first' (the first value itself, output from
 * index 0: Tulip Indicators' convention). Returns one value per input from its start index.
 * Empty when there are fewer than `period` values ('sma') or no values ('first').
 */
export function ema(values: readonly number[], period: number, seed: 'sma' | 'first' = 'sma'): number[] {
  const k = 2 / (period + 1);
  const out: number[] = [];
  if (seed === 'first') {
    let prev = values[0];
    if (prev === undefined) return out;
    out.push(prev);
    for (let i = 1; i < values.length; i++) {
      prev = (values[i] as number) * k + prev * (1 - k);
      out.push(prev);
    }
    return out;
  }
  if (values.length < period) return out;
  let sum = 0;
  for (let i = 0; i < period; i++) sum += values[i] as number;
  let prev = sum / period;
  out.push(prev);
  for (let i = period; i < values.length; i++) {
    prev = (values[i] as number) * k + prev * (1 - k);
    out.push(prev);
  }
  return out;
}
