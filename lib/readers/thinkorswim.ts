/**
 * thinkorswim web (trade.thinkorswim.com): each expiration is an <li> with a button
 * [aria-expanded]; only opened expirations render their tables. Every quote cell carries an
 * aria-label "Strike 15.5, Call Bid — Unselected" naming strike, side and column; the number
 * is the cell's text (bid/ask labels show "—" even when a price is displayed).
 * Reads what is open and says in coverage.note what is collapsed.
 */
import type { Quote } from '../engine/snapshot-types';
import { ChainBuilder, emptyQuote } from './build';
import { cellText, findDate, parseNumber, parseVolFraction } from './dom';
import { allMatching, descendants, firstMatching } from './scan';
import {
  type ChainReader,
  defineReader,
  EPOCH_ISO,
  failure,
  type PageUrls,
  type ReaderOutput,
} from './types';

const LABEL = 'thinkorswim web';
/** 2024 layout (shared/data/thinkorswim-web-chain-html-2024). */
const EXPIRATION_ITEM = 'li.expiration-item';
const EXPAND_BUTTON = 'button[data-testid="expiration-row-expand-button"], button.expiration-row-caption';
/** Quote cells: aria-label starting "Strike ". */
const QUOTE_CELL_PREFIX = 'Strike ';
const SYMBOL = 'h1[data-testid="symbol"]';
/** The Trade page, where the chain is (the saved pages' URLs); not the dashboard or charts. */
const PAGE_URL = /^https:\/\/trade\.thinkorswim\.com\/trade([/?#]|$)/;

/** What {@link PAGE_URL} is for (tests/readers/reader-urls.test.ts). */
export const PAGE_URLS: PageUrls = {
  pages: [
    // "saved from" URLs of shared/data/thinkorswim-web-chain-html-2024.
    'https://trade.thinkorswim.com/trade?symbol=AAPL',
    'https://trade.thinkorswim.com/trade?symbol=HUT',
    'https://trade.thinkorswim.com/trade?symbol=SPX',
  ],
  nearMisses: [
    // The saved pages' canonical link: the dashboard, no chain.
    'https://trade.thinkorswim.com/',
    'https://trade.thinkorswim.com/charts?symbol=SPX',
    'https://trade.thinkorswim.com.evil.example/trade?symbol=SPX',
    'http://trade.thinkorswim.com/trade?symbol=SPX',
    'https://www.thinkorswim.com/trade?symbol=SPX',
  ],
};
const MARK = '[data-testid="mark-amount"] .mark__amount';
/** "Strike 15.5, Call Theo Price 4.79 Unselected" → strike, side, rest. */
const CELL_LABEL = /^Strike\s+([\d,.]+),\s+(Call|Put)\s+(.+?)\s+(?:Unselected|Selected)\s*$/i;
/** Adjusted deliverables ("20/100") are not the standard contract: not read. */
const NON_STANDARD = /\b\d+\/\d+\b/;

type Key = 'bid' | 'ask' | 'last' | 'volume' | 'openInterest' | 'iv' | 'delta';
const COLUMNS: [string, Key][] = [
  ['Open Int', 'openInterest'],
  ['Open Interest', 'openInterest'],
  ['Impl Vol', 'iv'],
  ['Volume', 'volume'],
  ['Delta', 'delta'],
  ['Last', 'last'],
  ['Bid', 'bid'],
  ['Ask', 'ask'],
];

function columnOf(rest: string): Key | null {
  for (const [name, key] of COLUMNS) if (rest === name || rest.startsWith(`${name} `)) return key;
  return null;
}

function setValue(q: Quote, key: Key, text: string): void {
  q[key] = key === 'iv' ? parseVolFraction(text, false) : parseNumber(text);
}

function read(doc: Document, url: string, now: string): ReaderOutput {
  const items = allMatching(doc, 'li', EXPIRATION_ITEM);
  const builder = new ChainBuilder();
  let listed = 0;
  let collapsed = 0;
  for (const li of items) {
    const button = li.querySelector(EXPAND_BUTTON);
    const label = button?.getAttribute('aria-label') ?? '';
    const expiry = findDate(label);
    if (!button || !expiry) continue;
    listed++;
    if (button.getAttribute('aria-expanded') !== 'true') {
      collapsed++;
      continue;
    }
    const cells = descendants(li, (el) =>
      (el.getAttribute('aria-label') ?? '').startsWith(QUOTE_CELL_PREFIX),
    );
    if (NON_STANDARD.test(label.replace(/\(.*?\)/g, ''))) {
      // Count the strike rows shown for this adjusted series.
      const strikes = new Set(
        cells.map((c) => CELL_LABEL.exec(c.getAttribute('aria-label') ?? '')?.[1]).filter(Boolean),
      );
      builder.drop('non-standard-deliverable', strikes.size);
      continue;
    }
    const quotes = new Map<string, { strike: number; side: 'call' | 'put'; q: Quote }>();
    for (const cell of cells) {
      const m = CELL_LABEL.exec(cell.getAttribute('aria-label') ?? '');
      if (!m) continue;
      const strike = parseNumber(m[1] as string);
      const key = columnOf(m[3] as string);
      if (strike === null || !key) continue;
      const side = (m[2] as string).toLowerCase() === 'call' ? 'call' : 'put';
      const id = `${side}:${strike}`;
      let entry = quotes.get(id);
      if (!entry) {
        entry = { strike, side, q: emptyQuote() };
        quotes.set(id, entry);
      }
      setValue(entry.q, key, cellText(cell));
    }
    for (const { strike, side, q } of quotes.values()) builder.add(expiry, null, strike, side, q);
  }
  if (listed === 0) {
    return failure(
      'layout-changed',
      LABEL,
      'no expiration list found (expected li.expiration-item with an expand button)',
    );
  }
  if (builder.rowCount() === 0) {
    return failure(
      'no-rows',
      LABEL,
      collapsed === listed
        ? `all ${listed} expirations are collapsed: open one on the page to read it`
        : 'opened expirations have no readable quote cells (expected aria-label "Strike …, Call Bid …")',
    );
  }
  const sym = firstMatching(doc, 'h1', SYMBOL);
  const mark = firstMatching(doc, 'span', MARK);
  return {
    ok: true,
    snapshot: builder.finish({
      reader: 'thinkorswim',
      url,
      readAt: now,
      symbol: sym ? cellText(sym) : '',
      price: mark ? parseNumber(cellText(mark)) : null,
      quoteTime: null,
      expiriesListed: listed,
      note:
        collapsed > 0
          ? `${collapsed} expiration${collapsed === 1 ? '' : 's'} collapsed: open ${collapsed === 1 ? 'it' : 'them'} on the page to read ${collapsed === 1 ? 'it' : 'them'}`
          : null,
    }),
  };
}

export const reader: ChainReader = defineReader({
  id: 'thinkorswim',
  label: LABEL,
  matches: ['https://trade.thinkorswim.com/*'],
  detect: (doc, url) =>
    PAGE_URL.test(url) ||
    firstMatching(doc, 'button', `${EXPIRATION_ITEM} button[data-testid="expiration-row-expand-button"]`) !==
      null,
  read: (doc, url, now = EPOCH_ISO) => read(doc, url, now),
});
