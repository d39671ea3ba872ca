/**
 * Fidelity option chain (digital.fidelity.com): ARIA grids, one per open expiration; bid and
 * ask are buttons whose numbers may exist only in their aria-labels, e.g.
 * "sell Oct 16 2026 24 put at bid of 1.36". Those labels also give expiry, strike and side.
 */
import { ChainBuilder } from './build';
import { cellText, findDate, parseNumber } from './dom';
import { readTextGrid, type TextRow } from './layout';
import { pageSymbol, underlyingForRoot } from './page-info';
import { type ChainReader, EPOCH_ISO, failure, type ReaderOutput } from './types';

const LABEL = 'Fidelity';
/** Option-chain grids (2024 ag-grid based layout). */
const GRID = '[role="grid"]';
const ROW = '[role="row"]';
const CELL = '[role="gridcell"],[role="columnheader"]';
/** Bid/ask button labels: "sell Oct 16 2026 24 put at bid of 1.36". */
const QUOTE_LABEL =
  /^(?:buy|sell)\s+([A-Za-z]{3,9}\.?\s+\d{1,2},?\s+\d{4})\s+([\d,.]+)\s+(call|put)\s+at\s+(bid|ask)\s+of\s+(\S+)/i;
const SYMBOL = '.symbol-header .symbol';
const PRICE = '.symbol-header .last-price';

function cellValue(cell: Element): { text: string; expiry: string | null } {
  const text = cellText(cell);
  const btn = cell.matches('[aria-label]') ? cell : cell.querySelector('[aria-label]');
  const m = btn ? QUOTE_LABEL.exec(btn.getAttribute('aria-label') ?? '') : null;
  if (!m) return { text, expiry: null };
  // The label is the source of truth; visible text may be empty or abbreviated.
  return { text: m[5] as string, expiry: findDate(m[1] as string) };
}

function read(doc: Document, url: string, now: string): ReaderOutput {
  const builder = new ChainBuilder();
  const grids = Array.from(doc.querySelectorAll(GRID));
  let headers = 0;
  for (const grid of grids) {
    let expiry: string | null = null;
    const rows: TextRow[] = [];
    for (const row of Array.from(grid.querySelectorAll(ROW))) {
      const cells = Array.from(row.querySelectorAll(CELL)).map(cellValue);
      for (const c of cells) expiry ??= c.expiry;
      rows.push({ cells: cells.map((c) => c.text), extra: null });
    }
    headers += readTextGrid({ rows, expiryHint: expiry, sideHint: null }, builder).headerRows;
  }
  if (builder.rowCount() === 0) {
    return failure(
      headers > 0 ? 'no-rows' : grids.length > 0 ? 'layout-changed' : 'not-a-chain',
      LABEL,
      headers > 0
        ? 'the option grid has no readable rows (expected bid/ask buttons labelled "… at bid of …")'
        : 'no option-chain grid found (expected role=grid with Strike/Bid/Ask column headers)',
    );
  }
  const sym = doc.querySelector(SYMBOL);
  const price = doc.querySelector(PRICE);
  const symbol = sym ? cellText(sym).replace(/^\./, '') : pageSymbol(doc, url);
  return {
    ok: true,
    snapshot: builder.finish({
      reader: 'fidelity',
      url,
      readAt: now,
      symbol: symbol ? underlyingForRoot(symbol) : '',
      price: price ? parseNumber(cellText(price)) : null,
      quoteTime: null,
    }),
  };
}

export const reader: ChainReader = {
  id: 'fidelity',
  label: LABEL,
  matches: ['https://digital.fidelity.com/*'],
  detect: (doc, url) =>
    url.startsWith('https://digital.fidelity.com/') ||
    Array.from(doc.querySelectorAll('[role="grid"] button[aria-label]'))
      .slice(0, 5)
      .some((b) => QUOTE_LABEL.test(b.getAttribute('aria-label') ?? '')),
  read: (doc, url, now = EPOCH_ISO) => read(doc, url, now),
};
