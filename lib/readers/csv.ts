/**
 * CSV files people download or export, by layout: Cboe "quotedata" downloads, thinkorswim
 * desktop "Stock and Option Quote" exports, Fidelity Active Trader Pro exports, VIX futures
 * settlement CSVs, and generic chain CSVs (headers by synonym). This file only tells the
 * layouts apart; each layout's reader is in lib/readers/exports/. Used by the options page
 * import and the CLI. The file's name is never read for data.
 */
import { isQuotedata, readQuotedata } from './exports/cboe-quotedata';
import { type CsvOptions, csvRows } from './exports/csv-rows';
import { isFidelityAtp, readFidelityAtp } from './exports/fidelity-atp';
import { readGenericCsv, readVixCsv } from './exports/generic-csv';
import { readTosDesktop } from './exports/tos-desktop';
import { isTosDesktop } from './exports/tos-desktop-layout';
import type { ReadResult } from './types';

export { quotedataTime } from './exports/cboe-quotedata';
export { type CsvOptions, MAX_CSV_CHARS } from './exports/csv-rows';

/**
 * Reads CSV text into snapshots. Never throws; a file with no chain returns a failure
 * saying what the file holds and what was expected.
 */
export function readCsv(text: string, opts: CsvOptions): ReadResult {
  const parsed = csvRows(text);
  if (!parsed.ok) return parsed;
  const { rows } = parsed;
  if (isTosDesktop(rows)) return readTosDesktop(rows, opts, 'csv-tos-desktop');
  if (isQuotedata(rows)) return readQuotedata(rows, opts);
  if (isFidelityAtp(rows)) return readFidelityAtp(rows, opts);
  return readVixCsv(rows, opts) ?? readGenericCsv(rows, opts);
}
