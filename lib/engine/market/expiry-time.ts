/**
 * Settlement instant and time to expiry of SPX-family and VIX options, in America/New_York.
 *
 * - PM-settled (SPXW, XSP, NDXP…, or settlement 'PM'): the 16:00 ET close of the last
 *   trading day (13:00 ET on NYSE early-close days).
 * - AM-settled standard SPX (root "SPX", third-Friday monthlies): the 09:30 ET open of the
 *   settlement date, when the Special Opening Quotation starts to be computed.
 * - VIX/VIXW options and VX futures: 09:30 ET open of the (Wednesday) settlement date.
 * When the given date is not an NYSE trading day the exchange moves the expiry to the
 * previous trading day (e.g. Good Friday 2025-04-18 → Thursday 2025-04-17); we do the same.
 * Source: Cboe SPX/SPXW and VIX contract specifications (AM: settlement value from the opening
 * prices of the index's stocks on the settlement date; PM: from their closing prices); NYSE
 * holiday calendar. Cboe's VIX white paper counts time to expiry the same way (minutes to
 * 9:30 a.m. ET for standard SPX, to 4:00 p.m. ET for weeklies). Vendors' IV columns may use a
 * whole-day count instead (docs/method.md, "Settlement instants and time in years"): we do not
 * follow them.
 */

import { DAYS_PER_YEAR_ACT365 } from './contracts';
import { formatIsoDate, MS_PER_DAY, newYorkToUtcMs, parseIsoDate } from './ny-time';
import {
  calendarCovers,
  isEarlyClose,
  NYSE_CLOSE,
  NYSE_EARLY_CLOSE,
  NYSE_OPEN,
  previousOrSameTradingDay,
} from './nyse-calendar';
import { type SettlementStyle, settlementStyleOf } from './roots';

export interface SettlementInstant {
  /** The expiry date as given, YYYY-MM-DD. */
  expiry: string;
  /** The date settlement happens on after any holiday shift, YYYY-MM-DD. */
  settlementDate: string;
  style: SettlementStyle;
  /** UTC epoch milliseconds of the settlement instant. */
  instantMs: number;
  /** The same instant as an ISO-8601 UTC string. */
  instantIso: string;
  /** True when the given date was not a trading day and was moved earlier. */
  shifted: boolean;
  /** True when neither root nor settlement named the style and PM was assumed. */
  assumed: boolean;
  /** False when the date is outside the built-in 2025–2027 holiday list (weekends only). */
  calendarCovered: boolean;
}

/**
 * The settlement instant of an expiry. expiry "YYYY-MM-DD"; root e.g. "SPX", "SPXW", "VIX";
 * settlement 'AM' | 'PM' | null (null: decided by the root). Null for an unparseable date.
 */
export function settlementInstant(
  expiry: string,
  root: string | null,
  settlement: 'AM' | 'PM' | null,
): SettlementInstant | null {
  const date = parseIsoDate(expiry);
  if (!date) return null;
  const { style, assumed } = settlementStyleOf(root, settlement);
  const day = previousOrSameTradingDay(date);
  const close = isEarlyClose(day) ? NYSE_EARLY_CLOSE : NYSE_CLOSE;
  const at = style === 'PM' ? close : NYSE_OPEN;
  const instantMs = newYorkToUtcMs(day, at.hour, at.minute);
  const settlementDate = formatIsoDate(day);
  return {
    expiry,
    settlementDate,
    style,
    instantMs,
    instantIso: new Date(instantMs).toISOString(),
    shifted: settlementDate !== expiry,
    assumed,
    calendarCovered: calendarCovers(day.year),
  };
}

/**
 * Calendar days (fractional) from `nowIso` (any ISO-8601 instant) to settlement; 0 once
 * settled; null for unparseable input.
 */
export function daysToExpiry(
  nowIso: string,
  expiry: string,
  root: string | null,
  settlement: 'AM' | 'PM' | null,
): number | null {
  const now = Date.parse(nowIso);
  const inst = settlementInstant(expiry, root, settlement);
  if (!inst || !Number.isFinite(now)) return null;
  return Math.max(0, (inst.instantMs - now) / MS_PER_DAY);
}

/** Time to settlement in years, ACT/365 calendar time (daysToExpiry ÷ 365); null as above. */
export function yearsToExpiry(
  nowIso: string,
  expiry: string,
  root: string | null,
  settlement: 'AM' | 'PM' | null,
): number | null {
  const days = daysToExpiry(nowIso, expiry, root, settlement);
  return days === null ? null : days / DAYS_PER_YEAR_ACT365;
}
