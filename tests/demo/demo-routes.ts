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
