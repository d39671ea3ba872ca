/**
 * Quote time rule: a page or export stamped outside the regular session (a weekend, a holiday,
 * overnight) shows the last session's closing quotes, not live ones. The quote time becomes that
 * close — 16:15 ET for index options (SPX, SPXW, XSP, NDX, RUT, VIX…; 13:15 on early-close days),
 * 16:00 ET for equity options (13:00) — and the original stamp stays in the flag's detail.
 * Holidays come from the engine's NYSE table (2025–2027); outside it only weekends are known,
 * and the detail says so.
 */
import type { CivilDate } from '../engine/market/ny-time';
import { addDays, newYorkToUtcMs, newYorkWallClock } from '../engine/market/ny-time';
import { calendarCovers, isEarlyClose, isTradingDay, NYSE_OPEN } from '../engine/market/nyse-calendar';
import { wallClockText } from '../engine/text/format';

/** Roots and underlyings whose options trade to 16:15 ET (Cboe index options). */
const INDEX_NAMES = new Set([
  'SPX',
  'SPXW',
  'SPXPM',
  'XSP',
  'NDX',
  'NDXP',
  'XND',
  'RUT',
  'RUTW',
  'MRUT',
  'VIX',
  'VIXW',
  'DJX',
  'OEX',
  'XEO',
]);

/** True when options on this root/underlying are index options (close 16:15 ET). */
export function isIndexOptionName(name: string | null | undefined): boolean {
  return INDEX_NAMES.has(
    (name ?? '')
      .trim()
      .replace(/^[$^.]/, '')
      .toUpperCase(),
  );
}

/** Close of the regular session on a trading day, minutes after midnight ET. */
function closeMinutes(date: CivilDate, index: boolean): number {
  return (isEarlyClose(date) ? 13 * 60 : 16 * 60) + (index ? 15 : 0);
}

export interface QuoteTimeRule {
  /** ISO instant the quotes are taken at (the stamp, or the last session's close). */
  quoteTime: string;
  /** True when the stamp was outside the session and the close was taken instead. */
  fromClose: boolean;
  /** The page's own stamp, as given. */
  stampedAt: string;
  /** Human text for the `quote-time-from-close` flag (empty when not from close). */
  detail: string;
}

/**
 * Applies the rule to a stamp. `index` selects the 16:15 close. Null for an unreadable stamp.
 * In session (trading day, open ≤ t ≤ close) the stamp stands.
 */
export function quoteTimeRule(stampIso: string, index: boolean): QuoteTimeRule | null {
  const ms = Date.parse(stampIso);
  if (!Number.isFinite(ms)) return null;
  const { date, minutes } = newYorkWallClock(ms);
  const open = NYSE_OPEN.hour * 60 + NYSE_OPEN.minute;
  let day = date;
  if (isTradingDay(date)) {
    if (minutes >= open && minutes <= closeMinutes(date, index))
      return { quoteTime: stampIso, fromClose: false, stampedAt: stampIso, detail: '' };
    if (minutes < open) day = addDays(date, -1);
  } else day = addDays(date, -1);
  for (let guard = 0; guard < 15 && !isTradingDay(day); guard++) day = addDays(day, -1);
  const close = closeMinutes(day, index);
  const closeMs = newYorkToUtcMs(day, Math.floor(close / 60), close % 60);
  const why = !isTradingDay(date) ? 'not a trading day' : 'outside the regular session';
  const unknownHolidays = calendarCovers(date.year)
    ? ''
    : ` (holidays of ${date.year} are not in our calendar; only weekends are known)`;
  return {
    quoteTime: new Date(closeMs).toISOString(),
    fromClose: true,
    stampedAt: stampIso,
    detail: `stamped ${wallClockText(date, minutes)} (${why}): quotes taken as the ${wallClockText(day, close)} close${unknownHolidays}; page stamp ${stampIso}`,
  };
}
