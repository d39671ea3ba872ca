import { parseIsoDate } from '../market/ny-time';
import { tradingDaysBetween } from '../market/nyse-calendar';

/** History ending more than this many trading days before the plan's date is too old for signals. */
export const MAX_HISTORY_LAG_TRADING_DAYS = 5;

export interface HistoryFreshness {
  /** Date of the last session in the history, YYYY-MM-DD. */
  lastDate: string;
  /** Trading days after the last session up to and including the plan's date (NYSE calendar). */
  tradingDaysBehind: number;
  fresh: boolean;
}

/**
 * How far the history's last session lies behind the plan's date (YYYY-MM-DD), in NYSE
 * trading days: history ending Friday is 1 day behind a Monday plan, 0 behind a Friday one.
 * Signals from history more than MAX_HISTORY_LAG_TRADING_DAYS behind describe another market
 * and are switched off. Null for empty history or unreadable dates. Outside the built-in
 * holiday years only weekends are skipped (a holiday then counts as a trading day).
 */
export function historyFreshness(lastDate: string | undefined, planDate: string): HistoryFreshness | null {
  if (!lastDate) return null;
  const last = parseIsoDate(lastDate);
  const plan = parseIsoDate(planDate);
  if (!last || !plan) return null;
  const behind = tradingDaysBetween(last, plan);
  return { lastDate, tradingDaysBehind: behind, fresh: behind <= MAX_HISTORY_LAG_TRADING_DAYS };
}
