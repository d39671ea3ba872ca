/**
 * CSV import: Cboe delayed-quotes "quotedata" downloads (SPX/NDX chains with vendor IV and
 * greeks), Cboe futures settlement CSVs (VIX curve), and generic chain CSVs whose headers
 * use the usual synonyms. Used by the options page and the CLI.
 */
import Papa from 'papaparse';
import { ChainBuilder } from './build';
import { cleanText, findDate, parseNumber } from './dom';
import { easternToIso } from './eastern-time';
import { readTextGrid } from './layout';
import { underlyingForRoot } from './page-info';
import type { ReadResult } from './types';
import { buildVixCurve } from './vix-curve';
import { readVixRows } from './vix-table';

/** Largest CSV we parse (characters); Cboe's full SPX download is ~1.6 MB. */
export const MAX_CSV_CHARS = 20_000_000;

export interface CsvOptions {
  /** Where the file came from (file name or URL), stamped as `source.url`. */
  url: string;
  /** ISO instant stamped as `source.readAt`. */
  now: string;
}

/** "Mar 22 2020 @ 18:24 ET" (24-hour) or "Date: February 5 2022, 8:09 PM EST" → ISO instant. */
export function quotedataTime(text: string): string | null {
  const t = cleanText(text);
  const h24 = /@\s*(\d{1,2}):(\d{2})\s*ET/i.exec(t);
  if (h24) {
    const hour = Number(h24[1]);
    const ampm = `${hour % 12 === 0 ? 12 : hour % 12}:${h24[2]} ${hour < 12 ? 'AM' : 'PM'}`;
    return easternToIso(`${t.replace(/@.*$/, '')} ${ampm}`);
  }
  return easternToIso(t);
}

function readQuotedata(rows: string[][], opts: CsvOptions): ReadResult {
  const first = rows[0] ?? [];
  const second = rows[1] ?? [];
  const builder = new ChainBuilder();
  const stats = readTextGrid(
    { rows: rows.slice(2).map((cells) => ({ cells, extra: null })), expiryHint: null, sideHint: null },
    builder,
  );
  if (builder.rowCount() === 0) {
    return {
      ok: false,
      reader: 'csv-quotedata',
      failure: {
        reason: 'no-rows',
        detail: `Cboe quotedata CSV: no readable rows (${stats.notes.join('; ') || 'empty'})`,
      },
    };
  }
  // Line 1: "^SPX (Standard & Poors 500 Index),2304.92,-104.47" or "Standard & Poors 500 Index,Last: 4500.53,…"
  const lastField = first.find((c) => /^last:/i.test(cleanText(c)));
  const price = parseNumber(lastField ? cleanText(lastField).replace(/^last:\s*/i, '') : (first[1] ?? ''));
  const snap = builder.finish({
    reader: 'csv-quotedata',
    url: opts.url,
    readAt: opts.now,
    symbol: '',
    price: price !== null && price > 0 ? price : null,
    quoteTime: quotedataTime(second[0] ?? ''),
    note: stats.notes.length > 0 ? stats.notes.join('; ') : null,
  });
  const root = snap.expiries.find((e) => e.root)?.root;
  const caret = /^\^([A-Z]+)/.exec(cleanText(first[0] ?? ''));
  snap.underlying.symbol = root ? underlyingForRoot(root) : (caret?.[1] ?? '');
  return { ok: true, reader: 'csv-quotedata', snapshots: [snap] };
}

/**
 * Reads CSV text into snapshots. Recognises the Cboe quotedata layout (three header lines),
 * a VIX futures settlement/quote CSV, or any chain CSV with Strike/Bid/Ask-style headers.
 * Never throws; a file with no chain returns a failure saying what was expected.
 */
export function readCsv(text: string, opts: CsvOptions): ReadResult {
  if (text.length > MAX_CSV_CHARS) {
    return {
      ok: false,
      reader: null,
      failure: { reason: 'too-large', detail: `CSV: ${text.length} characters is too large` },
    };
  }
  let rows: string[][];
  try {
    rows = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data.map((r) =>
      r.map((c) => String(c ?? '').trim()),
    );
  } catch (err) {
    const msg = err instanceof Error ? err.message : String(err);
    return {
      ok: false,
      reader: null,
      failure: { reason: 'reader-error', detail: `CSV: could not parse (${msg})` },
    };
  }
  const third = (rows[2] ?? []).map((c) => c.toLowerCase());
  if (third[0] === 'expiration date' && third.includes('strike')) return readQuotedata(rows, opts);

  const vix = readVixRows(rows, opts.now);
  if (vix.futures.length >= 2) {
    return {
      ok: true,
      reader: 'csv-vix',
      snapshots: [
        buildVixCurve({
          reader: 'csv-vix',
          url: opts.url,
          readAt: opts.now,
          spot: vix.spot,
          indices: vix.indices,
          futures: vix.futures,
        }),
      ],
    };
  }
  const builder = new ChainBuilder();
  const stats = readTextGrid(
    { rows: rows.map((cells) => ({ cells, extra: null })), expiryHint: findDate(opts.url), sideHint: null },
    builder,
  );
  if (builder.rowCount() === 0) {
    return {
      ok: false,
      reader: 'csv',
      failure: {
        reason: stats.headerRows > 0 ? 'no-rows' : 'not-a-chain',
        detail:
          stats.headerRows > 0
            ? `CSV: a chain header was found but no row had a readable strike, side and expiry${stats.notes.length ? ` (${stats.notes.join('; ')})` : ''}`
            : 'CSV: no option chain found (expected a header with Strike, Bid, Ask … or VIX futures Symbol/Expiration/Price)',
      },
    };
  }
  const snap = builder.finish({
    reader: 'csv',
    url: opts.url,
    readAt: opts.now,
    symbol: '',
    price: null,
    quoteTime: null,
    note: stats.notes.length > 0 ? stats.notes.join('; ') : null,
  });
  const root = snap.expiries.find((e) => e.root)?.root;
  snap.underlying.symbol = root ? underlyingForRoot(root) : '';
  return { ok: true, reader: 'csv', snapshots: [snap] };
}
