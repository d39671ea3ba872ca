/**
 * NYSE trading calendar: full-day closures and 13:00 ET early closes per year, as published by
 * NYSE ("Holidays & Trading Hours", https://www.nyse.com/markets/hours-calendars; NYSE lists
 * the current year and the next two or three). 2025 includes the National Day of Mourning for
 * President Carter (Thursday 9 January).
 *
 * To extend: add a year to NYSE_YEARS below with every closure and early close NYSE lists for
 * it (copy the dates from the page above, name the check date in the comment). Coverage is the
 * run of consecutive years present; outside it only weekends are known, callers get
 * `calendarCovers(year) === false`, and plans on such dates warn (`nyseCoverageWarning`).
 */
import { addDays, type CivilDate, dayOfWeek, formatIsoDate } from './ny-time';

interface NyseYear {
  /** Full-day closures, MM-DD. */
  closed: readonly string[];
  /** 13:00 ET closes, MM-DD. */
  earlyClose: readonly string[];
}

/** Checked against nyse.com/markets/hours-calendars (2025–2027 as listed in 2026). */
const NYSE_YEARS: Readonly<Record<number, NyseYear>> = {
  2025: {
    closed: [
      '01-01',
      '01-09',
      '01-20',
      '02-17',
      '04-18',
      '05-26',
      '06-19',
      '07-04',
      '09-01',
      '11-27',
      '12-25',
    ],
    earlyClose: ['07-03', '11-28', '12-24'],
  },
  // Independence Day observed Friday 3 July.
  2026: {
    closed: ['01-01', '01-19', '02-16', '04-03', '05-25', '06-19', '07-03', '09-07', '11-26', '12-25'],
    earlyClose: ['11-27', '12-24'],
  },
  // Juneteenth observed Fri 18 June, Independence Day Mon 5 July, Christmas Fri 24 Dec; New
  // Year 2028 falls on a Saturday and is not observed on Friday 31 December 2027.
  2027: {
    closed: ['01-01', '01-18', '02-15', '03-26', '05-31', '06-18', '07-05', '09-06', '11-25', '12-24'],
    earlyClose: ['11-26'],
  },
};

const YEARS = Object.keys(NYSE_YEARS)
  .map(Number)
  .sort((a, b) => a - b);

/** First and last year whose holidays are built in. */
export const CALENDAR_FIRST_YEAR = YEARS[0] as number;
export const CALENDAR_LAST_YEAR = YEARS.at(-1) as number;

const HOLIDAYS = new Set(YEARS.flatMap((y) => (NYSE_YEARS[y] as NyseYear).closed.map((md) => `${y}-${md}`)));
const EARLY_CLOSES = new Set(
  YEARS.flatMap((y) => (NYSE_YEARS[y] as NyseYear).earlyClose.map((md) => `${y}-${md}`)),
);

/** Regular session open and close, New York local time (hour, minute). */
export const NYSE_OPEN = { hour: 9, minute: 30 } as const;
export const NYSE_CLOSE = { hour: 16, minute: 0 } as const;
export const NYSE_EARLY_CLOSE = { hour: 13, minute: 0 } as const;

/** True when the built-in holiday list covers this year. */
export function calendarCovers(year: number): boolean {
  return year >= CALENDAR_FIRST_YEAR && year <= CALENDAR_LAST_YEAR && year in NYSE_YEARS;
}

/**
 * A warning when dates from `fromDate` to `toDate` (YYYY-MM-DD) leave the built-in holiday
 * table: there every weekday counts as a session, so settlement times and trading-day
 * counts may be off by a holiday. Null when the table covers the whole span.
 */
export function nyseCoverageWarning(fromDate: string, toDate: string): string | null {
  const from = Number(fromDate.slice(0, 4));
  const to = Number(toDate.slice(0, 4));
  const outside: number[] = [];
  for (let y = from; y <= to; y++) if (!calendarCovers(y)) outside.push(y);
  if (outside.length === 0) return null;
  const span = outside.length === 1 ? `${outside[0]}` : `${outside[0]}–${outside.at(-1)}`;
  return `NYSE holidays are built in for ${CALENDAR_FIRST_YEAR}–${CALENDAR_LAST_YEAR} only; this plan reaches ${span} (through ${toDate}), where every weekday is taken as a trading day: a settlement time or day count there may be off by a holiday.`;
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
