/**
 * Underlying symbol and price from page furniture (title, URL, quote header), shared by the
 * generic and site readers. Returns null rather than guessing.
 */
import { cellText, collectRoots, parseNumber } from './dom';

/** Underlying for an option root: SPXW → SPX, NDXP → NDX, VIXW → VIX; others unchanged. */
export function underlyingForRoot(root: string): string {
  const map: Record<string, string> = {
    SPXW: 'SPX',
    SPXPM: 'SPX',
    NDXP: 'NDX',
    VIXW: 'VIX',
    RUTW: 'RUT',
    XSP: 'XSP',
  };
  return map[root] ?? root;
}

/** Symbol from the title "(SPY)", a "/quote/SPY" style URL, or null. */
export function pageSymbol(doc: Document, url: string): string | null {
  const title = doc.title ?? '';
  const m = /\(\^?([A-Z][A-Z0-9.]{0,9})\)/.exec(title);
  if (m) return m[1] as string;
  const u = /\/(?:quotes?|symbol|delayed_quotes)\/[%$^_]*(?:24)?([A-Za-z][A-Za-z0-9.]{0,9})(?:[/?#]|$)/.exec(
    url,
  );
  return u ? (u[1] as string).toUpperCase() : null;
}

/** Elements that hold the underlying's last price on common quote headers. */
export const PRICE_SELECTORS = [
  // Yahoo Finance 2023+ (fin-streamer) and 2020 layout
  'fin-streamer[data-field="regularMarketPrice"]',
  '[data-testid="qsp-price"]',
  '#quote-header-info span[class*="Fz(36px)"]',
  // schema.org markup some quote pages carry
  '[itemprop="price"]',
];

/** Underlying price from a known quote-header element, else null. */
export function pagePrice(doc: Document): number | null {
  for (const root of collectRoots(doc, 20)) {
    for (const sel of PRICE_SELECTORS) {
      let el: Element | null = null;
      try {
        el = root.querySelector(sel);
      } catch {
        el = null;
      }
      if (!el) continue;
      const v = parseNumber(el.getAttribute('value') ?? el.getAttribute('content') ?? cellText(el));
      if (v !== null && v > 0) return v;
    }
  }
  return null;
}
