/**
 * Underlying symbol and price from page furniture (title, URL, quote header), shared by the
 * generic and site readers. Returns null rather than guessing.
 */
import { cellText, parseNumber } from './dom';
import { easternToIso } from './eastern-time';
import { byTag, firstMatching } from './scan';
import { byWord } from './word-table';

const UNDERLYING_OF_ROOT = byWord({
  SPX: 'SPXW|SPXPM',
  NDX: 'NDXP',
  VIX: 'VIXW',
  RUT: 'RUTW',
  XSP: 'XSP',
});

/** Underlying for an option root: SPXW → SPX, NDXP → NDX, VIXW → VIX; others unchanged. */
export function underlyingForRoot(root: string): string {
  return UNDERLYING_OF_ROOT.get(root) ?? root;
}

/** Symbol in a "/quote/SPY" or "/quotes/$SPX" style URL, or null. */
export function urlSymbol(url: string): string | null {
  const u =
    /\/(?:quotes?|symbol|delayed_quotes)\/[%$^_]*(?:24|5E)?([A-Za-z][A-Za-z0-9.]{0,9})(?:[/?#]|$)/.exec(url);
  return u ? (u[1] as string).toUpperCase() : null;
}

/** Symbol from the title "(SPY)", the URL, or null. */
export function pageSymbol(doc: Document, url: string): string | null {
  const title = byTag(doc, 'title')[0]?.textContent ?? '';
  const m = /\(\^?([A-Z][A-Z0-9.]{0,9})\)/.exec(title);
  return m ? (m[1] as string) : urlSymbol(url);
}

/** Elements that hold the underlying's last price on common quote headers: [tag, selector]. */
export const PRICE_SELECTORS: [string, string][] = [
  // Yahoo Finance 2023+ (fin-streamer)
  ['fin-streamer', 'fin-streamer[data-field="regularMarketPrice"]'],
  // Yahoo Finance 2020 layout
  ['span', '#quote-header-info span[class*="Fz(36px)"]'],
];

/** Underlying price from a known quote-header element, else null. */
export function pagePrice(doc: Document): number | null {
  for (const [tag, sel] of PRICE_SELECTORS) {
    const el = firstMatching(doc, tag, sel);
    if (!el) continue;
    const v = parseNumber(el.getAttribute('value') ?? cellText(el));
    if (v !== null && v > 0) return v;
  }
  return null;
}

/** How many text nodes from the top of the page to look through for a quote time. */
const QUOTE_TIME_SCAN_NODES = 400;

/**
 * Quote time from an "as of <date> <h:mm AM/PM> ET" line near the top of the page (quote
 * headers put it there), as an ISO instant; null when there is none. Bounded: only the first
 * few hundred text nodes are looked at, so a huge chain costs nothing extra.
 */
export function pageQuoteTime(doc: Document): string | null {
  const body = doc.body;
  if (!body) return null;
  const walker = doc.createTreeWalker(body, 4 /* NodeFilter.SHOW_TEXT */);
  // Each parent once: the blanks between a table's rows all have the table body as parent,
  // whose text is the whole table's.
  const looked = new Set<Element>();
  for (let i = 0; i < QUOTE_TIME_SCAN_NODES; i++) {
    const node = walker.nextNode();
    if (!node) break;
    const parent = node.parentElement;
    if (!parent) continue;
    // A parent whose only child is this text (a table cell): its text is this node's, and no
    // other text node leads to it. Neither its text nor a set entry is made (live reads).
    const only = parent.firstChild === node && node.nextSibling === null;
    if (!only) {
      if (looked.has(parent)) continue;
      looked.add(parent);
    }
    const text = only ? (node.nodeValue ?? '') : (parent.textContent ?? '');
    if (text.length < 200 && /\bas of\b/i.test(text) && /\bE[SD]?T\b/.test(text)) {
      const iso = easternToIso(text);
      if (iso) return iso;
    }
  }
  return null;
}
