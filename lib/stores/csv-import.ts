/**
 * CSV import of daily history for the options page (SPX close required; NYSE advances and
 * declines, VIX close, VIX front spread optional), plus the CSV helpers lib/stores/
 * csv-vix-curve.ts shares. The file's kind is judged from its header first (lib/stores/
 * csv-kind.ts): a VIX, VVIX or VX futures history is refused in words, not read as SPX
 * closes. Headers are matched by synonyms, case and spacing ignored. Each row is checked on
 * its own: good rows are kept, bad rows are reported with their line and a reason in words.
 */
import Papa from 'papaparse';
import { type HistoryDay, historyDaySchema } from '../schema/stored';
import {
  type CsvIdentity,
  type CsvKind,
  DATE_HEADERS,
  identifyCsv,
  SPX_HEADERS,
  SPX_LOWEST_SINCE_1990,
  VIX_HEADERS,
  VIX_LEVEL_RANGE,
} from './csv-kind';

export interface CsvRowResult<T> {
  /** 1-based line in the file (the header is line 1). */
  line: number;
  cells: Record<string, string>;
  value: T | null;
  error: string | null;
}

export interface CsvParse<T> {
  columns: string[];
  rows: CsvRowResult<T>[];
  /** A file-level problem in words (a file of another kind, no header we know, empty file). */
  error: string | null;
  /** What the header (and, where it is ambiguous, the values) says the file holds. */
  identity?: CsvIdentity;
}

const norm = (h: string) => h.toLowerCase().replace(/[^a-z0-9]/g, '');

export function findColumn(headers: string[], synonyms: string[]): string | null {
  const wanted = synonyms.map(norm);
  return headers.find((h) => wanted.includes(norm(h))) ?? null;
}

/** "2026-11-26", "11/26/2026" or "2026/11/26" → "2026-11-26"; null otherwise. */
export function parseCsvDate(text: string): string | null {
  const t = text.trim();
  const isoLike = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/.exec(t);
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(t);
  const [y, mo, d] = isoLike ? isoLike.slice(1) : us ? [us[3], us[1], us[2]] : [];
  if (!y || !mo || !d) return null;
  const iso = `${y}-${mo.padStart(2, '0')}-${d.padStart(2, '0')}`;
  const dt = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(dt.getTime()) && dt.toISOString().startsWith(iso) ? iso : null;
}

/** "1,234.5" → 1234.5; "" / "—" / "N/A" → null; anything else unparsable → NaN. */
export function parseCsvNumber(text: string | undefined): number | null {
  const t = (text ?? '').trim().replace(/,/g, '');
  if (t === '' || t === '—' || t === '-' || /^n\/?a$/i.test(t)) return null;
  const v = Number(t.replace(/%$/, ''));
  return Number.isFinite(v) ? (t.endsWith('%') ? v / 100 : v) : Number.NaN;
}

export function readCsv(text: string): {
  headers: string[];
  data: Record<string, string>[];
  /** The first lines of the file as text (for identifyCsv and messages). */
  firstLines: string[];
} {
  const trimmed = text.trim();
  const out = Papa.parse<Record<string, string>>(trimmed, { header: true, skipEmptyLines: true });
  return { headers: out.meta.fields ?? [], data: out.data, firstLines: trimmed.split(/\r?\n/, 40) };
}

/** The refusal of a file that is not what the slot imports, in words. */
export function refusal(identity: CsvIdentity, slot: string, hint: string): string {
  const judged = identity.byValues
    ? ' These columns fit several kinds of file, so the range of the closes decided.'
    : '';
  return `This looks like ${identity.words}, not ${slot}.${judged} ${hint}`;
}

/** First and last date and the number of distinct days, of ISO dates; null when none. */
export function dateRangeOf(dates: string[]): { first: string; last: string; days: number } | null {
  if (dates.length === 0) return null;
  const sorted = [...new Set(dates)].sort();
  return { first: sorted[0] as string, last: sorted.at(-1) as string, days: sorted.length };
}

/** "2013-01-02 → 2023-12-29, 2,768 days". */
export function dateRangeText(r: { first: string; last: string; days: number }): string {
  return `${r.first} → ${r.last}, ${r.days.toLocaleString('en-US')} ${r.days === 1 ? 'day' : 'days'}`;
}

/** Rows left out, counted by reason (most frequent first). */
export function droppedByReason(rows: { error: string | null }[]): { reason: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const r of rows) if (r.error) counts.set(r.error, (counts.get(r.error) ?? 0) + 1);
  return [...counts].map(([reason, count]) => ({ reason, count })).sort((a, b) => b.count - a.count);
}

/** "3 rows left out: 2 date not readable; 1 SPX close is not a number" (or "no rows left out"). */
export function droppedText(rows: { error: string | null }[]): string {
  const by = droppedByReason(rows);
  const n = by.reduce((a, b) => a + b.count, 0);
  if (n === 0) return 'no rows left out';
  return `${n.toLocaleString('en-US')} ${n === 1 ? 'row' : 'rows'} left out: ${by.map((b) => `${b.count.toLocaleString('en-US')} × ${b.reason}`).join('; ')}`;
}

