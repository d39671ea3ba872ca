/**
 * Cboe delayed-quotes "quotedata" downloads (SPX/NDX chains with vendor IV and greeks):
 * line 1 the underlying and its last price, line 2 the time of the download, line 3 the
 * header (Expiration Date, Calls, …, Strike, Puts, …), then one row per strike and expiry.
 */
import { ChainBuilder } from '../build';
import { cleanText, parseNumber } from '../dom';
import { easternToIso } from '../eastern-time';
import { readTextGrid } from '../layout';
import { underlyingForRoot } from '../page-info';
import type { ReadResult } from '../types';
import { type CsvOptions, lowerCells } from './csv-rows';

/** True for the quotedata layout: third row "Expiration Date, Calls, …, Strike, Puts, …". */
export function isQuotedata(rows: string[][]): boolean {
  const third = lowerCells(rows[2]);
  return (
    third[0] === 'expiration date' &&
    third.includes('calls') &&
    third.includes('puts') &&
    third.includes('strike')
  );
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

/** Reads a quotedata download (rows already split). */
export function readQuotedata(rows: string[][], opts: CsvOptions): ReadResult {
  const first = rows[0] ?? [];
  const second = rows[1] ?? [];
  const builder = new ChainBuilder();
  const stats = readTextGrid(
    {
      rows: rows.slice(2).map((cells) => ({ cells, extra: null })),
      expiryHint: null,
      sideHint: null,
      // Cboe states IV as a fraction (0.7614 = 76.14 %), as on its quote table.
      ivUnit: 'fraction',
    },
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
