/**
 * Shared cell and number parsing for readers: page text → numbers, dates, OCC symbols.
 * (Walking the page — shadow roots, iframes — is scan.ts.)
 */

import { isCalendarDate } from '../engine/market/ny-time';

const SIMPLE_NUMBER = /^-?\d+(?:\.\d+)?$/;
const GROUPED_NUMBER = /^[+-]?(?:[1-9]\d{0,2}(?:,\d{3})+|\d+)(?:\.\d+)?%?$/;
const DASHES = /^[-‐‑‒–—―−]+$/;
const EMPTY_WORDS = new Set(['', 'n/a', 'na', 'n.a.', 'none', 'null', 'nan', '--', 'unch', 'unchanged']);

/** Collapses whitespace (incl. NBSP) and trims. */
export function cleanText(text: string | null | undefined): string {
  // Most cells are printable ASCII with single inner spaces at most: nothing to trim or collapse.
  if (text && isClean(text)) return text;
  const t = (text ?? '').trim();
  // Most cells need no collapsing: test once, replace only when needed.
  return NEEDS_COLLAPSE.test(t) ? t.replace(/[\s\u00a0\u200b]+/g, ' ').trim() : t;
}

const NEEDS_COLLAPSE = /[\t\n\r\f\v\u00a0\u200b]| {2}/;

/**
 * True when {@link cleanText} would return `t` unchanged because it is all printable ASCII and
 * its spaces are single and inside (a character loop: cheaper than trim and a regex per cell).
 */
function isClean(t: string): boolean {
  const last = t.length - 1;
  for (let i = 0; i <= last; i++) {
    const c = t.charCodeAt(i);
    if (c > 32 && c < 127) continue;
    if (c !== 32 || i === 0 || i === last || t.charCodeAt(i + 1) === 32) return false;
  }
  return true;
}

/** Visible-ish text of an element: textContent, whitespace collapsed. */
export function cellText(el: Element): string {
  return cleanText(el.textContent);
}

/**
 * Parses a displayed number: "1,234.50", "$12", "+0.15", "−0.3", "12.5%", "0.05s" (Barchart
 * settlement suffix). Dashes, "N/A", "unch" and empty → null. Percent text returns the number as
 * shown (12.5 for "12.5%"); use {@link parseVolFraction} for fractions. Never guesses: a comma
 * that is not a thousands separator ("0,125", "12,5"), a K/M/B suffix (see cell-number.ts
 * parseCount) and accounting parentheses (see parseChange) give null. Never NaN.
 */
export function parseNumber(text: string | null | undefined): number | null {
  // Fast paths: plain decimals ("12", "-0.35", "12.5%") and grouped ones ("1,234.50").
  if (text) {
    const plain = plainDecimal(text);
    if (!Number.isNaN(plain)) return plain;
    if (SIMPLE_NUMBER.test(text)) return Number(text);
    if (GROUPED_NUMBER.test(text)) return Number(text.replace(/[,%]/g, ''));
  }
  let t = cleanText(text);
  if (EMPTY_WORDS.has(t.toLowerCase()) || DASHES.test(t)) return null;
  t = t.replace(/^[$€£]\s*/, '').replace(/[−–]/g, '-');
  if (t.startsWith('-$') || t.startsWith('+$')) t = t[0] + t.slice(2);
  t = t.replace(/%$/, '').replace(/(\d)s$/, '$1');
  if (t.includes(',')) {
    // Only true thousands groups ("12,345.6"); a leading "0," is a comma decimal.
    if (!/^[+-]?[1-9]\d{0,2}(?:,\d{3})+(?:\.\d+)?$/.test(t)) return null;
    t = t.replace(/,/g, '');
  }
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(t)) return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : null;
}

/** Exact powers of ten (every one up to 10^22 is a double). */
const POW10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];
/** Most digits {@link plainDecimal} reads (their integer stays below 2^53, so it is exact). */
const MAX_PLAIN_DIGITS = 15;

/**
 * The value of `[+-]digits[.digits][%]` text ("12", "-0.35", "15.00%") read by character: the
 * digits as one integer divided by a power of ten, both exact, so the one rounding is the
 * division's — the same double `Number()` gives for the text. NaN for any other text (and for
 * more than 15 digits), which the caller then reads the slower way. A chain is tens of
 * thousands of such cells; a regex test and `Number()` each cost more than this loop.
 */
function plainDecimal(t: string): number {
  let i = 0;
  let c = t.charCodeAt(0);
  const negative = c === 45; // '-'
  if (negative || c === 43) i = 1; // '+'
  let end = t.length;
  if (t.charCodeAt(end - 1) === 37) end--; // '%'
  let digits = 0;
  let mantissa = 0;
  let decimals = -1;
  for (; i < end; i++) {
    c = t.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      mantissa = mantissa * 10 + (c - 48);
      digits++;
      if (decimals >= 0) decimals++;
    } else if (c === 46 && decimals < 0 && digits > 0)
      decimals = 0; // '.'
    else return Number.NaN;
  }
  if (digits === 0 || decimals === 0 || digits > MAX_PLAIN_DIGITS) return Number.NaN;
  const value = decimals > 0 ? mantissa / (POW10[decimals] as number) : mantissa;
  return negative ? -value : value;
}

