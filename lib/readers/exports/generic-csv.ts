/**
 * Chain CSVs of no known vendor layout (headers read by synonym) and VIX futures
 * settlement/quote CSVs. Expiry comes only from the rows themselves (an Exp/Expiration
 * column, option symbols, a section caption): never from the file's name or a date above
 * the table. Rows without such evidence are dropped as `expiry-unknown`, and a file where
 * that leaves nothing says so.
 */
import { ChainBuilder } from '../build';
import { readTextGrid } from '../layout';
import { underlyingForRoot } from '../page-info';
import type { ReadResult } from '../types';
import { buildVixCurve } from '../vix-curve';
import { readVixRows } from '../vix-table';
import type { CsvOptions } from './csv-rows';

/** A VIX futures CSV (≥ 2 monthly contracts) as a curve snapshot, else null. */
export function readVixCsv(rows: string[][], opts: CsvOptions): ReadResult | null {
  const vix = readVixRows(rows, opts.now);
  if (vix.futures.length < 2) return null;
  const curve = buildVixCurve({
    reader: 'csv-vix',
    url: opts.url,
    readAt: opts.now,
    spot: vix.spot,
    indices: vix.indices,
    futures: vix.futures,
  });
  return { ok: true, reader: 'csv-vix', snapshots: [curve] };
}

/** First row's cells, shortened, for a refusal that says what the file holds. */
function firstRowText(rows: string[][]): string {
  const cells = (rows[0] ?? []).filter((c) => c !== '').slice(0, 8);
  const text = cells.map((c) => (c.length > 24 ? `${c.slice(0, 24)}…` : c)).join(', ');
  return `${rows.length} rows; the first reads "${text}"${(rows[0]?.length ?? 0) > 8 ? ' …' : ''}`;
}

/** Reads a generic chain CSV (Strike/Bid/Ask-style headers). */
export function readGenericCsv(rows: string[][], opts: CsvOptions): ReadResult {
  const builder = new ChainBuilder();
  const stats = readTextGrid(
    { rows: rows.map((cells) => ({ cells, extra: null })), expiryHint: null, sideHint: null },
    builder,
  );
  const snap = builder.finish({
    reader: 'csv',
    url: opts.url,
    readAt: opts.now,
    symbol: '',
    price: null,
    quoteTime: null,
    note: stats.notes.length > 0 ? stats.notes.join('; ') : null,
  });
  if (snap.expiries.length === 0) {
    const noExpiry = snap.dropped.find((d) => d.reason === 'expiry-unknown')?.count ?? 0;
    const drops = snap.dropped.map((d) => `${d.count} ${d.reason}`).join(', ');
    let detail: string;
    if (stats.headerRows === 0)
      detail = `CSV: no option chain found (${firstRowText(rows)}; expected a header with Strike, Bid, Ask … or VIX futures Symbol/Expiration/Price)`;
    else if (noExpiry > 0)
      detail = `CSV: a chain header was found but the file shows no expiration for its rows (no Exp/Expiration column, option symbol or section caption; a file name is never used): ${noExpiry} quotes dropped as expiry-unknown`;
    else
      detail = `CSV: a chain header was found but no row had a readable strike, side and expiry${drops ? ` (dropped: ${drops})` : ''}${stats.notes.length ? ` (${stats.notes.join('; ')})` : ''}`;
    return {
      ok: false,
      reader: 'csv',
      failure: { reason: stats.headerRows > 0 ? 'no-rows' : 'not-a-chain', detail },
    };
  }
  const root = snap.expiries.find((e) => e.root)?.root;
  snap.underlying.symbol = root ? underlyingForRoot(root) : '';
  return { ok: true, reader: 'csv', snapshots: [snap] };
}
