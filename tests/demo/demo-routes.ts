import { demoChainPage, demoVixOptionsPage, demoVixPage } from './demo-pages';

/** Today's date in New York (the quotes' day), YYYY-MM-DD. */
export function newYorkDay(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'America/New_York' }).format(now);
}

/** The demo pages as generated routes for tests/support/static-server.ts. */
export const DEMO_ROUTES: Record<string, () => string> = {
  '/demo/spx-chain.html': () => demoChainPage(newYorkDay()),
  '/demo/vix-futures.html': () => demoVixPage(newYorkDay()),
  '/demo/vix-options.html': () => demoVixOptionsPage(newYorkDay()),
};
