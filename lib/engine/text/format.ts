/**
 * The engine's own number wording, so its sentences read right wherever they are shown (side
 * panel, popup, the CLI's `alvh plan`): dollars with thousands separators ("$4,170",
 * "−$1,250.50") and English ordinals ("21st", "112th"). Plain string arithmetic, no Intl, so
 * every JS runtime writes the same text. Only typography: the figures are the callers'.
 */

import { type CivilDate, formatIsoDate, newYorkWallClock } from '../market/ny-time';

/** Typographic minus, as the surfaces write negative amounts. */
const MINUS = '−';

/** "4170" → "4,170"; digits only (no sign, no decimals). */
function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/**
 * Dollars → "$4,170", "−$1,250.50" (`cents`: two decimals). Rounds like `toFixed`; a value
 * that rounds to zero prints without a minus. Non-finite values print as "$—" (never NaN).
 */
export function formatUsdText(dollars: number, cents = false): string {
  if (!Number.isFinite(dollars)) return '$—';
  const text = Math.abs(dollars).toFixed(cents ? 2 : 0);
  const [whole = '0', frac] = text.split('.');
  const negative = dollars < 0 && Number(text) !== 0;
  return `${negative ? MINUS : ''}$${groupThousands(whole)}${frac === undefined ? '' : `.${frac}`}`;
}

/** Dollars with an explicit sign: "+$1,200", "−$350" (a P/L beside others). */
export function formatSignedUsdText(dollars: number, cents = false): string {
  const text = formatUsdText(dollars, cents);
  return text.startsWith(MINUS) || text === '$—' ? text : `+${text}`;
}

/** Whole number → English ordinal: 1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st, 61st, 111th, 112th. */
export function ordinal(n: number): string {
  const whole = Math.round(n);
  const abs = Math.abs(whole);
  const teen = abs % 100 >= 11 && abs % 100 <= 13;
  const last = abs % 10;
  const suffix = teen ? 'th' : last === 1 ? 'st' : last === 2 ? 'nd' : last === 3 ? 'rd' : 'th';
  return `${whole}${suffix}`;
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** A New York wall-clock day and minutes after midnight: "Wed 2026-12-02 16:15 ET". */
export function wallClockText(date: CivilDate, minutes: number): string {
  const dow = WEEKDAYS[new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay()];
  const hh = String(Math.floor(minutes / 60)).padStart(2, '0');
  const mm = String(minutes % 60).padStart(2, '0');
  return `${dow} ${formatIsoDate(date)} ${hh}:${mm} ET`;
}

/**
 * An instant in New York time with its zone, as traders read quote times:
 * "2026-12-02T21:15:00.000Z" → "Wed 2026-12-02 16:15 ET". An unreadable instant prints as given.
 */
export function formatInstantText(iso: string): string {
  const ms = Date.parse(iso);
  if (!Number.isFinite(ms)) return iso;
  const { date, minutes } = newYorkWallClock(ms);
  return wallClockText(date, minutes);
}
