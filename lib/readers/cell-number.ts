/**
 * Number parsing by column: what a cell's text may mean depends on the column it sits in.
 * - K/M/B suffixes ("1.2K") are read only in volume and open-interest columns.
 * - A comma decimal ("0,125", "12,5") is never taken as a thousands separator: unreadable.
 * - Parentheses mean negative only in change columns ("(21.60)" in a Bid column is unreadable).
 * - Implied vol takes its unit from the header ("IV (%)" → percent, "IV (dec)" → fraction), else
 *   from the cell ("18.7%"), else from a stated column rule (see {@link ivColumnRule}).
 * Every function returns null for text it cannot read with certainty (never a guess, never NaN).
 */
import { parseNumber } from './dom';
import type { Field } from './headers';

/** Unit of an implied-vol column: "percent" (18.75 = 18.75 %) or "fraction" (0.1875). */
export type IvUnit = 'percent' | 'fraction';

/**
 * Stated rule for a silent IV header, on the column's median bare value: a median above 3 is
 * percent (a typical option IV of 300 % or more does not occur), a median of 2 or less is a
 * fraction (a typical IV of 2 % or less does not occur either); in between the unit is unknown and
 * the IV cells are not read. The median, not the maximum: crisis-day far wings reach 400 %+ as a
 * fraction (Cboe SPX 2020-03-20: 4.1378) while the column's median stays near 0.5.
 */
export const BARE_IV_PERCENT_MEDIAN_ABOVE = 3;
export const BARE_IV_FRACTION_MEDIAN_AT_MOST = 2;

const SUFFIX = /^([+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|[+-]?\.\d+)\s*([kmb])$/i;
const SCALE: Record<string, number> = { k: 1e3, m: 1e6, b: 1e9 };

/**
 * A count cell (volume, open interest): "2,087", "1.2K" → 1200, "3.4M", "1B". Null for
 * anything else, for negatives and for fractions of one contract ("1.5" contracts).
 */
export function parseCount(text: string | null | undefined): number | null {
  const t = (text ?? '').trim();
  // Only text ending in a letter can carry a suffix (most counts end in a digit).
  const last = t.charCodeAt(t.length - 1);
  const m = last >= 48 && last <= 57 ? null : SUFFIX.exec(t);
  let n: number | null;
  if (m) {
    const base = parseNumber(m[1]);
    n = base === null ? null : Math.round(base * (SCALE[(m[2] as string).toLowerCase()] as number));
  } else n = parseNumber(t);
  if (n === null || n < 0) return null;
  return Number.isInteger(n) ? n : null;
}

/** A change cell ("+0.15", "−1.20", "(21.60)" accounting negative). */
export function parseChange(text: string | null | undefined): number | null {
  const t = (text ?? '').trim();
  const m = /^\((.*)\)$/.exec(t);
  if (!m) return parseNumber(t);
  const n = parseNumber(m[1]);
  return n === null || n < 0 ? null : -n;
}

/**
 * One implied-vol cell as an annualised fraction. A "%" in the cell is percent; otherwise the
 * column's unit decides (from its header or its stated rule). Null when neither says.
 */
export function parseIvCell(text: string, unit: IvUnit | null): number | null {
  const n = parseNumber(text);
  if (n === null) return null;
  const percent = unit === 'percent' || text.trimEnd().endsWith('%');
  if (!percent && unit === null) return null;
  // toPrecision trims binary noise from the division (286.72 / 100 → 2.8672).
  return percent ? Number((n / 100).toPrecision(12)) : n;
}

export interface IvRule {
  unit: IvUnit | null;
  /** True when the unit came from the values, not the header or the cells' own "%". */
  assumed: boolean;
  /** What decided it, for the quality flag shown to the user. */
  detail: string;
}

/**
 * The unit of an IV column whose header is silent, from the column's cells. Cells with "%" speak
 * for themselves. Bare numbers follow the median rule above, stated in `detail` and flagged as
 * assumed (unit null when the median is between the two thresholds).
 */
export function ivColumnRule(header: IvUnit | null, cells: Iterable<string>): IvRule {
  if (header) return { unit: header, assumed: false, detail: `IV header gives ${header}` };
  const bare: number[] = [];
  for (const c of cells) {
    const t = c.trim();
    if (t === '' || t.endsWith('%')) continue;
    const n = parseNumber(t);
    if (n !== null) bare.push(Math.abs(n));
  }
  if (bare.length === 0) return { unit: null, assumed: false, detail: 'IV cells carry their own %' };
  bare.sort((x, y) => x - y);
  const median = bare[Math.floor((bare.length - 1) / 2)] as number;
  const said = `IV header gives no unit; ${bare.length} bare values with median ${median}`;
  if (median > BARE_IV_PERCENT_MEDIAN_ABOVE)
    return {
      unit: 'percent',
      assumed: true,
      detail: `${said} read as percent (median above ${BARE_IV_PERCENT_MEDIAN_ABOVE})`,
    };
  if (median <= BARE_IV_FRACTION_MEDIAN_AT_MOST)
    return {
      unit: 'fraction',
      assumed: true,
      detail: `${said} read as fractions (median ${BARE_IV_FRACTION_MEDIAN_AT_MOST} or less)`,
    };
  return { unit: null, assumed: true, detail: `${said}: unit unknown, IV not read` };
}

/**
 * A price cell (bid, ask, last, mark, strike): a plain number; no suffix, no parentheses, no
 * comma decimal. A negative result is returned as read: the builder drops the quote with its reason.
 */
export function parsePrice(text: string | null | undefined): number | null {
  return parseNumber(text);
}

/** A strike cell: a price, also with the side letter Barchart writes after it ("5,800.00C"). */
export function parseStrike(text: string | null | undefined): number | null {
  return parsePrice((text ?? '').trim().replace(/(\d)\s*[CP]$/, '$1'));
}

/** Parses a cell by the field its column holds (IV needs its column unit). */
export function parseFieldValue(field: Field, text: string, ivUnit: IvUnit | null = null): number | null {
  switch (field) {
    case 'volume':
    case 'openInterest':
      return parseCount(text);
    case 'iv':
      return parseIvCell(text, ivUnit);
    case 'strike':
      return parseStrike(text);
    default:
      return parsePrice(text);
  }
}
