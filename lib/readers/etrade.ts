/**
 * E*TRADE legacy option chain (us.etrade.com): plain HTML tables, either a straddle
 * (Calls | Strike | Puts under a two-level header) or separate Calls and Puts tables.
 */
import { cellText, parseNumber } from './dom';
import { readGenericChain } from './generic-table';
import { firstMatching } from './scan';
import { type ChainReader, defineReader, EPOCH_ISO } from './types';

const LABEL = 'E*TRADE';
/** Legacy chain tables (both views). TODO(2027-06-01): drop when the legacy page is retired. */
const CHAIN_TABLE = 'table.optionChainTable, table#optionChainTable';
/** Underlying last price in the legacy page header ("Last: 6,021.35"). */
const HEADER_LAST = '#header .last';
/** Underlying symbol in the legacy page header. */
const HEADER_SYMBOL = '#header .sym';

export const reader: ChainReader = defineReader({
  id: 'etrade',
  label: LABEL,
  matches: ['https://us.etrade.com/*'],
  detect: (doc, url) =>
    url.startsWith('https://us.etrade.com/') || firstMatching(doc, 'table', CHAIN_TABLE) !== null,
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
