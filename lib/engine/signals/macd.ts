import { ema } from './ema';

export interface MacdPoint {
  /** EMA(fast) − EMA(slow), price points. */
  macd: number;
  /** EMA(signalPeriod) of the MACD line. */
  signal: number;
  /** macd − signal. */
  histogram: number;
}

/**
 * MACD (Appel): EMA(fast) − EMA(slow) of closes, its EMA(signal), and the histogram.
 * With seed 'sma' (default) each EMA starts from a simple mean, as StockCharts and the
 * technicalindicators package do; 'first' reproduces Tulip Indicators. Output: one point per
 * close from the first index where the signal line exists; empty when too short.
 */
export function macd(
  closes: readonly number[],
  fast: number,
  slow: number,
  signalPeriod: number,
  seed: 'sma' | 'first' = 'sma',
): MacdPoint[] {
  const fastEma = ema(closes, fast, seed);
  const slowEma = ema(closes, slow, seed);
  // Align both EMAs to the close index they belong to.
  const fastStart = seed === 'sma' ? fast - 1 : 0;
  const slowStart = seed === 'sma' ? slow - 1 : 0;
  const line: number[] = [];
  for (let i = 0; i < slowEma.length; i++) {
    const idx = slowStart + i;
    line.push((fastEma[idx - fastStart] as number) - (slowEma[i] as number));
  }
  // Tulip's MACD starts its output at index slow−1 even with first-value seeding.
  const lineFrom = seed === 'first' ? slow - 1 : 0;
  const usable = line.slice(lineFrom);
  const signal = ema(usable, signalPeriod, seed);
  const signalStart = seed === 'sma' ? signalPeriod - 1 : 0;
  return signal.map((s, i) => {
    const m = usable[signalStart + i] as number;
    return { macd: m, signal: s, histogram: m - s };
  });
}
