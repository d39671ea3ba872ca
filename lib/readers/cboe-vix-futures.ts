/**
 * Cboe VIX futures pages: the VIX futures quote table (Symbol | Expiration | Last | … |
 * Settlement) and the futures settlement table (Product | Symbol | Expiration Date | Price).
 */
import { cellText, parseNumber } from './dom';
import { readVixPage } from './generic-vix-table';
import { firstMatching } from './scan';
import { type ChainReader, defineReader, EPOCH_ISO } from './types';

const LABEL = 'Cboe VIX futures';
/** Pages: VIX futures product page and the futures settlement statistics page. */
const URL_PATTERN =
  /^https:\/\/www\.cboe\.com\/(tradable_products\/vix\/vix_futures|us\/futures\/market_statistics\/settlement|delayed_quotes\/vix\/futures)/i;
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
