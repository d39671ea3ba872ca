/**
 * CSV import of a VIX futures curve for the options page: expiry,price[,symbol] rows; a row
 * whose symbol or expiry reads "VIX"/"spot" is the spot. Prices in VIX points. The preview
 * applies the import's own checks: a row is good only if the snapshot schema takes it, a
 * second row for an expiry is an error, and a file the import would refuse says why.
 */
import type { VixCurveSnapshot } from '../engine/snapshot-types';
import { vixCurveSnapshotSchema } from '../schema/snapshot';
import {
  type CsvParse,
  type CsvRowResult,
  findColumn,
  parseCsvDate,
  parseCsvNumber,
  readCsv,
} from './csv-import';

export interface CurveRow {
  /** null for the VIX spot row. */
  expiry: string | null;
  symbol: string | null;
  price: number;
}

/** One futures month as the snapshot schema checks it (symbol ≤ 16 characters, price > 0). */
const futureSchema = vixCurveSnapshotSchema.shape.futures._zod.def.element;

/** Parses a VIX curve CSV: expiry,price[,symbol]; a row whose symbol or expiry is "VIX"/"spot" is spot. */
export function parseVixCurveCsv(text: string): CsvParse<CurveRow> {
  const { headers, data } = readCsv(text);
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
  const seen = new Set<string>();
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
    const checked = futureSchema.safeParse({ expiry, symbol, price });
    if (!checked.success) {
      const issue = checked.error.issues[0];
      return { line, cells, value: null, error: `${issue?.path.join('.')}: ${issue?.message}` };
    }
    if (seen.has(expiry)) return { line, cells, value: null, error: `second row for ${expiry}` };
    seen.add(expiry);
    return { line, cells, value: { expiry, symbol, price }, error: null };
  });
  if (rows.length === 0) return { columns: headers, rows, error: 'The file has no data rows' };
  // The import's own check on what would be imported.
  const good = rows.flatMap((r) => (r.value ? [r.value] : []));
  const built = curveSnapshotOf(good, { url: 'file:preview.csv', readAt: new Date(0).toISOString() });
  return { columns: headers, rows, error: built.ok ? null : `Not importable: ${built.error}` };
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
