// @vitest-environment happy-dom
/** The hub's trusted VIX pages agree with the VIX readers' own page detection. */
import { describe, expect, it } from 'vitest';
import { VIX_CHAIN_SOURCES, VIX_CURVE_SOURCES } from '../../../lib/background/vix-sources';
import { PAGE_URLS as CBOE_PAGES } from '../../../lib/readers/cboe';
import { PAGE_URLS as CBOE_VIX_FUTURES_PAGES } from '../../../lib/readers/cboe-vix-futures';
import { readerById } from '../../../lib/readers/read-page';
import type { PageUrls } from '../../../lib/readers/types';
import { PAGE_URLS as VIXCENTRAL_PAGES } from '../../../lib/readers/vixcentral';

/** Each VIX reader's own example pages and near-misses (kept next to its URL predicate). */
const READER_PAGES: Record<string, PageUrls> = {
  'cboe-vix-futures': CBOE_VIX_FUTURES_PAGES,
  vixcentral: VIXCENTRAL_PAGES,
  cboe: CBOE_PAGES,
};

const PAGES: Record<string, { yes: string[]; no: string[] }> = {
  'cboe-vix-futures': {
    yes: [
      'https://www.cboe.com/tradable_products/vix/vix_futures/',
      'https://www.cboe.com/us/futures/market_statistics/settlement/',
    ],
    no: ['https://www.cboe.com/delayed_quotes/spx/quote_table', 'http://127.0.0.1/vix.html'],
  },
  vixcentral: {
    yes: ['http://vixcentral.com/'],
    no: ['http://vixcentral.com.evil.test/', 'http://localhost/'],
  },
  cboe: {
    yes: ['https://www.cboe.com/delayed_quotes/vix/quote_table'],
    no: ['https://www.cboe.com/delayed_quotes/spx/quote_table'],
  },
};

describe('trusted VIX pages', () => {
  const doc = document.implementation.createHTMLDocument('x');
  for (const source of [...VIX_CURVE_SOURCES, ...VIX_CHAIN_SOURCES]) {
    const pages = PAGES[source.reader];
    it(`${source.reader}: trusted pages are pages its reader reads, and only those`, () => {
      expect(pages).toBeDefined();
      for (const url of pages?.yes ?? []) {
        expect(source.page.test(url), url).toBe(true);
        expect(readerById(source.reader)?.detect(doc, url), url).toBe(true);
      }
      for (const url of pages?.no ?? []) expect(source.page.test(url), url).toBe(false);
    });
    it(`${source.reader}: its reader's example pages are trusted where they are VIX pages, its near-misses never`, () => {
      const own = READER_PAGES[source.reader];
      expect(own).toBeDefined();
      // The Cboe quotes reader also reads SPX, NDX… quote tables: only its VIX page counts.
      const vixPages = (own?.pages ?? []).filter((u) => source.reader !== 'cboe' || /\/vix\//i.test(u));
      expect(vixPages.length).toBeGreaterThan(0);
      for (const url of vixPages) expect(source.page.test(url), url).toBe(true);
      for (const url of own?.nearMisses ?? []) expect(source.page.test(url), url).toBe(false);
    });
  }
});
