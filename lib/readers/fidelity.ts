/**
 * Fidelity option chain (digital.fidelity.com): ARIA grids, one per open expiration; bid and
 * ask are buttons whose numbers may exist only in their aria-labels, e.g.
 * "sell Oct 16 2026 24 put at bid of 1.36". Those labels also give expiry, strike and side.
 */
import { ChainBuilder } from './build';
import { cellText, findDate, parseNumber } from './dom';
import { readTextGrid, type TextRow } from './layout';
import { pageSymbol, underlyingForRoot } from './page-info';
import { byRole, byTag, descendants, firstMatching } from './scan';
import {
  type ChainReader,
  defineReader,
  EPOCH_ISO,
  failure,
  type PageUrls,
  type ReaderOutput,
} from './types';

const LABEL = 'Fidelity';
/** Option-chain grids (2024 ag-grid based layout). */
const GRID = '[role="grid"]';
const CELL_ROLES = new Set(['gridcell', 'columnheader']);
/** Bid/ask button labels: "sell Oct 16 2026 24 put at bid of 1.36". */
const QUOTE_LABEL =
  /^(?:buy|sell)\s+([A-Za-z]{3,9}\.?\s+\d{1,2},?\s+\d{4})\s+([\d,.]+)\s+(call|put)\s+at\s+(bid|ask)\s+of\s+(\S+)/i;
const SYMBOL = '.symbol-header .symbol';
const PRICE = '.symbol-header .last-price';
/** The option-chain page of Fidelity's options research; not portfolio or other pages. */
const PAGE_URL =
  /^https:\/\/digital\.fidelity\.com\/ftgw\/digital\/options-research\/option-chain\/?([?#]|$)/;

/** What {@link PAGE_URL} is for (tests/readers/reader-urls.test.ts). */
export const PAGE_URLS: PageUrls = {
  pages: [
    'https://digital.fidelity.com/ftgw/digital/options-research/option-chain?symbol=.SPX',
    'https://digital.fidelity.com/ftgw/digital/options-research/option-chain?symbol=AAPL&oarchain=true',
  ],
  nearMisses: [
    'https://digital.fidelity.com/ftgw/digital/portfolio/summary',
    'https://digital.fidelity.com/ftgw/digital/portfolio/positions',
    'https://digital.fidelity.com/ftgw/digital/options-research/?symbol=.SPX',
    'https://www.fidelity.com/trading/help/active-trader-pro/option-chain',
    'https://digital.fidelity.com.evil.example/ftgw/digital/options-research/option-chain?symbol=.SPX',
    'http://digital.fidelity.com/ftgw/digital/options-research/option-chain?symbol=.SPX',
  ],
};

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
  const grids = byRole(doc, 'grid');
  let headers = 0;
  for (const grid of grids) {
    let expiry: string | null = null;
    const rows: TextRow[] = [];
    for (const row of descendants(grid, (el) => el.getAttribute('role') === 'row')) {
      const cells = descendants(row, (el) => CELL_ROLES.has(el.getAttribute('role') ?? '')).map(cellValue);
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
  const sym = firstMatching(doc, 'h1,span,div', SYMBOL);
  const price = firstMatching(doc, 'span,div', PRICE);
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

export const reader: ChainReader = defineReader({
  id: 'fidelity',
  label: LABEL,
  matches: ['https://digital.fidelity.com/*'],
  detect: (doc, url) =>
    PAGE_URL.test(url) ||
    byTag(doc, 'button')
      .filter((b) => b.hasAttribute('aria-label'))
      .slice(0, 20)
      .some((b) => QUOTE_LABEL.test(b.getAttribute('aria-label') ?? '') && b.closest(GRID) !== null),
  read: (doc, url, now = EPOCH_ISO) => read(doc, url, now),
});