/** True when the text carries a percent sign. */
export function isPercentText(text: string): boolean {
  return /%\s*$/.test(cleanText(text));
}

/**
 * Parses an implied-vol cell to an annualised fraction: "12.5%" → 0.125. A bare number is
 * taken as a fraction when `bareIsPercent` is false (e.g. Cboe CSV "0.1523"), else as percent.
 */
export function parseVolFraction(text: string, bareIsPercent: boolean): number | null {
  const n = parseNumber(text);
  if (n === null) return null;
  // toPrecision trims binary noise from the division (286.72 / 100 → 2.8672).
  return isPercentText(text) || bareIsPercent ? Number((n / 100).toPrecision(12)) : n;
}

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** Builds "YYYY-MM-DD" if the parts form a real calendar date, else null. */
export function isoDate(year: number, month: number, day: number): string | null {
  if (!Number.isInteger(year) || year < 1990 || year > 2100) return null;
  return isCalendarDate(year, month, day) ? `${year}-${pad2(month)}-${pad2(day)}` : null;
}

/**
 * Finds the first date in free text and returns it as "YYYY-MM-DD". Accepts "2022-05-13",
 * "03/23/2020", "October 16, 2026", "Oct 16 2026", "Mon Feb 07 2022", "16 Oct 2026",
 * "Jun 20, '25" is not accepted (two-digit years are ambiguous outside OCC symbols).
 */
export function findDate(text: string): string | null {
  // A chain's expiry column repeats one text for hundreds of rows in a row: asked again, the
  // answer is the last one's.
  if (text === lastDateText) return lastDate;
  const found = findDateIn(text);
  lastDateText = text;
  lastDate = found;
  return found;
}

let lastDateText: string | null = null;
let lastDate: string | null = null;

function findDateIn(text: string): string | null {
  const t = cleanText(text);
  let m = /(\d{4})-(\d{2})-(\d{2})/.exec(t);
  if (m) return isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /\b(\d{1,2})\/(\d{1,2})\/(\d{4})\b/.exec(t);
  if (m) return isoDate(Number(m[3]), Number(m[1]), Number(m[2]));
  m = /\b([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b/.exec(t);
  if (m) {
    const month = MONTHS[(m[1] as string).slice(0, 3).toLowerCase()];
    if (month) return isoDate(Number(m[3]), month, Number(m[2]));
  }
  m = /\b(\d{1,2})\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})\b/.exec(t);
  if (m) {
    const month = MONTHS[(m[2] as string).slice(0, 3).toLowerCase()];
    if (month) return isoDate(Number(m[3]), month, Number(m[1]));
  }
  return null;
}

/** Month number (1-12) for an English month name or abbreviation, else null. */
export function monthNumber(name: string): number | null {
  return MONTHS[name.slice(0, 3).toLowerCase()] ?? null;
}

export interface OccSymbol {
  root: string;
  expiry: string;
  side: 'call' | 'put';
  /** Strike in index points (OCC encodes strike × 1000 in 8 digits). */
  strike: number;
}

const OCC = /\b([A-Z]{1,6}\d?)\s*(\d{2})(\d{2})(\d{2})([CP])(\d{8})\b/;
/** Anything but printable ASCII without lower case and `%`: text that upper-casing or `%20` decoding could change. */
const NOT_PLAIN_SYMBOL = /[^\x20-\x24\x26-\x60\x7b-\x7e]/;

/**
 * Parses an OCC option symbol such as "SPXW261218P05000000" (root, YYMMDD, C/P,
 * strike × 1000), also with padding spaces ("INTC  220513P00035000") or a leading dot/underscore.
 */
export function parseOcc(text: string): OccSymbol | null {
  // Symbols are mostly upper-case already, with no encoded spaces: no copy made for them.
  const m = OCC.exec(NOT_PLAIN_SYMBOL.test(text) ? text.toUpperCase().replace(/%20/g, ' ') : text);
  if (!m) return null;
  const expiry = isoDate(2000 + Number(m[2]), Number(m[3]), Number(m[4]));
  const strike = Number(m[6]) / 1000;
  if (!expiry || !(strike > 0)) return null;
  return { root: m[1] as string, expiry, side: m[5] === 'C' ? 'call' : 'put', strike };
}

/** Cheap pre-check: header cells are words; a row whose cells mostly start like numbers is data. */
export function mostlyNumeric(cells: string[]): boolean {
  let numeric = 0;
  for (const c of cells) {
    const ch = c.charCodeAt(0);
    // digits, '+', '-', '.', '$', '(' and the dash characters used for "no value"
    if (
      (ch >= 48 && ch <= 57) ||
      ch === 43 ||
      ch === 45 ||
      ch === 46 ||
      ch === 36 ||
      ch === 40 ||
      ch === 8212
    )
      numeric++;
  }
  return numeric * 2 > cells.length;
}
