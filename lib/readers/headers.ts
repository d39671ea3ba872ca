/**
 * Header synonyms: what a chain's column headers say → which field they hold.
 * Matching is on the normalised header (lowercase, punctuation and "call"/"put" prefixes off).
 */

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

const SYNONYMS: Record<string, Field> = {
  strike: 'strike',
  'strike price': 'strike',
  strikes: 'strike',
  'exercise price': 'strike',
  bid: 'bid',
  'bid price': 'bid',
  'bid px': 'bid',
  ask: 'ask',
  'ask price': 'ask',
  offer: 'ask',
  'ask px': 'ask',
  last: 'last',
  'last price': 'last',
  'last sale': 'last',
  'last trade': 'last',
  price: 'last',
  'last px': 'last',
  lst: 'last',
  mark: 'mark',
  mid: 'mark',
  'mid price': 'mark',
  midpoint: 'mark',
  vol: 'volume',
  volume: 'volume',
  'vol.': 'volume',
  'total volume': 'volume',
  oi: 'openInterest',
  'open int': 'openInterest',
  'open interest': 'openInterest',
  'open int.': 'openInterest',
  'opn int': 'openInterest',
  iv: 'iv',
  'imp vol': 'iv',
  'impl vol': 'iv',
  'implied vol': 'iv',
  'implied volatility': 'iv',
  ivol: 'iv',
  'iv%': 'iv',
  'imp. vol': 'iv',
  delta: 'delta',
  δ: 'delta',
  Δ: 'delta',
  type: 'type',
  root: 'root',
  'option root': 'root',
  'option type': 'type',
  'call/put': 'type',
  'c/p': 'type',
  'put/call': 'type',
  side: 'type',
  symbol: 'symbol',
  'contract name': 'symbol',
  contract: 'symbol',
  'option symbol': 'symbol',
  option: 'symbol',
  calls: 'symbol',
  puts: 'symbol',
  expiration: 'expiry',
  'expiration date': 'expiry',
  expiry: 'expiry',
  'exp date': 'expiry',
  exp: 'expiry',
  expires: 'expiry',
};

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
  const field = SYNONYMS[t] ?? SYNONYMS[t.replace(/\.$/, '')];
  if (field) return { field, side, known: true, ivUnit: ivUnit(field) };
  return { field: 'other', side, known: KNOWN_OTHER.has(t), ivUnit: null };
}
