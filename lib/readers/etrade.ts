/**
 * E*TRADE legacy option chain (us.etrade.com): plain HTML tables, either a straddle
 * (Calls | Strike | Puts under a two-level header) or separate Calls and Puts tables.
 */
import { cellText, parseNumber } from './dom';
import { readGenericChain } from './generic-table';
import { firstMatching } from './scan';
import { type ChainReader, defineReader, EPOCH_ISO, type PageUrls } from './types';

const LABEL = 'E*TRADE';
/** Legacy chain tables (both views). TODO(2027-06-01): drop when the legacy page is retired. */
const CHAIN_TABLE = 'table.optionChainTable, table#optionChainTable';
/** Underlying last price in the legacy page header ("Last: 6,021.35"). */
const HEADER_LAST = '#header .last';
/** Underlying symbol in the legacy page header. */
const HEADER_SYMBOL = '#header .sym';
/**
 * An option-chain path on us.etrade.com; not the rest of the logged-in site (positions,
 * documents, stock plans). No saved copy of the live page: its tables are recognised by
 * their markup too ({@link CHAIN_TABLE}).
 */
const PAGE_URL = /^https:\/\/us\.etrade\.com\/[^?#]*option-?chain/i;

/** What {@link PAGE_URL} is for (tests/readers/reader-urls.test.ts). */
export const PAGE_URLS: PageUrls = {
  pages: [
    'https://us.etrade.com/etx/hw/optionchain?symbol=SPX',
    'https://us.etrade.com/etx/hw/optionchain?symbol=SPX#/chain',
  ],
  nearMisses: [
    'https://us.etrade.com/etx/pxy/portfolios/positions',
    'https://us.etrade.com/etx/pxy/accountdocs#/documents',
    'https://us.etrade.com/etx/mkt/quotes?symbol=SPX#/snapshot',
    'https://us.etrade.com/home',
    'https://us.etrade.com.evil.example/etx/hw/optionchain?symbol=SPX',
    'http://us.etrade.com/etx/hw/optionchain?symbol=SPX',
    'https://www.etrade.com/etx/hw/optionchain?symbol=SPX',
  ],
};

export const reader: ChainReader = defineReader({
  id: 'etrade',
  label: LABEL,
  matches: ['https://us.etrade.com/*'],
  detect: (doc, url) => PAGE_URL.test(url) || firstMatching(doc, 'table', CHAIN_TABLE) !== null,
  read: (doc, url, now = EPOCH_ISO) => {
    const last = firstMatching(doc, 'span,div', HEADER_LAST);
    return readGenericChain(doc, url, now, {
      readerId: 'etrade',
      label: LABEL,
      gridFilter: (el) => el.matches(CHAIN_TABLE),
      expected: 'table.optionChainTable',
      price: last ? parseNumber(cellText(last).replace(/^last:?\s*/i, '')) : null,
      symbol: cellText(firstMatching(doc, 'span,div', HEADER_SYMBOL) ?? doc.createElement('i')) || null,
    });
  },
});
