/**
 * OCC option symbols (the OSI format every US broker accepts): root left-aligned and padded
 * with spaces to 6 characters, expiry yymmdd, C or P, strike × 1000 as 8 digits.
 * "SPXW", 2024-02-09, put, 4620 → "SPXW  240209P04620000". Source: OCC "Options Symbology
 * Initiative" (2010) specification.
 */

/** Root field width of an OSI symbol, characters. */
const ROOT_WIDTH = 6;
/** Strike digits: 5 whole + 3 decimal (strike × 1000). */
const STRIKE_DIGITS = 8;

/**
 * The OSI symbol of one contract; null when the root is missing or longer than 6 characters,
 * the date is not YYYY-MM-DD, or the strike does not fit 5 whole digits and 3 decimals.
 */
export function occSymbol(
  root: string | null,
  expiry: string,
  side: 'call' | 'put',
  strike: number,
): string | null {
  const r = root?.trim().toUpperCase() ?? '';
  if (r.length === 0 || r.length > ROOT_WIDTH || !/^[A-Z0-9]+$/.test(r)) return null;
  const m = /^\d{2}(\d{2})-(\d{2})-(\d{2})$/.exec(expiry);
  if (!m) return null;
  const milli = Math.round(strike * 1000);
  if (!(milli > 0) || Math.abs(milli - strike * 1000) > 1e-6 * milli) return null;
  const digits = String(milli);
  if (digits.length > STRIKE_DIGITS) return null;
  return `${r.padEnd(ROOT_WIDTH, ' ')}${m[1]}${m[2]}${m[3]}${side === 'call' ? 'C' : 'P'}${digits.padStart(STRIKE_DIGITS, '0')}`;
}

/** "monthly, AM-settled" / "weekly, PM-settled" (SPX family), else "<root>, AM-settled". */
export function contractNote(root: string | null, settlement: 'AM' | 'PM' | null): string {
  const r = root?.toUpperCase() ?? null;
  const settled = settlement ? `${settlement}-settled` : 'settlement not shown';
  if (r === 'SPX') return `SPX monthly, ${settled}`;
  if (r === 'SPXW') return `SPXW weekly, ${settled}`;
  if (r === null) return `root not shown, ${settled}`;
  return `${r}, ${settled}`;
}
