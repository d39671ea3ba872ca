/**
 * Standard expiry dates: third-Friday monthlies and the VIX Wednesday settlement.
 * Source: Cboe VIX futures contract specification ("the Wednesday that is thirty days prior
 * to the third Friday of the calendar month immediately following the month in which the
 * contract expires"; if that Friday is a holiday, thirty days prior to the business day
 * before it; if the Wednesday is a holiday, the business day before the Wednesday).
 */

import { addDays, type CivilDate, formatIsoDate, nthWeekdayOfMonth } from './ny-time';
import { isTradingDay, previousOrSameTradingDay } from './nyse-calendar';

const FRIDAY = 5;
const VIX_DAYS_BEFORE = 30;

/** Third Friday of a month (month 1–12), YYYY-MM-DD (not holiday-adjusted). */
export function thirdFriday(year: number, month: number): string {
  return formatIsoDate({ year, month, day: nthWeekdayOfMonth(year, month, FRIDAY, 3) });
}

/** VIX futures/options final settlement date for the contract month (1–12), YYYY-MM-DD. */
export function vixSettlementDate(year: number, month: number): string {
  const next: CivilDate =
    month === 12 ? { year: year + 1, month: 1, day: 1 } : { year, month: month + 1, day: 1 };
  let friday: CivilDate = { ...next, day: nthWeekdayOfMonth(next.year, next.month, FRIDAY, 3) };
  if (!isTradingDay(friday)) friday = previousOrSameTradingDay(friday);
  return formatIsoDate(previousOrSameTradingDay(addDays(friday, -VIX_DAYS_BEFORE)));
}