const HISTORY_COLUMNS = {
  date: DATE_HEADERS,
  spxClose: [...SPX_HEADERS, 'close', 'adj close', 'adjusted close'],
  advances: ['advances', 'adv', 'advancing', 'advancing issues'],
  declines: ['declines', 'dec', 'declining', 'declining issues'],
  vixClose: VIX_HEADERS,
  vxFrontSpread: ['vix front spread', 'vx front spread', 'front spread'],
} as const;

/** Field names in the user's words. */
const LABEL: Record<keyof HistoryDay, string> = {
  date: 'date',
  spxClose: 'SPX close',
  advances: 'advances',
  declines: 'declines',
  vixClose: 'VIX close',
  vxFrontSpread: 'VIX front spread',
};

/** What to do with a file of another kind dropped on the history slot. */
const HISTORY_HINT: Record<CsvKind, string> = {
  'spx-history': '',
  'vix-history':
    'The history import needs SPX closes; daily VIX closes go in a "VIX Close" column beside them.',
  'vvix-history': 'The plan does not use VVIX history; the history import needs SPX closes.',
  'vx-futures-daily':
    'Daily VX settlements are not imported here; for the current curve use "VIX futures curve".',
  'futures-settlement':
    'Import it with "Import an option chain" above: it keeps the monthly VX contracts as the VIX curve.',
  'vix-curve': 'Pick "VIX futures curve" above to import it.',
  'option-chain': 'Import it with "Import an option chain" above.',
  breadth: 'The history needs SPX closes: add a "SPX Close" column beside the advances and declines.',
  'no-header': 'The first line must name the columns, e.g. "Date,SPX Close".',
  unknown: 'The history needs a "Date" column and a "SPX Close" (or "Close") column.',
};

/** Checks one day's values beyond the schema; a reason in words, or null. */
function dayProblem(day: HistoryDay): string | null {
  if (!(day.spxClose > 0)) return 'SPX close must be above 0';
  if (day.date >= '1990-01-01' && day.spxClose < SPX_LOWEST_SINCE_1990)
    return `SPX close below ${SPX_LOWEST_SINCE_1990}, under any SPX close since 1990: not an SPX level`;
  for (const k of ['advances', 'declines'] as const) {
    const v = day[k];
    if (v !== null && !(Number.isInteger(v) && v >= 0))
      return `${LABEL[k]} must be a whole number, 0 or more`;
  }
  if (day.vixClose !== null && !(day.vixClose >= VIX_LEVEL_RANGE.min && day.vixClose <= VIX_LEVEL_RANGE.max))
    return `VIX close outside ${VIX_LEVEL_RANGE.min}–${VIX_LEVEL_RANGE.max}: not a VIX level`;
  return null;
}

/** Parses a daily-history CSV (date plus SPX close and any of the other value columns). */
export function parseHistoryCsv(text: string): CsvParse<HistoryDay> {
  const { headers, data, firstLines } = readCsv(text);
  const identity = identifyCsv(headers, data, firstLines);
  if (identity.kind !== 'spx-history')
    return {
      columns: headers,
      rows: [],
      error: refusal(
        identity,
        'SPX closes',
        identity.kind === 'unknown' && identity.byValues
          ? `An SPX history closes above ${SPX_LOWEST_SINCE_1990} from 1990 on; check the file is the one you meant.`
          : HISTORY_HINT[identity.kind],
      ),
      identity,
    };
  const col = Object.fromEntries(
    Object.entries(HISTORY_COLUMNS).map(([k, syn]) => [k, findColumn(headers, [...syn])]),
  ) as Record<keyof typeof HISTORY_COLUMNS, string | null>;
  if (!col.date || !col.spxClose)
    return { columns: headers, rows: [], error: HISTORY_HINT.unknown, identity };
  const seen = new Set<string>();
  const rows = data.map((cells, i): CsvRowResult<HistoryDay> => {
    const line = i + 2;
    const date = parseCsvDate(cells[col.date ?? ''] ?? '');
    if (!date) return { line, cells, value: null, error: 'date is not YYYY-MM-DD or M/D/YYYY' };
    const get = (k: Exclude<keyof HistoryDay, 'date'>) =>
      col[k] ? parseCsvNumber(cells[col[k] ?? '']) : null;
    const raw = {
      spxClose: get('spxClose'),
      advances: get('advances'),
      declines: get('declines'),
      vixClose: get('vixClose'),
      vxFrontSpread: get('vxFrontSpread'),
    };
    if (raw.spxClose === null) return { line, cells, value: null, error: 'SPX close is missing' };
    const bad = (Object.keys(raw) as (keyof typeof raw)[]).find((k) => Number.isNaN(raw[k]));
    if (bad) return { line, cells, value: null, error: `${LABEL[bad]} is not a number` };
    const day: HistoryDay = { date, ...raw, spxClose: raw.spxClose };
    const problem = dayProblem(day);
    if (problem) return { line, cells, value: null, error: problem };
    const parsed = historyDaySchema.safeParse(day);
    if (!parsed.success) {
      const field = parsed.error.issues[0]?.path[0] as keyof HistoryDay | undefined;
      return { line, cells, value: null, error: `${field ? LABEL[field] : 'a value'} is not valid` };
    }
    if (seen.has(date)) return { line, cells, value: null, error: 'a second row for a date already read' };
    seen.add(date);
    return { line, cells, value: parsed.data, error: null };
  });
  return { columns: headers, rows, error: rows.length ? null : 'The file has no data rows', identity };
}
