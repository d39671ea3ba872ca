import { formatIsoDate, isNewYorkDaylightTime, MS_PER_DAY } from '../time/ny-time';

const MS_PER_HOUR = 3_600_000;
const EST_OFFSET_HOURS = 5;
const EDT_OFFSET_HOURS = 4;

function civil(ms: number) {
  const d = new Date(ms);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/**
 * The America/New_York calendar date (YYYY-MM-DD) of an instant in UTC milliseconds, using
 * the pricing core's daylight-saving rule. Ambiguity only exists in the 01:00–02:00 repeat
 * hour of November, which never changes the date.
 */
export function newYorkDate(ms: number): string {
  const est = ms - EST_OFFSET_HOURS * MS_PER_HOUR;
  const hour = Math.floor((((est % MS_PER_DAY) + MS_PER_DAY) % MS_PER_DAY) / MS_PER_HOUR);
  const local = isNewYorkDaylightTime(civil(est), hour) ? ms - EDT_OFFSET_HOURS * MS_PER_HOUR : est;
  return formatIsoDate(civil(local));
}

/** The date `days` calendar days after a YYYY-MM-DD date. */
export function addDaysIso(date: string, days: number): string {
  return formatIsoDate(civil(Date.parse(`${date}T12:00:00Z`) + days * MS_PER_DAY));
}
