/**
 * What a CSV dropped on the options page holds, judged from its header row — and, only where
 * the header fits several kinds (Yahoo's Date,Open,High,Low,Close,Adj Close,Volume is the same
 * for ^GSPC and ^VIX; Cboe's DATE,OPEN,HIGH,LOW,CLOSE for every index it publishes), from the
 * range of the closes, saying so. Each import slot accepts its own kinds and refuses the rest
 * with these words, so a VIX history is never stored as SPX closes.
 */

export type CsvKind =
  | 'spx-history'
  | 'vix-history'
  | 'vvix-history'
  | 'vx-futures-daily'
  | 'futures-settlement'
  | 'vix-curve'
  | 'option-chain'
  | 'breadth'
  | 'no-header'
  | 'unknown';

export interface CsvIdentity {
  kind: CsvKind;
  /** The file in words: "a VIX history (columns DATE, OPEN, HIGH, LOW, CLOSE with values 9.31–82.69)". */
  words: string;
  /** True when the header fitted several kinds and the range of the closes decided. */
  byValues: boolean;
}

/** Lowest SPX close since 1990 (295.46 on 1990-10-11), index points: SPX levels since then are above it. */
export const SPX_LOWEST_SINCE_1990 = 295;
/** VIX has closed between 9.14 (2017) and 82.69 (2020) since 1990: a VIX-family level lies within this. */
export const VIX_LEVEL_RANGE = { min: 5, max: 100 } as const;
/** Closes dated from this day on are judged by level (VIX exists from 1990). */
const LEVEL_CHECK_FROM = '1990-01-01';

export const normHeader = (h: string) => h.toLowerCase().replace(/[^a-z0-9]/g, '');

/** Header synonyms shared by the history import and this check (compared after normHeader). */
export const DATE_HEADERS = ['date', 'day', 'trade date', 'timestamp', 'observation date'];
export const SPX_HEADERS = ['spx', 'spx close', 'spxclose', 'gspc', 'sp500', 's&p 500 close'];
export const VIX_HEADERS = ['vix', 'vix close', 'vixclose', 'vixcls'];

function has(headers: string[], names: string[]): string | null {
  const wanted = names.map(normHeader);
  return headers.find((h) => wanted.includes(normHeader(h))) ?? null;
}

/** "1,234.5" → 1234.5; anything unreadable → NaN. */
const num = (t: string | undefined) => Number((t ?? '').trim().replace(/,/g, ''));

/** "2026-11-26", "11/26/2026" → "2026-11-26"; null otherwise (no calendar check: only for ordering). */
function isoOf(t: string | undefined): string | null {
  const s = (t ?? '').trim();
  const iso = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/.exec(s);
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(s);
  const [y, m, d] = iso ? iso.slice(1) : us ? [us[3], us[1], us[2]] : [];
  return y && m && d ? `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}` : null;
}

const fmt = (x: number) => (x >= 1000 ? Math.round(x).toLocaleString('en-US') : String(Number(x.toFixed(2))));

function columnsWords(headers: string[]): string {
  const shown = headers.filter((h) => h.trim() !== '');
  return `columns ${shown.slice(0, 7).join(', ')}${shown.length > 7 ? ', …' : ''}`;
}

