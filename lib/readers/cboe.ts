/**
 * Cboe delayed quotes (www.cboe.com/delayed_quotes/<sym>/quote_table): the option table as
 * rendered (table or ARIA grid, OCC symbols under Calls/Puts). The page's own option-chain
 * JSON, observed by the page-world script, is read by cboe-json.ts.
 */
import { cellText, parseNumber } from './dom';
import { easternToIso } from './eastern-time';
import { readGenericChain } from './generic-table';
import { firstMatching } from './scan';
import { type ChainReader, defineReader, EPOCH_ISO, type PageUrls } from './types';

const LABEL = 'Cboe delayed quotes';
/** Underlying price in the quote header (2024 layout). */
const PRICE = '[data-testid="current-price"]';
/** "As of Nov 26, 2026 9:45 AM ET" under the quote header. */
const TIMESTAMP = '.quote-header .timestamp, [data-testid="quote-timestamp"]';
/** The quote table of one symbol (SPX, VIX, …); not its overview, chart or the data API. */
const PAGE_URL = /^https:\/\/www\.cboe\.com\/delayed_quotes\/[^/]+\/quote_table/i;

/** What {@link PAGE_URL} is for (tests/readers/reader-urls.test.ts). */
export const PAGE_URLS: PageUrls = {
  pages: [
    'https://www.cboe.com/delayed_quotes/spx/quote_table',
    'https://www.cboe.com/delayed_quotes/spx/quote_table/',
    'https://www.cboe.com/delayed_quotes/vix/quote_table',
    'https://www.cboe.com/delayed_quotes/ndx/quote_table',
  ],
  nearMisses: [
    'https://www.cboe.com/delayed_quotes/spx',
    'https://www.cboe.com/delayed_quotes/spx/chart',
    'https://www.cboe.com/us/options/market_statistics/daily/',
    'https://cdn.cboe.com/api/global/delayed_quotes/options/_SPX.json',
    'https://www.cboe.com.evil.example/delayed_quotes/spx/quote_table',
    'http://www.cboe.com/delayed_quotes/spx/quote_table',
    'https://cboe.com/delayed_quotes/spx/quote_table',
  ],
};

export const reader: ChainReader = defineReader({
  id: 'cboe',
  label: LABEL,
  matches: ['https://www.cboe.com/*'],
  detect: (_doc, url) => PAGE_URL.test(url),
  read: (doc, url, now = EPOCH_ISO) => {
    const priceEl = firstMatching(doc, 'span,div', PRICE);
    const timeEl = firstMatching(doc, 'div,span', TIMESTAMP);
    return readGenericChain(doc, url, now, {
      readerId: 'cboe',
      label: LABEL,
      expected: 'the option table (Calls | Strike | Puts)',
      // Cboe writes IV as a bare fraction ("0.2145") under a plain "IV" header.
      ivUnit: 'fraction',
      price: priceEl ? parseNumber(cellText(priceEl)) : null,
      quoteTime: timeEl ? easternToIso(cellText(timeEl)) : null,
    });
  },
});
