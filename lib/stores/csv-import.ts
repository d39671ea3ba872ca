/**
 * CSV import of daily history for the options page (SPX close required; NYSE advances and
 * declines, VIX close, VIX front spread optional), plus the CSV helpers lib/stores/
 * csv-vix-curve.ts shares. Headers are matched by synonyms, case and spacing ignored. Each
 * row is checked on its own: good rows are kept, bad rows are reported with their line
 * number and reason, never guessed.
 */
import Papa from 'papaparse';
import { type HistoryDay, historyDaySchema } from '../schema/stored';

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
  /** A file-level problem (no header we know, empty file). */
  error: string | null;
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

export function readCsv(text: string): { headers: string[]; data: Record<string, string>[] } {
  const out = Papa.parse<Record<string, string>>(text.trim(), { header: true, skipEmptyLines: true });
  return { headers: out.meta.fields ?? [], data: out.data };
}

const HISTORY_COLUMNS = {
  date: ['date', 'day', 'trade date', 'timestamp'],
  spxClose: ['spx', 'spx close', 'close', 'adj close', 'spxclose'],
  advances: ['advances', 'adv', 'advancing', 'advancing issues'],
  declines: ['declines', 'dec', 'declining', 'declining issues'],
  vixClose: ['vix', 'vix close', 'vixclose'],
  vxFrontSpread: ['vix front spread', 'vx front spread', 'front spread'],
} as const;

/** Parses a daily-history CSV (date plus any of the value columns). */
export function parseHistoryCsv(text: string): CsvParse<HistoryDay> {
  const { headers, data } = readCsv(text);
  const col = Object.fromEntries(
    Object.entries(HISTORY_COLUMNS).map(([k, syn]) => [k, findColumn(headers, [...syn])]),
  ) as Record<keyof typeof HISTORY_COLUMNS, string | null>;
  if (!col.date)
    return { columns: headers, rows: [], error: 'No date column (expected a header like "Date")' };
  if (!col.spxClose)
    return { columns: headers, rows: [], error: 'No SPX close column (expected "SPX Close" or "Close")' };
  const valueCols = (['spxClose', 'advances', 'declines', 'vixClose', 'vxFrontSpread'] as const).filter(
    (k) => col[k],
  );
  const rows = data.map((cells, i): CsvRowResult<HistoryDay> => {
    const line = i + 2;
    const date = parseCsvDate(cells[col.date ?? ''] ?? '');
    if (!date) return { line, cells, value: null, error: 'date is not YYYY-MM-DD or M/D/YYYY' };
    const get = (k: (typeof valueCols)[number]) => (col[k] ? parseCsvNumber(cells[col[k] ?? '']) : null);
    const day = {
      date,
      spxClose: get('spxClose'),
      advances: get('advances'),
      declines: get('declines'),
      vixClose: get('vixClose'),
      vxFrontSpread: get('vxFrontSpread'),
    };
    if (day.spxClose === null) return { line, cells, value: null, error: 'SPX close is missing' };
    const bad = Object.entries(day).find(([, v]) => typeof v === 'number' && Number.isNaN(v));
    if (bad) return { line, cells, value: null, error: `${bad[0]} is not a number` };
    const parsed = historyDaySchema.safeParse(day);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return { line, cells, value: null, error: `${issue?.path.join('.')}: ${issue?.message}` };
    }
    return { line, cells, value: parsed.data, error: null };
  });
  return { columns: headers, rows, error: rows.length ? null : 'The file has no data rows' };
}
