/**
 * CSV import of a VIX futures curve for the options page: expiry,price[,symbol] rows; a row
 * whose symbol or expiry reads "VIX"/"spot" is the spot. Prices in VIX points. The preview
 * applies the import's own checks: a row is good only if the snapshot schema takes it, a
 * second row for an expiry is an error, and a file the import would refuse says why. A file
 * of another kind (a daily history, Cboe's settlement file, a chain) is refused by its header
 * (lib/stores/csv-kind.ts), and every error is in words, never a schema message.
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
  refusal,
} from './csv-import';
import { type CsvKind, identifyCsv } from './csv-kind';

/** Most futures months a curve holds (the snapshot schema's limit). */
const MAX_FUTURES = 24;

/** What to do with a file of another kind dropped on the VIX curve slot. */
const CURVE_HINT: Partial<Record<CsvKind, string>> = {
  'spx-history': 'Pick "Daily history" above to import it.',
  'vix-history': 'A daily VIX history is not a futures curve: the curve lists one price per futures month.',
  'vvix-history': 'The plan does not use VVIX history.',
  'vx-futures-daily':
    'That file holds every day since 2013; the curve is one day: one row per futures month (Expiry, Price).',
  'futures-settlement':
    'Import it with "Import an option chain" above: it keeps the monthly VX contracts and counts the other products.',
  'option-chain': 'Import it with "Import an option chain" above.',
  breadth: 'NYSE breadth is daily history: pick "Daily history" above (with an SPX Close column).',
  'no-header': 'The first line must name the columns, e.g. "Expiry,Price".',
};

/** One futures row's schema problem in words (the schema: ISO expiry, symbol ≤ 16 characters, price > 0). */
function futureProblem(field: PropertyKey | undefined): string {
  if (field === 'symbol') return 'symbol is longer than 16 characters';
  if (field === 'price') return 'price must be a number above 0';
  return 'expiry is not a date';
}

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
  const { headers, data, firstLines } = readCsv(text);
  const identity = identifyCsv(headers, data, firstLines);
  const hint = CURVE_HINT[identity.kind];
  if (hint !== undefined)
    return { columns: headers, rows: [], error: refusal(identity, 'a VIX futures curve', hint), identity };
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
      identity,
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
    if (!checked.success)
      return { line, cells, value: null, error: futureProblem(checked.error.issues[0]?.path[0]) };
    if (seen.has(expiry)) return { line, cells, value: null, error: `second row for ${expiry}` };
    seen.add(expiry);
    return { line, cells, value: { expiry, symbol, price }, error: null };
  });
  if (rows.length === 0) return { columns: headers, rows, error: 'The file has no data rows', identity };
  // The import's own check on what would be imported.
  const good = rows.flatMap((r) => (r.value ? [r.value] : []));
  const built = curveSnapshotOf(good, { url: 'file:preview.csv', readAt: new Date(0).toISOString() });
  return { columns: headers, rows, error: built.ok ? null : `Not importable: ${built.error}`, identity };
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
  if (futures.length > MAX_FUTURES)
    return {
      ok: false,
      error: `${futures.length} futures months; a VIX curve lists at most ${MAX_FUTURES} (one row per month of one day)`,
    };
  const parsed = vixCurveSnapshotSchema.safeParse({
    kind: 'vix-curve',
    source: { reader: 'csv', url: source.url, readAt: source.readAt },
    spot,
    indices: {},
    futures,
  });
  if (parsed.success) return { ok: true, snapshot: parsed.data };
  const where = parsed.error.issues[0]?.path[0];
  return {
    ok: false,
    error: where === 'spot' ? 'the VIX spot must be a number above 0' : 'a futures month failed its check',
  };
}
