/**
 * US Eastern wall-clock text on a page ("Nov 26, 2026 9:45 AM ET", "2026-11-26 09:45:00") →
 * ISO instant. The clock itself (daylight saving) is the market rules' one New York clock
 * (lib/engine/market/ny-time.ts); this file only reads the text.
 */
import { newYorkToUtcMs, parseIsoDate } from '../engine/market/ny-time';
import { findDate } from './dom';

function nyIso(day: string, hour: number, minute: number, second: number): string | null {
  const d = parseIsoDate(day);
  if (!d || hour > 23 || minute > 59 || second > 59) return null;
  const ms = newYorkToUtcMs(d, hour, minute, second);
  return Number.isFinite(ms) ? new Date(ms).toISOString() : null;
}

/** Parses a date plus "h:mm AM/PM" (Eastern) in free text to an ISO instant, else null. */
export function easternToIso(text: string): string | null {
  const day = findDate(text);
  // Seconds are optional ("3:36:10 PM"); without this the minutes were read as the hour.
  const t = /\b(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AP])\.?M\.?/i.exec(text);
  if (!day || !t) return null;
  let hour = Number(t[1]) % 12;
  if ((t[4] as string).toUpperCase() === 'P') hour += 12;
  return nyIso(day, hour, Number(t[2]), Number(t[3] ?? 0));
}

/** Eastern wall clock (day "YYYY-MM-DD", 24-hour time) → ISO instant, or null when out of range. */
export function easternWallToIso(isoDay: string, hour: number, minute: number, second = 0): string | null {
  return nyIso(isoDay, hour, minute, second);
}

/** "2026-11-26 09:45:00" (Eastern wall clock, no zone, as Cboe's JSON timestamp) → ISO instant. */
export function easternStampToIso(stamp: string): string | null {
  const m = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?$/.exec(stamp.trim());
  if (!m) return null;
  return nyIso(m[1] as string, Number(m[2]), Number(m[3]), Number(m[4] ?? 0));
}
