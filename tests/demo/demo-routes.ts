import type { BrowserContext } from '@playwright/test';
import { demoChainPage, demoVixOptionsPage, demoVixPage } from './demo-pages';

/** Today's date in New York (the quotes' day), YYYY-MM-DD. */
export function newYorkDay(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'America/New_York' }).format(now);
}

/** The time of day in New York, "3:45 PM" (the quotes' time stamp: the pages are made fresh). */
export function newYorkClock(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-US', {
    timeZone: 'America/New_York',
    hour: 'numeric',
    minute: '2-digit',
  }).format(now);
}

/** The demo pages as generated routes for tests/support/static-server.ts. */
export const DEMO_ROUTES: Record<string, () => string> = {
  '/demo/spx-chain.html': () => demoChainPage(newYorkDay(), newYorkClock()),
  '/demo/vix-futures.html': () => demoVixPage(newYorkDay()),
  '/demo/vix-options.html': () => demoVixOptionsPage(newYorkDay()),
};

/**
 * VIX inputs come only from VIX pages (lib/background/vix-sources.ts): the demo VIX futures
 * and VIX options pages are served at the Cboe VIX addresses whose readers they match.
 * Playwright answers these requests in the browser; nothing goes to Cboe.
 */
export const DEMO_VIX_PAGES = {
  futures: 'https://www.cboe.com/tradable_products/vix/vix_futures/',
  options: 'https://www.cboe.com/delayed_quotes/vix/quote_table',
} as const;

/** Serves the demo VIX pages at {@link DEMO_VIX_PAGES} in `context` (a Playwright BrowserContext). */
export async function routeDemoVixPages(context: BrowserContext): Promise<void> {
  await context.route(`${DEMO_VIX_PAGES.futures}*`, (route) =>
    route.fulfill({ contentType: 'text/html', body: demoVixPage(newYorkDay()) }),
  );
  await context.route(`${DEMO_VIX_PAGES.options}*`, (route) =>
    route.fulfill({ contentType: 'text/html', body: demoVixOptionsPage(newYorkDay()) }),
  );
}
