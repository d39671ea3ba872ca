/**
 * Standard expiry dates: third-Friday monthlies and the VIX Wednesday settlement, for readers
 * (a VIX page that shows only "Dec" or "VX/Z6") and engine alike.
 * Source: Cboe VIX futures contract specification ("the Wednesday that is thirty days prior
 * to the third Friday of the calendar month immediately following the month in which the
 * contract expires"; if that Friday is a holiday, thirty days prior to the business day
 * before it; if the Wednesday is a holiday, the business day before the Wednesday).
 *
 * Holidays: the NYSE table (nyse-calendar.ts) where it covers the year, and in every year the
 * holidays a third Friday or its Wednesday can land on — Good Friday, New Year's Day,
 * Juneteenth (from 2022), Independence Day and Christmas with the weekend observance shift —
 * so dates before or after the table stay right (checked against every VX expiry 2013–2026).
 */

import {
  addDays,
  type CivilDate,
  dayOfWeek,
  formatIsoDate,
  nthWeekdayOfMonth,
  parseIsoDate,
} from './ny-time';
import { isTradingDay } from './nyse-calendar';

const FRIDAY = 5;
const VIX_DAYS_BEFORE = 30;
/** VX month codes, January … December. */
const MONTH_CODES = 'FGHJKMNQUVXZ';
/** First year Juneteenth (19 June) closed US exchanges. */
const JUNETEENTH_FROM = 2022;

/** Third Friday of a month (month 1–12), YYYY-MM-DD (not holiday-adjusted). */
export function thirdFriday(year: number, month: number): string {
  return formatIsoDate({ year, month, day: nthWeekdayOfMonth(year, month, FRIDAY, 3) });
}

/** Easter Sunday (Gregorian, anonymous algorithm — Meeus/Jones/Butcher). */
function easter(y: number): CivilDate {
  const a = y % 19;
  const b = Math.floor(y / 100);
  const c = y % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  return { year: y, month: Math.floor((h + l - 7 * m + 114) / 31), day: ((h + l - 7 * m + 114) % 31) + 1 };
}

function isFixedHoliday(d: CivilDate): boolean {
  const md = formatIsoDate(d).slice(5);
  return md === '01-01' || md === '07-04' || md === '12-25' || (md === '06-19' && d.year >= JUNETEENTH_FROM);
}

/** True when exchanges are closed on a weekday that a VIX expiry rule can land on. */
function isHoliday(d: CivilDate): boolean {
  const dow = dayOfWeek(d);
  if (dow === 0 || dow === 6 || !isTradingDay(d) || isFixedHoliday(d)) return true;
  // Observed: a Saturday holiday is kept on the Friday before, a Sunday one on the Monday after.
  if (dow === FRIDAY && isFixedHoliday(addDays(d, 1))) return true;
  if (dow === 1 && isFixedHoliday(addDays(d, -1))) return true;
  return formatIsoDate(addDays(easter(d.year), -2)) === formatIsoDate(d);
}

function previousBusinessDay(d: CivilDate): CivilDate {
  let x = addDays(d, -1);
  while (isHoliday(x)) x = addDays(x, -1);
  return x;
}

/** VIX futures/options final settlement date for the contract month (1–12), YYYY-MM-DD. */
export function vixSettlementDate(year: number, month: number): string {
  const next: CivilDate =
    month === 12 ? { year: year + 1, month: 1, day: 1 } : { year, month: month + 1, day: 1 };
  let friday: CivilDate = { ...next, day: nthWeekdayOfMonth(next.year, next.month, FRIDAY, 3) };
  if (isHoliday(friday)) friday = previousBusinessDay(friday);
  const wed = addDays(friday, -VIX_DAYS_BEFORE);
  return formatIsoDate(isHoliday(wed) ? previousBusinessDay(wed) : wed);
}

/**
 * Monthly VIX future symbol → contract month. Accepts "VX/Z6", "VXZ6", "VXZ26", "VX Z6",
 * "/VXZ26". One-digit years resolve to the decade nearest `refYear`. Weeklies ("VX52/Z3")
 * return null: their dates are not derivable from the symbol.
 */
export function parseVixSymbol(symbol: string, refYear: number): { year: number; month: number } | null {
  const m = /^\/?VX\s*\/?\s*([FGHJKMNQUVXZ])(\d{1,2})$/i.exec(symbol.trim());
  if (!m) return null;
  const month = MONTH_CODES.indexOf((m[1] as string).toUpperCase()) + 1;
  const digits = m[2] as string;
  let year: number;
  if (digits.length === 2) year = 2000 + Number(digits);
  else {
    const base = refYear - (refYear % 10) + Number(digits);
    year = [base - 10, base, base + 10].reduce((best, y) =>
      Math.abs(y - refYear) < Math.abs(best - refYear) ? y : best,
    );
  }
  return parseIsoDate(formatIsoDate({ year, month, day: 1 })) ? { year, month } : null;
}
