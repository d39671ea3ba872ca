/**
 * VIX futures final settlement dates. Cboe rule (CFE VX contract specs): the Wednesday 30
 * days before the third Friday of the following month; if that Friday is an exchange holiday,
 * 30 days before the business day preceding it; if the Wednesday is a holiday, the business
 * day before it. Holidays here: Jan 1, Jun 19 (from 2022), Jul 4, Dec 25 with the weekend
 * observance shift, and Good Friday — the ones this rule's Fridays and Wednesdays can land on.
 */
import { isoDate } from './dom';

const MONTH_CODES = 'FGHJKMNQUVXZ';

function utc(y: number, m: number, d: number): Date {
  return new Date(Date.UTC(y, m - 1, d));
}

function iso(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** Easter Sunday (Gregorian, anonymous algorithm — Meeus/Jones/Butcher). */
function easter(y: number): Date {
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
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return utc(y, month, day);
}

function isFixedHoliday(d: Date): boolean {
  const md = iso(d).slice(5);
  return md === '01-01' || md === '07-04' || md === '12-25' || (md === '06-19' && d.getUTCFullYear() >= 2022);
}

function shifted(d: Date, days: number): Date {
  const x = new Date(d);
  x.setUTCDate(x.getUTCDate() + days);
  return x;
}

function isHoliday(d: Date): boolean {
  const y = d.getUTCFullYear();
  const dow = d.getUTCDay();
  if (isFixedHoliday(d)) return true;
  // Observed: a Saturday holiday is kept on the Friday before, a Sunday one on the Monday after.
  if (dow === 5 && isFixedHoliday(shifted(d, 1))) return true;
  if (dow === 1 && isFixedHoliday(shifted(d, -1))) return true;
  const gf = easter(y);
  gf.setUTCDate(gf.getUTCDate() - 2);
  return iso(gf) === iso(d);
}

function previousBusinessDay(d: Date): Date {
  const x = new Date(d);
  do x.setUTCDate(x.getUTCDate() - 1);
  while (x.getUTCDay() === 0 || x.getUTCDay() === 6 || isHoliday(x));
  return x;
}

/**
 * Final settlement date ("YYYY-MM-DD") of the monthly VIX future for contract month
 * `month` (1-12) of `year`.
 */
export function vixFutureExpiry(year: number, month: number): string {
  const ny = month === 12 ? year + 1 : year;
  const nm = month === 12 ? 1 : month + 1;
  const firstDow = utc(ny, nm, 1).getUTCDay();
  let friday = utc(ny, nm, 1 + ((5 - firstDow + 7) % 7) + 14);
  if (isHoliday(friday)) friday = previousBusinessDay(friday);
  const wed = new Date(friday);
  wed.setUTCDate(wed.getUTCDate() - 30);
  return iso(isHoliday(wed) ? previousBusinessDay(wed) : wed);
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
  return isoDate(year, month, 1) ? { year, month } : null;
}
