/**
 * Yahoo Finance options pages (finance.yahoo.com/quote/<SYM>/options): one expiry per page,
 * a Calls table and a Puts table with OCC contract names; expiry from the contract names.
 */
import { cleanText } from './dom';
import { readGenericChain } from './generic-table';
import { pagePrice } from './page-info';
import { byTag, firstMatching } from './scan';
import { type ChainReader, defineReader, EPOCH_ISO, type PageUrls } from './types';

const LABEL = 'Yahoo Finance';
/** 2020 React layout: table.calls / table.puts with class list-options. TODO(2027-06-01): drop if gone. */
const TABLE_2020 = 'table.list-options';
/** 2023+ layout: unclassed tables whose header starts with "Contract Name" under Calls/Puts headings. */
const HEADER_2023 = /^contract name$/i;

/** The options page of one symbol; not its quote page, news, or an option contract's page. */
const PAGE_URL = /^https:\/\/finance\.yahoo\.com\/quote\/[^/]+\/options/;

/** What {@link PAGE_URL} is for (tests/readers/reader-urls.test.ts). */
export const PAGE_URLS: PageUrls = {
  pages: [
    // Canonical links of shared/data/yahoo-options-html-2020.
    'https://finance.yahoo.com/quote/AAPL/options/',
    'https://finance.yahoo.com/quote/tsla/options/',
    'https://finance.yahoo.com/quote/%5ESPX/options/?date=1797552000',
    'https://finance.yahoo.com/quote/%5ESPX/options?date=1797465600&straddle=true',
  ],
  nearMisses: [
    'https://finance.yahoo.com/quote/AAPL/',
    'https://finance.yahoo.com/quote/%5ESPX/news/',
    'https://finance.yahoo.com/news/options-traders-brace-for-fed-decision-120000123.html',
    'https://finance.yahoo.com/quote/AAPL261218C00200000/',
    'https://finance.yahoo.com/markets/options/most-active/',
    'https://uk.finance.yahoo.com/quote/AAPL/options/',
    'https://finance.yahoo.com.evil.example/quote/AAPL/options/',
    'http://finance.yahoo.com/quote/AAPL/options/',
  ],
};

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
    PAGE_URL.test(url) ||
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
