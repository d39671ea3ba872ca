/**
 * America/New_York wall-clock time → UTC instant, from the US daylight-saving rule in force
 * since 2007 (Energy Policy Act of 2005): EDT (UTC−4) from the 2nd Sunday of March 02:00
 * local to the 1st Sunday of November 02:00 local, EST (UTC−5) otherwise. Pure arithmetic
 * (no Intl, no tz database), so it behaves the same in every JS runtime. The one New York
 * clock for readers (quote times on pages) and engine (settlement instants) alike.
 */

/** Milliseconds per calendar day. */
export const MS_PER_DAY = 86_400_000;

const MS_PER_HOUR = 3_600_000;
/** Hours New York lags UTC in standard (EST) and daylight (EDT) time. */
const EST_OFFSET_HOURS = 5;
const EDT_OFFSET_HOURS = 4;

/** A calendar date (proleptic Gregorian); month 1–12. */
export interface CivilDate {
  year: number;
  month: number;
  day: number;
}

/** Parses "YYYY-MM-DD" into a valid calendar date, or null. */
export function parseIsoDate(text: string): CivilDate | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return null;
  const date = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  return isCalendarDate(date.year, date.month, date.day) ? date : null;
}

/** Days in each month of a common year. */
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * True when year-month-day (whole numbers, month 1–12) is a day of the proleptic Gregorian
 * calendar. By arithmetic, not through a Date: readers ask it for every OCC symbol of a chain.
 */
export function isCalendarDate(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false;
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= (month === 2 ? (leap ? 29 : 28) : (DAYS_IN_MONTH[month - 1] as number));
}

/** Formats a date as "YYYY-MM-DD". */
export function formatIsoDate(d: CivilDate): string {
  return `${String(d.year).padStart(4, '0')}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}

/** Day of week, 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(d: CivilDate): number {
  return new Date(Date.UTC(d.year, d.month - 1, d.day)).getUTCDay();
}

/** The date `days` calendar days after `d` (negative: before). */
export function addDays(d: CivilDate, days: number): CivilDate {
  const t = new Date(Date.UTC(d.year, d.month - 1, d.day) + days * MS_PER_DAY);
  return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() };
}

/** Day of month of the n-th (1-based) given weekday (0 = Sunday) in a month. */
export function nthWeekdayOfMonth(year: number, month: number, weekday: number, n: number): number {
  const first = dayOfWeek({ year, month, day: 1 });
  return 1 + ((weekday - first + 7) % 7) + 7 * (n - 1);
}

/** True when New York observes daylight time at the given local wall-clock time. */
export function isNewYorkDaylightTime(d: CivilDate, hour: number): boolean {
  const start = nthWeekdayOfMonth(d.year, 3, 0, 2);
  const end = nthWeekdayOfMonth(d.year, 11, 0, 1);
  if (d.month < 3 || d.month > 11) return false;
  if (d.month > 3 && d.month < 11) return true;
  if (d.month === 3) return d.day > start || (d.day === start && hour >= 2);
  return d.day < end || (d.day === end && hour < 2);
}

/** UTC epoch milliseconds of a New York wall-clock time (hour, minute, second) on date `d`. */
export function newYorkToUtcMs(d: CivilDate, hour: number, minute: number, second = 0): number {
  const offsetHours = isNewYorkDaylightTime(d, hour) ? EDT_OFFSET_HOURS : EST_OFFSET_HOURS;
  return Date.UTC(d.year, d.month - 1, d.day, hour + offsetHours, minute, second);
}

function civilOfMs(ms: number): CivilDate {
  const d = new Date(ms);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/**
 * The America/New_York calendar date (YYYY-MM-DD) of an instant in UTC milliseconds.
 * Ambiguity only exists in the 01:00–02:00 repeat hour of November, which never changes the date.
 */
export function newYorkDate(ms: number): string {
  const est = ms - EST_OFFSET_HOURS * MS_PER_HOUR;
  const hour = Math.floor((((est % MS_PER_DAY) + MS_PER_DAY) % MS_PER_DAY) / MS_PER_HOUR);
  const local = isNewYorkDaylightTime(civilOfMs(est), hour) ? ms - EDT_OFFSET_HOURS * MS_PER_HOUR : est;
  return formatIsoDate(civilOfMs(local));
}

/**
 * New York wall-clock date and minutes after midnight of a UTC instant. Standard time is tried
 * first: at 06:59 UTC on a spring-forward Sunday New York reads 01:59 EST (not 02:59, a time that
 * never shows), and in the repeated hour of November the later instants read as EST.
 */
export function newYorkWallClock(ms: number): { date: CivilDate; minutes: number } {
  const at = (offset: number) => {
    const local = new Date(ms - offset * MS_PER_HOUR);
    const date = { year: local.getUTCFullYear(), month: local.getUTCMonth() + 1, day: local.getUTCDate() };
    return { date, hour: local.getUTCHours(), minutes: local.getUTCHours() * 60 + local.getUTCMinutes() };
  };
  const est = at(EST_OFFSET_HOURS);
  if (!isNewYorkDaylightTime(est.date, est.hour)) return { date: est.date, minutes: est.minutes };
  const edt = at(EDT_OFFSET_HOURS);
  if (isNewYorkDaylightTime(edt.date, edt.hour)) return { date: edt.date, minutes: edt.minutes };
  return { date: est.date, minutes: est.minutes };
}

/** The date `days` calendar days after a YYYY-MM-DD date. */
export function addDaysIso(date: string, days: number): string {
  return formatIsoDate(civilOfMs(Date.parse(`${date}T12:00:00Z`) + days * MS_PER_DAY));
}
