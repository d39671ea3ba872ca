/**
 * NYSE trading calendar 2025–2027: full-day closures and 13:00 ET early closes, as
 * published by NYSE ("Holidays & Trading Hours", nyse.com/markets/hours-calendars).
 * 2025 includes the National Day of Mourning for President Carter (Thursday 9 January).
 * Outside 2025–2027 only weekends are known: callers get `calendarCovers(year) === false`.
 */
import { addDays, type CivilDate, dayOfWeek, formatIsoDate } from './ny-time';

/** First and last year whose holidays are built in. */
export const CALENDAR_FIRST_YEAR = 2025;
export const CALENDAR_LAST_YEAR = 2027;

const HOLIDAYS = new Set([
  // 2025
  '2025-01-01',
  '2025-01-09',
  '2025-01-20',
  '2025-02-17',
  '2025-04-18',
  '2025-05-26',
  '2025-06-19',
  '2025-07-04',
  '2025-09-01',
  '2025-11-27',
  '2025-12-25',
  // 2026 (Independence Day observed Friday 3 July)
  '2026-01-01',
  '2026-01-19',
  '2026-02-16',
  '2026-04-03',
  '2026-05-25',
  '2026-06-19',
  '2026-07-03',
  '2026-09-07',
  '2026-11-26',
  '2026-12-25',
  // 2027 (Juneteenth observed Fri 18 June, Independence Day Mon 5 July, Christmas Fri 24 Dec;
  // New Year 2028 falls on a Saturday and is not observed on Friday 31 December 2027)
  '2027-01-01',
  '2027-01-18',
  '2027-02-15',
  '2027-03-26',
  '2027-05-31',
  '2027-06-18',
  '2027-07-05',
  '2027-09-06',
  '2027-11-25',
  '2027-12-24',
]);

/** 13:00 ET closes (day before Independence Day, day after Thanksgiving, Christmas Eve). */
const EARLY_CLOSES = new Set([
  '2025-07-03',
  '2025-11-28',
  '2025-12-24',
  '2026-11-27',
  '2026-12-24',
  '2027-11-26',
]);

/** Regular session open and close, New York local time (hour, minute). */
export const NYSE_OPEN = { hour: 9, minute: 30 } as const;
export const NYSE_CLOSE = { hour: 16, minute: 0 } as const;
export const NYSE_EARLY_CLOSE = { hour: 13, minute: 0 } as const;

/** True when the built-in holiday list covers this year. */
export function calendarCovers(year: number): boolean {
  return year >= CALENDAR_FIRST_YEAR && year <= CALENDAR_LAST_YEAR;
}

/** True for a weekday that is not an NYSE holiday. */
export function isTradingDay(d: CivilDate): boolean {
  const dow = dayOfWeek(d);
  return dow !== 0 && dow !== 6 && !HOLIDAYS.has(formatIsoDate(d));
}

/** True when NYSE closes at 13:00 ET that day. */
export function isEarlyClose(d: CivilDate): boolean {
  return EARLY_CLOSES.has(formatIsoDate(d));
}

/** The date itself if it is a trading day, else the nearest earlier trading day. */
export function previousOrSameTradingDay(d: CivilDate): CivilDate {
  let cur = d;
  while (!isTradingDay(cur)) cur = addDays(cur, -1);
  return cur;
}

/** Number of trading days in (from, to]: 0 when to ≤ from. */
export function tradingDaysBetween(from: CivilDate, to: CivilDate): number {
  let count = 0;
  let cur = addDays(from, 1);
  const end = formatIsoDate(to);
  for (let guard = 0; guard < 5000 && formatIsoDate(cur) <= end; guard++) {
    if (isTradingDay(cur)) count++;
    cur = addDays(cur, 1);
  }
  return count;
}
