// @vitest-environment happy-dom
/** The hub's trusted VIX pages agree with the VIX readers' own page detection. */
import { describe, expect, it } from 'vitest';
import { VIX_CHAIN_SOURCES, VIX_CURVE_SOURCES } from '../../../lib/background/vix-sources';
import { readerById } from '../../../lib/readers/read-page';

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
  }
});
