/**
 * Barchart options pages (www.barchart.com/…/options): the chain grid is a <bc-data-grid>
 * whose rows live in an open shadow root once rendered; the rows' data also sits on a
 * page-world JS property, which page-world/barchart-grid.ts posts and barchart-json.ts reads.
 * In a saved page the grid is empty: that is reported, not guessed.
 */
import { cellText, parseNumber } from './dom';
import { readGenericChain } from './generic-table';
import { byTag, firstMatching } from './scan';
import { type ChainReader, defineReader, EPOCH_ISO, failure, type PageUrls } from './types';

const LABEL = 'Barchart';
/** The grid custom element (2025 layout). */
const GRID_HOST = 'bc-data-grid';
/** Underlying last price in the symbol header. */
const PRICE = '.symbol-header-info .last-change';

/**
 * Options pages of stocks/indices ($SPX is under /stocks), ETFs and futures (one page per
 * option series after the future, as in the saved NQM25 page). Not the rest of the site:
 * futures quotes, overviews and screeners have grids too, but no chain.
 */
const PAGE_URL =
  /^https:\/\/www\.barchart\.com\/(stocks|etfs-funds|futures)\/quotes\/[^/?#]+\/options(\/[^/?#]+)?\/?([?#]|$)/;

/** What {@link PAGE_URL} is for (tests/readers/reader-urls.test.ts). */
export const PAGE_URLS: PageUrls = {
  pages: [
    'https://www.barchart.com/stocks/quotes/$SPX/options',
    'https://www.barchart.com/stocks/quotes/$SPX/options?expiration=2026-12-17-w',
    'https://www.barchart.com/stocks/quotes/AAPL/options?expiration=2026-12-18-m&moneyness=allRows',
    'https://www.barchart.com/etfs-funds/quotes/SPY/options',
    // Saved page's canonical link (shared/data/barchart-nq-futures-options-2025).
    'https://www.barchart.com/futures/quotes/NQM25/options/MC6M25',
    'https://www.barchart.com/futures/quotes/ESZ26/options',
  ],
  nearMisses: [
    'https://www.barchart.com/futures/quotes/NQM25/overview',
    'https://www.barchart.com/stocks/quotes/$SPX/overview',
    'https://www.barchart.com/stocks/quotes/AAPL/volatility-greeks',
    'https://www.barchart.com/options/unusual-activity/stocks',
    'https://www.barchart.com/',
    'https://www.barchart.com.evil.example/stocks/quotes/$SPX/options',
    'http://www.barchart.com/stocks/quotes/$SPX/options',
    'https://barchart.com/stocks/quotes/$SPX/options',
  ],
};

function inGridShadow(el: Element): boolean {
  const root = el.getRootNode() as Node & { host?: Element };
  return root.host?.tagName === GRID_HOST.toUpperCase();
}

export const reader: ChainReader = defineReader({
  id: 'barchart',
  label: LABEL,
  matches: ['https://www.barchart.com/*'],
  // The URL, or the grid element (a saved Barchart page served from this computer).
  detect: (doc, url) => PAGE_URL.test(url) || byTag(doc, GRID_HOST).length > 0,
  read: (doc, url, now = EPOCH_ISO) => {
    const hosts = byTag(doc, GRID_HOST);
    if (hosts.length > 0 && hosts.every((h) => !h.shadowRoot || h.shadowRoot.childElementCount === 0)) {
      return failure(
        'no-rows',
        LABEL,
        'the grid (bc-data-grid) has no rows in the page; its data is read from the page script (page-world) when the extension is running',
      );
    }
    const price = firstMatching(doc, 'span', PRICE);
    return readGenericChain(doc, url, now, {
      readerId: 'barchart',
      label: LABEL,
      gridFilter: inGridShadow,
      expected: 'bc-data-grid rows with Strike/Bid/Ask columns',
      price: price ? parseNumber(cellText(price)) : null,
      // Barchart names the selected expiry in "?expiration=2026-12-17-w".
      urlExpiryKeys: ['expiration'],
    });
  },
});
