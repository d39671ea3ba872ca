import type { SignalFigures, WhyEntry } from '../plan-types';
import type { Settings } from '../settings-types';
import { adDivergence, adLine } from './ad-line';
import type { DailyRecord } from './history-types';
import { macd } from './macd';
import { rsiWilder } from './rsi';

/** RSI at or above this reads as overbought (Wilder's own band). */
export const RSI_OVERBOUGHT = 70;
/** RSI at or below this reads as oversold. */
export const RSI_OVERSOLD = 30;

export interface SignalResult {
  figures: SignalFigures;
  why: WhyEntry[];
  /** Reasons the signals veto Layer 3 (empty when none). */
  pressVetoes: string[];
  /** Sessions of history used. */
  sessions: number;
}

/**
 * Signals from daily history (oldest first) and their condor tilt.
 * Votes: MACD histogram > 0 is +1 (up-momentum), < 0 is −1; RSI ≥ 70 is −1 (overbought,
 * pull-back risk), ≤ 30 is +1 (oversold); A/D divergence bullish +1, bearish −1.
 * A positive sum gives the upside more room ('calls-further'), a negative sum the downside
 * ('puts-further'). RSI outside 30–70 or a bearish divergence vetoes Layer 3 (not calm).
 */
export function computeSignals(history: readonly DailyRecord[], settings: Settings['signals']): SignalResult {
  const closes = history.map((d) => d.spxClose);
  const rsiSeries = rsiWilder(closes, settings.rsiPeriod);
  const rsi = rsiSeries.at(-1) ?? null;
  const macdSeries = macd(closes, settings.macdFast, settings.macdSlow, settings.macdSignal);
  const lastMacd = macdSeries.at(-1) ?? null;
  // The A/D line runs over the recent sessions that all have breadth (a gap restarts it).
  let from = history.length;
  while (from > 0 && history[from - 1]?.advances != null && history[from - 1]?.declines != null) from--;
  const recent = history.slice(from);
  const line = adLine(
    recent.map((d) => d.advances ?? 0),
    recent.map((d) => d.declines ?? 0),
  );
  const divergence = line.length > 0 ? adDivergence(closes.slice(from), line) : null;

  const why: WhyEntry[] = [];
  const vetoes: string[] = [];
  let votes = 0;
  if (lastMacd) {
    const v = Math.sign(lastMacd.histogram);
    votes += v;
    why.push({
      rule: 'macd-momentum',
      text:
        v > 0
          ? 'MACD is above its signal line: up-momentum, give the call side room.'
          : v < 0
            ? 'MACD is below its signal line: down-momentum, give the put side room.'
            : 'MACD equals its signal line: no momentum tilt.',
      inputs: { macd: lastMacd.macd, signal: lastMacd.signal, histogram: lastMacd.histogram },
    });
  }
  if (rsi !== null) {
    if (rsi >= RSI_OVERBOUGHT) {
      votes -= 1;
      vetoes.push(`RSI ${rsi.toFixed(1)} is overbought (≥ ${RSI_OVERBOUGHT})`);
    } else if (rsi <= RSI_OVERSOLD) {
      votes += 1;
      vetoes.push(`RSI ${rsi.toFixed(1)} is oversold (≤ ${RSI_OVERSOLD})`);
    }
    why.push({
      rule: 'rsi-band',
      text:
        rsi >= RSI_OVERBOUGHT
          ? 'RSI is overbought: pull-back risk, give the put side room.'
          : rsi <= RSI_OVERSOLD
            ? 'RSI is oversold: rebound risk, give the call side room.'
            : 'RSI is inside 30–70: no tilt from RSI.',
      inputs: { rsi, period: settings.rsiPeriod, overbought: RSI_OVERBOUGHT, oversold: RSI_OVERSOLD },
    });
  }
  if (divergence !== null) {
    if (divergence === 'bearish') {
      votes -= 1;
      vetoes.push('bearish A/D divergence: SPX high not confirmed by breadth');
    } else if (divergence === 'bullish') votes += 1;
    why.push({
      rule: 'ad-divergence',
      text:
        divergence === 'none'
          ? 'The A/D line confirms SPX: no divergence.'
          : `A/D line ${divergence} divergence from SPX over 20 sessions.`,
      inputs: { divergence, adLine: line.at(-1) ?? null },
    });
  }
  const tilt = votes > 0 ? 'calls-further' : votes < 0 ? 'puts-further' : 'neutral';
  return {
    figures: {
      rsi,
      macd: lastMacd,
      adLine: line.at(-1) ?? null,
      adDivergence: divergence,
      tilt,
    },
    why,
    pressVetoes: vetoes,
    sessions: history.length,
  };
}
