/**
 * US Eastern wall-clock text ("Nov 26, 2026 9:45 AM ET") → ISO instant, with US daylight
 * saving (second Sunday of March to first Sunday of November, 2:00 local).
 */
import { findDate } from './dom';

function nthSunday(year: number, month: number, n: number): number {
  const first = new Date(Date.UTC(year, month - 1, 1)).getUTCDay();
  return 1 + ((7 - first) % 7) + 7 * (n - 1);
}

/** UTC offset in hours of US Eastern time on a local date (−4 in daylight time, else −5). */
export function easternOffsetHours(isoDay: string, hour: number): number {
  const [y, m, d] = isoDay.split('-').map(Number) as [number, number, number];
  const start = nthSunday(y, 3, 2);
  const end = nthSunday(y, 11, 1);
  const afterStart = m > 3 || (m === 3 && (d > start || (d === start && hour >= 2)));
  const beforeEnd = m < 11 || (m === 11 && (d < end || (d === end && hour < 2)));
  return afterStart && beforeEnd ? -4 : -5;
}

/** Parses a date plus "h:mm AM/PM" (Eastern) in free text to an ISO instant, else null. */
export function easternToIso(text: string): string | null {
  const day = findDate(text);
  const t = /\b(\d{1,2}):(\d{2})\s*([AP])\.?M\.?/i.exec(text);
  if (!day || !t) return null;
  let hour = Number(t[1]) % 12;
  if ((t[3] as string).toUpperCase() === 'P') hour += 12;
  const off = easternOffsetHours(day, hour);
  const ms = Date.parse(`${day}T00:00:00Z`) + ((hour - off) * 60 + Number(t[2])) * 60_000;
  return new Date(ms).toISOString();
}

/** "2026-11-26 09:45:00" (Eastern wall clock, no zone, as Cboe's JSON timestamp) → ISO instant. */
export function easternStampToIso(stamp: string): string | null {
  const m = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?$/.exec(stamp.trim());
  if (!m) return null;
  const hour = Number(m[2]);
  const off = easternOffsetHours(m[1] as string, hour);
  const ms =
    Date.parse(`${m[1]}T00:00:00Z`) + ((hour - off) * 3600 + Number(m[3]) * 60 + Number(m[4] ?? 0)) * 1000;
  return Number.isFinite(ms) ? new Date(ms).toISOString() : null;
}
