/**
 * Who may set the VIX inputs every tab's plan shares. A VIX futures curve comes only from a
 * VIX curve reader on its own VIX page (Cboe VIX futures, VIX Central), a VIX option chain
 * only from the Cboe delayed-quotes VIX options page; anything else (a generic table on any
 * page, a chain whose symbol merely says "VIX") stays in its own tab. The user's import and
 * manual entry go through the options page / side panel, not through here.
 *
 * The page URL is the browser's (the message sender's), never one the content script claims.
 * tests/lib/background/vix-sources.test.ts checks these patterns against the readers' own
 * detection so the two cannot drift apart.
 */
import type { ChainSnapshot, VixCurveSnapshot } from '../engine/snapshot-types';

/** VIX curve readers and the pages each is trusted on. */
export const VIX_CURVE_SOURCES: readonly { reader: string; page: RegExp }[] = [
  {
    reader: 'cboe-vix-futures',
    page: /^https:\/\/www\.cboe\.com\/(tradable_products\/vix\/vix_futures|us\/futures\/market_statistics\/settlement|delayed_quotes\/vix\/futures)\/?([?#]|$)/i,
  },
  { reader: 'vixcentral', page: /^https?:\/\/(www\.)?vixcentral\.com\// },
];

/** VIX option chain readers and the pages each is trusted on. */
export const VIX_CHAIN_SOURCES: readonly { reader: string; page: RegExp }[] = [
  { reader: 'cboe', page: /^https:\/\/www\.cboe\.com\/delayed_quotes\/vix\/quote_table/i },
];

/** True when this curve, read on `pageUrl`, may become every tab's VIX curve. */
export function trustedVixCurve(curve: VixCurveSnapshot, pageUrl: string | null): boolean {
  if (!pageUrl) return false;
  return VIX_CURVE_SOURCES.some((s) => s.reader === curve.source.reader && s.page.test(pageUrl));
}

/** True when this chain is a VIX option chain from a trusted VIX options page. */
export function trustedVixChain(chain: ChainSnapshot, pageUrl: string | null): boolean {
  if (!pageUrl || !/^\^?VIX$/i.test(chain.underlying.symbol)) return false;
  return VIX_CHAIN_SOURCES.some((s) => s.reader === chain.source.reader && s.page.test(pageUrl));
}

/** What the tab's status says about a VIX curve it read but may not share. */
export const UNTRUSTED_CURVE_NOTE =
  'VIX curve on this page not used: only Cboe VIX futures and VIX Central pages (or your import or entry) set the VIX curve.';
