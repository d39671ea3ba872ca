/**
 * Yahoo Finance options pages (finance.yahoo.com/quote/<SYM>/options): one expiry per page,
 * a Calls table and a Puts table with OCC contract names; expiry from the contract names.
 */
import { cleanText } from './dom';
import { readGenericChain } from './generic-table';
import { pagePrice } from './page-info';
import { byTag, firstMatching } from './scan';
import { type ChainReader, defineReader, EPOCH_ISO } from './types';

const LABEL = 'Yahoo Finance';
/** 2020 React layout: table.calls / table.puts with class list-options. TODO(2027-06-01): drop if gone. */
const TABLE_2020 = 'table.list-options';
/** 2023+ layout: unclassed tables whose header starts with "Contract Name" under Calls/Puts headings. */
const HEADER_2023 = /^contract name$/i;

function isYahooTable(el: Element): boolean {
  if (el.matches(TABLE_2020)) return true;
  if (el.tagName !== 'TABLE') return false;
  // Header row: the first row of the table's head (or of the table).
  const head = Array.from(el.children).find((c) => c.tagName === 'THEAD' || c.tagName === 'TR');
  const row = head?.tagName === 'THEAD' ? head.firstElementChild : head;
  const first = row?.firstElementChild;
  return first !== null && first !== undefined && HEADER_2023.test(cleanText(first.textContent));
}

export const reader: ChainReader = defineReader({
  id: 'yahoo',
  label: LABEL,
  matches: ['https://finance.yahoo.com/*'],
  detect: (doc, url) =>
    /^https:\/\/finance\.yahoo\.com\/quote\/[^/]+\/options/.test(url) ||
    firstMatching(doc, 'table', TABLE_2020) !== null ||
    /options? chain - yahoo finance/i.test(byTag(doc, 'title')[0]?.textContent ?? ''),
  read: (doc, url, now = EPOCH_ISO) =>
    readGenericChain(doc, url, now, {
      readerId: 'yahoo',
      label: LABEL,
      gridFilter: isYahooTable,
      expected: 'Calls/Puts tables with Contract Name/Strike/Bid/Ask headers',
      price: pagePrice(doc),
      // Yahoo names the selected expiry in "?date=<Unix seconds>"; contract names win over it.
      urlExpiryKeys: ['date'],
    }),
});