/** Judges a date + close file by the level of its closes (ambiguous headers only). */
function byLevel(
  headers: string[],
  data: Record<string, string>[],
  dateCol: string,
  closeCol: string,
): CsvIdentity {
  const all: number[] = [];
  const recent: number[] = [];
  for (const row of data) {
    const v = num(row[closeCol]);
    const d = isoOf(row[dateCol]);
    if (!(v > 0) || !d) continue;
    all.push(v);
    if (d >= LEVEL_CHECK_FROM) recent.push(v);
  }
  const cols = columnsWords(headers);
  if (all.length === 0)
    return { kind: 'unknown', words: `a file with ${cols} but no readable date and close`, byValues: true };
  // A loop, not Math.min(...all): a long file would overflow the argument list.
  let [lo, hi] = [Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY];
  for (const v of all) [lo, hi] = [Math.min(lo, v), Math.max(hi, v)];
  const range = lo === hi ? `value ${fmt(lo)}` : `values ${fmt(lo)}–${fmt(hi)}`;
  if (recent.length === 0)
    return {
      kind: 'spx-history',
      words: `a daily index history (${cols} with ${range}, all before 1990, before VIX existed)`,
      byValues: true,
    };
  const sorted = [...recent].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)] as number;
  const words = (what: string) => `${what} (${cols} with ${range})`;
  if (median >= SPX_LOWEST_SINCE_1990)
    return { kind: 'spx-history', words: words('an S&P 500 (SPX) history'), byValues: true };
  if (median >= VIX_LEVEL_RANGE.min && median <= VIX_LEVEL_RANGE.max)
    return { kind: 'vix-history', words: words('a VIX history'), byValues: true };
  // Between the two (VVIX, SPY, another index …): the levels cannot name it, so the words do not.
  return {
    kind: 'unknown',
    words: `a daily history whose closes fit neither SPX (above ${SPX_LOWEST_SINCE_1990} since 1990) nor VIX (${VIX_LEVEL_RANGE.min}–${VIX_LEVEL_RANGE.max}): ${cols} with ${range}`,
    byValues: true,
  };
}

/**
 * Identifies a CSV from its header row (`headers`, as papaparse read them) and, for ambiguous
 * headers, its rows. `firstLines`: the file's first lines as text (chain exports put a title
 * above their header).
 */
export function identifyCsv(
  headers: string[],
  data: Record<string, string>[],
  firstLines: string[],
): CsvIdentity {
  const cols = columnsWords(headers);
  const cells = headers.map((h) => h.trim()).filter((h) => h !== '');
  if (
    cells.length > 0 &&
    cells.every((h) => isoOf(h) !== null || /^\d{6,8}$/.test(h) || Number.isFinite(num(h)))
  )
    return {
      kind: 'no-header',
      words: `a file without a header row (its first line reads "${firstLines[0] ?? ''}")`,
      byValues: false,
    };
  const chainLine = firstLines.slice(0, 40).some((l) => l.split(',').some((c) => normHeader(c) === 'strike'));
  if (chainLine) return { kind: 'option-chain', words: 'an option chain (a Strike column)', byValues: false };
  if (
    has(headers, ['product']) &&
    has(headers, ['expiration date', 'expiry']) &&
    has(headers, ['price', 'settle'])
  )
    return { kind: 'futures-settlement', words: `Cboe's futures settlement file (${cols})`, byValues: false };
  if (has(headers, ['trade date']) && has(headers, ['futures']))
    return {
      kind: 'vx-futures-daily',
      words: `daily VX futures settlements by contract (${cols})`,
      byValues: false,
    };
  if (has(headers, ['vvix']))
    return { kind: 'vvix-history', words: `a VVIX history (${cols})`, byValues: false };
  const date = has(headers, DATE_HEADERS);
  if (date && has(headers, SPX_HEADERS))
    return { kind: 'spx-history', words: `a daily history with SPX closes (${cols})`, byValues: false };
  const close = has(headers, ['close', 'adj close', 'adjusted close']);
  if (date && close) return byLevel(headers, data, date, has(headers, ['close']) ?? close);
  if (date && has(headers, VIX_HEADERS))
    return { kind: 'vix-history', words: `a VIX history (${cols})`, byValues: false };
  const expiry = has(headers, ['expiry', 'expiration', 'expiration date', 'settlement date', 'date']);
  if (expiry && has(headers, ['price', 'last', 'settle', 'settlement', 'level']))
    return { kind: 'vix-curve', words: `a VIX futures curve (${cols})`, byValues: false };
  if (has(headers, ['advances', 'adv', 'advancing', 'declines', 'dec', 'declining']))
    return { kind: 'breadth', words: `NYSE breadth without SPX closes (${cols})`, byValues: false };
  return { kind: 'unknown', words: `a file with ${cols}`, byValues: false };
}
