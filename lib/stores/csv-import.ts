/**
 * CSV import of daily history (SPX close required; NYSE advances/declines, VIX close, VIX front
 * spread optional)
 * and of a VIX futures curve, for the options page. Headers are matched by synonyms, case and
 * spacing ignored. Each row is checked on its own: good rows are kept, bad rows are reported
 * with their line number and reason, never guessed.
 */
import Papa from 'papaparse';
import type { VixCurveSnapshot } from '../engine/snapshot-types';
import { vixCurveSnapshotSchema } from '../schema/snapshot';
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

function findColumn(headers: string[], synonyms: string[]): string | null {
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

function read(text: string): { headers: string[]; data: Record<string, string>[] } {
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
  const { headers, data } = read(text);
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

export interface CurveRow {
  /** null for the VIX spot row. */
  expiry: string | null;
  symbol: string | null;
  price: number;
}

/** Parses a VIX curve CSV: expiry,price[,symbol]; a row whose symbol or expiry is "VIX"/"spot" is spot. */
export function parseVixCurveCsv(text: string): CsvParse<CurveRow> {
  const { headers, data } = read(text);
  const expiryCol = findColumn(headers, [
    'expiry',
    'expiration',
    'expiration date',
    'settlement date',
    'date',
  ]);
  const priceCol = findColumn(headers, ['price', 'last', 'settle', 'settlement', 'close', 'level']);
  const symbolCol = findColumn(headers, ['symbol', 'contract', 'ticker']);
  if (!expiryCol || !priceCol)
    return {
      columns: headers,
      rows: [],
      error: 'Needs an expiry column and a price column (e.g. "Expiry,Price")',
    };
  const rows = data.map((cells, i): CsvRowResult<CurveRow> => {
    const line = i + 2;
    const symbol = symbolCol ? (cells[symbolCol] ?? '').trim() || null : null;
    const rawExpiry = (cells[expiryCol] ?? '').trim();
    const price = parseCsvNumber(cells[priceCol]);
    if (price === null || Number.isNaN(price) || price <= 0)
      return { line, cells, value: null, error: 'price must be a number above 0' };
    if (/^(vix|spot)$/i.test(symbol ?? '') || /^(vix|spot)$/i.test(rawExpiry))
      return { line, cells, value: { expiry: null, symbol: 'VIX', price }, error: null };
    const expiry = parseCsvDate(rawExpiry);
    if (!expiry) return { line, cells, value: null, error: 'expiry is not a date' };
    return { line, cells, value: { expiry, symbol, price }, error: null };
  });
  return { columns: headers, rows, error: rows.length ? null : 'The file has no data rows' };
}

/** Builds the curve snapshot from the good rows; an error when fewer than two futures remain. */
export function curveSnapshotOf(
  rows: CurveRow[],
  source: { url: string; readAt: string },
): { ok: true; snapshot: VixCurveSnapshot } | { ok: false; error: string } {
  const spot = rows.find((r) => r.expiry === null)?.price ?? null;
  const byExpiry = new Map<string, CurveRow>();
  for (const r of rows) if (r.expiry) byExpiry.set(r.expiry, r);
  const futures = [...byExpiry.values()]
    .sort((a, b) => (a.expiry ?? '').localeCompare(b.expiry ?? ''))
    .map((r) => ({ expiry: r.expiry ?? '', symbol: r.symbol, price: r.price }));
  if (futures.length < 2) return { ok: false, error: 'At least two futures months are needed' };
  const parsed = vixCurveSnapshotSchema.safeParse({
    kind: 'vix-curve',
    source: { reader: 'csv', url: source.url, readAt: source.readAt },
    spot,
    indices: {},
    futures,
  });
  return parsed.success
    ? { ok: true, snapshot: parsed.data }
    : { ok: false, error: parsed.error.issues[0]?.message ?? 'invalid curve' };
}
