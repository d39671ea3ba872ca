/**
 * Header synonyms: what a chain's column headers say → which field they hold.
 * Matching is on the normalised header (lowercase, punctuation and "call"/"put" prefixes off).
 */
import { byWord } from './word-table';

export type Field =
  | 'strike'
  | 'bid'
  | 'ask'
  | 'last'
  | 'mark'
  | 'volume'
  | 'openInterest'
  | 'iv'
  | 'delta'
  | 'type'
  | 'root'
  | 'symbol'
  | 'expiry'
  | 'other';

/** Fields that carry a quote value (used to recognise a header row and straddle halves). */
export const QUOTE_FIELDS: ReadonlySet<Field> = new Set([
  'bid',
  'ask',
  'last',
  'mark',
  'volume',
  'openInterest',
  'iv',
  'delta',
]);

/** What each field's headers say (normalised: lowercase, no units, no "call"/"put" prefix). */
const SYNONYMS = byWord<Exclude<Field, 'other'>>({
  strike: 'strike|strike price|strikes|exercise price',
  bid: 'bid|bid price|bid px',
  ask: 'ask|ask price|offer|ask px',
  last: 'last|last price|last sale|last trade|price|last px|lst',
  mark: 'mark|mid|mid price|midpoint',
  volume: 'vol|volume|vol.|total volume',
  openInterest: 'oi|open int|open interest|open int.|opn int',
  iv: 'iv|imp vol|impl vol|implied vol|implied volatility|ivol|iv%|imp. vol',
  delta: 'delta|δ|Δ',
  type: 'type|option type|call/put|c/p|put/call|side',
  root: 'root|option root',
  symbol: 'symbol|contract name|contract|option symbol|option|calls|puts',
  expiry: 'expiration|expiration date|expiry|exp date|exp|expires',
});

/** Headers of columns we know and do not read (greeks we compute, sizes, actions). */
const KNOWN_OTHER = new Set([
  'change',
  'chg',
  'net',
  '% change',
  '%change',
  'net chg',
  'gamma',
  'theta',
  'vega',
  'rho',
  'theo',
  'theo price',
  'tprice',
  'open',
  'high',
  'low',
  'time',
  'last trade date',
  'size',
  'bid size',
  'ask size',
  'premium',
  'prob itm',
  'prob otm',
  'ns',
  'itm',
  'action',
  'actions',
  'trade',
]);

export interface HeaderInfo {
  field: Field;
  /** Side named in the header itself ("Call Bid", "Puts"), else null. */
  side: 'call' | 'put' | null;
  /** True when the header is a known word (a synonym or a known ignored column). */
  known: boolean;
  /** Unit an IV header states: "IV (%)", "IV %" → percent; "IV (dec)", "IV (fraction)" → fraction. */
  ivUnit: 'percent' | 'fraction' | null;
}

/** Sort arrows, carets and icon glyphs headers carry beside their word. */
const GLYPHS = /[▲▼△▽▴▾▵▿↑↓↕⇅⇵⇧⇩⬆⬇⌃⌄⏶⏷❯❮›‹»«ⓘℹ†‡]|[\ufe0e\ufe0f]/g;

/** Classifies one header cell's text. */
export function classifyHeader(raw: string): HeaderInfo {
  let t = raw
    .toLowerCase()
    .replace(GLYPHS, ' ')
    .replace(/[\s\u00a0]+/g, ' ')
    .trim();
  const percent = /%/.test(t);
  const fraction = /\((?:dec(?:imal)?|fraction|frac)\)/.test(t);
  // Units and notes in parentheses ("IV (%)", "Delta (Δ)") go before matching.
  t = t
    .replace(/\([^)]*\)/g, ' ')
    .replace(/[()*:]/g, '')
    .replace(/\s*%\s*$/, '')
    .replace(/\s+/g, ' ')
    .trim();
  const ivUnit = (field: Field): HeaderInfo['ivUnit'] =>
    field !== 'iv' ? null : percent ? 'percent' : fraction ? 'fraction' : null;
  let side: 'call' | 'put' | null = null;
  if (t === 'calls' || t === 'call') return { field: 'symbol', side: 'call', known: true, ivUnit: null };
  if (t === 'puts' || t === 'put') return { field: 'symbol', side: 'put', known: true, ivUnit: null };
  const m = /^(calls?|puts?)\s+(.+)$/.exec(t);
  if (m) {
    side = (m[1] as string).startsWith('c') ? 'call' : 'put';
    t = m[2] as string;
  }
  const field = SYNONYMS.get(t) ?? SYNONYMS.get(t.replace(/\.$/, ''));
  if (field) return { field, side, known: true, ivUnit: ivUnit(field) };
  return { field: 'other', side, known: KNOWN_OTHER.has(t), ivUnit: null };
}
