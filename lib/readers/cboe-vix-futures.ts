/**
 * Cboe VIX futures pages: the VIX futures quote table (Symbol | Expiration | Last | … |
 * Settlement) and the futures settlement table (Product | Symbol | Expiration Date | Price).
 */
import { cellText, parseNumber } from './dom';
import { readVixPage } from './generic-vix-table';
import { firstMatching } from './scan';
import { type ChainReader, defineReader, EPOCH_ISO, type PageUrls } from './types';

const LABEL = 'Cboe VIX futures';
/**
 * Pages: VIX futures product page and the futures settlement statistics page (not the VIX
 * options page, nor the settlement page's CSV download, which is not a page).
 */
const URL_PATTERN =
  /^https:\/\/www\.cboe\.com\/(tradable_products\/vix\/vix_futures|us\/futures\/market_statistics\/settlement|delayed_quotes\/vix\/futures)\/?([?#]|$)/i;

/** What {@link URL_PATTERN} is for (tests/readers/reader-urls.test.ts). */
export const PAGE_URLS: PageUrls = {
  pages: [
    'https://www.cboe.com/tradable_products/vix/vix_futures/',
    'https://www.cboe.com/us/futures/market_statistics/settlement/',
    'https://www.cboe.com/us/futures/market_statistics/settlement/?dt=2023-12-15',
    // The predicate's third page; no saved copy of it yet.
    'https://www.cboe.com/delayed_quotes/vix/futures',
  ],
  nearMisses: [
    'https://www.cboe.com/tradable_products/vix/',
    'https://www.cboe.com/tradable_products/vix/vix_options/',
    'https://www.cboe.com/us/futures/market_statistics/settlement/csv/?dt=2023-12-15',
    'https://www.cboe.com/us/futures/market_statistics/historical_data/',
    'https://cfe.cboe.com/cfe-products/vx-cboe-volatility-index-vix-futures',
    'https://www.cboe.com.evil.example/tradable_products/vix/vix_futures/',
    'http://www.cboe.com/tradable_products/vix/vix_futures/',
  ],
};
/** VIX spot in the product page header. */
const SPOT = '[data-testid="vix-spot-price"], .vix-spot .price';

export const reader: ChainReader = defineReader({
  id: 'cboe-vix-futures',
  label: LABEL,
  matches: ['https://www.cboe.com/*'],
  detect: (_doc, url) => URL_PATTERN.test(url),
  read: (doc, url, now = EPOCH_ISO) => {
    const spotEl = firstMatching(doc, 'span,div', SPOT);
    return readVixPage(
      doc,
      url,
      now,
      'cboe-vix-futures',
      LABEL,
      spotEl ? parseNumber(cellText(spotEl)) : null,
    );
  },
});
