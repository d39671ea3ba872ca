/**
 * Generic chain reader: finds an option chain in any page's tables, ARIA grids or div grids
 * (open shadow roots and same-origin iframes included). Always last in the registry.
 */

import type { ChainSnapshot } from '../engine/snapshot-types';
import { READABLE_MATCHES } from '../permissions';
import { ChainBuilder } from './build';
import type { IvUnit } from './cell-number';
import { type ChainPageInputs, keepChainRead, patchChainRead } from './chain-patch';
import { type DomGrid, elementSide, extractGridsSteps, MAX_PAGE_ROWS, pageExpiry } from './extract';
import { gridHeading, headingExpiry } from './grid-expiry';
import { type GridInput, readTextGridSteps } from './layout';
import { type GridTrace, newGridTrace } from './layout-patch';
import { pagePrice, pageQuoteTime, pageSymbol, underlyingForRoot } from './page-info';
import { runSteps, type Steps } from './scan';
import {
  type ChainReader,
  defineReader,
  EPOCH_ISO,
  failure,
  type PageUrls,
  type ReaderOutput,
} from './types';
import { describeUnmappedChain, pageSaysNoOptions } from './unmapped';

const LABEL = 'This page';

/** What "expiry-unknown" means, said in failures and notes. */
const NO_EXPIRY =
  'no expiry in the rows (option symbol, Exp column, section caption), the table caption or heading, or the page expiry selector; a date in an "as of" line or elsewhere on the page is not taken as the expiry';

function sideFromText(text: string): 'call' | 'put' | null {
  const first = /\b(calls?|puts?)\b/i.exec(text);
  if (!first) return null;
  return (first[1] as string).toLowerCase().startsWith('c') ? 'call' : 'put';
}

export interface GenericOptions {
  /** Id stamped in `source.reader`. */
  readerId: string;
  /** Site name used in failures ("Yahoo Finance: …"). */
  label: string;
  /** Keeps only the site's own grids (by selector); all grids when absent. */
  gridFilter?: (el: Element) => boolean;
  /** What the site's grid looks like, for the failure text when none is found. */
  expected?: string;
  symbol?: string | null;
  price?: number | null;
  quoteTime?: string | null;
  /** URL parameters this site names its expiry with (Yahoo "date", Barchart "expiration"). */
  urlExpiryKeys?: readonly string[];
  /** IV unit the site uses when its IV header is silent (e.g. Cboe: fractions). */
  ivUnit?: IvUnit;
}

/**
 * Reads every chain-looking grid on the page (or only the site's own grids) into one snapshot.
 * @param now ISO instant stamped as `source.readAt`.
 */
export function readGenericChain(
  doc: Document,
  url: string,
  now: string,
  opts: GenericOptions,
): ReaderOutput {
  return runSteps(readGenericChainSteps(doc, url, now, opts));
}

/** {@link readGenericChain} with pause points between rows (for a sliced read). */
export function* readGenericChainSteps(
  doc: Document,
  url: string,
  now: string,
  opts: GenericOptions,
): Steps<ReaderOutput> {
  const label = opts.label;
  const all = yield* extractGridsSteps(doc);
  const grids = opts.gridFilter ? all.filter((g) => opts.gridFilter?.(g.el)) : all;
  const totalRows = grids.reduce((n, g) => n + g.rows.length, 0);
  if (totalRows > MAX_PAGE_ROWS) {
    return failure('too-large', label, `${totalRows} table rows is more than the ${MAX_PAGE_ROWS} we read`);
  }
  const page = pageExpiry(doc, url, opts.urlExpiryKeys ?? []);
  const inputs = grids.map((g) => (g.rows.length < 2 ? null : gridInput(g, page.expiry, opts)));
  const quoteTime = opts.quoteTime !== undefined ? opts.quoteTime : pageQuoteTime(doc);
  const pageInputs: ChainPageInputs = {
    url,
    grids,
    inputs,
    pageExpiry: page.expiry,
    expiriesListed: page.listed,
    quoteTime,
  };
  // A live page whose last read changed only in some rows' quotes: that read, patched.
  const patched = patchChainRead(all, opts.readerId, pageInputs, now);
  if (patched) return { ok: true, snapshot: withPagePriceAndSymbol(patched, doc, url, opts) };
  const builder = new ChainBuilder();
  const traces: (GridTrace | null)[] = [];
  const notes: string[] = [];
  let headers = 0;
  for (const input of inputs) {
    if (!input) {
      traces.push(null);
      continue;
    }
    const trace = newGridTrace(input);
    traces.push(trace);
    const stats = yield* readTextGridSteps(input, builder, trace);
    headers += stats.headerRows;
    notes.push(...stats.notes);
  }
  if (builder.rowCount() === 0) {
    if (headers > 0) {
      if (builder.dropCount('expiry-unknown') > 0) notes.push(NO_EXPIRY);
      const why = notes.length > 0 ? notes.join('; ') : 'rows had no readable strike, expiry or side';
      return failure('no-rows', label, `found an option-chain header but no readable rows (${why})`);
    }
    const saysNone = pageSaysNoOptions(doc);
    if (saysNone) return failure('no-rows', label, `the page says “${saysNone}”: no option chain shown`);
    const unmapped = describeUnmappedChain(grids);
    if (unmapped) return failure('layout-changed', label, unmapped);
    // A site whose tables exist but none is the chain table has changed its layout.
    return failure(
      opts.gridFilter && all.length > 0 ? 'layout-changed' : 'not-a-chain',
      label,
      `no options table found (expected ${opts.expected ?? 'a table with Strike/Bid/Ask headers'})`,
    );
  }
  const unknown = builder.dropCount('expiry-unknown');
  if (unknown > 0) notes.push(`${unknown} quotes dropped: ${NO_EXPIRY}`);
  const snap = builder.finish({
    reader: opts.readerId,
    url,
    readAt: now,
    symbol: '',
    price: null,
    quoteTime,
    expiriesListed: page.listed,
    note: notes.length > 0 ? notes.join('; ') : null,
  });
  const more = snap.coverage.expiriesListed - snap.coverage.expiriesRead;
  if (more > 0) {
    const moreNote = `${more} more expiration${more === 1 ? '' : 's'} listed on the page (select one to read it)`;
    snap.coverage.note = snap.coverage.note ? `${snap.coverage.note}; ${moreNote}` : moreNote;
  }
  keepChainRead(all, opts.readerId, {
    page: pageInputs,
    traces,
    raisedFlags: builder.raisedFlags(),
    rowRecords: builder.rowRecords(),
    snapshot: snap,
  });
  return { ok: true, snapshot: withPagePriceAndSymbol(snap, doc, url, opts) };
}

/**
 * A grid's layout input. Expiry evidence outside the rows: the grid's own caption or heading
 * (never an "as of" line), else the page's expiry selector; the rows' own
 * symbols/columns/captions win.
 */
function gridInput(g: DomGrid, pageExpiryHint: string | null, opts: GenericOptions): GridInput {
  const heading = gridHeading(g.el);
  return {
    rows: g.rows,
    expiryHint: headingExpiry(heading) ?? pageExpiryHint,
    sideHint: elementSide(g.el) ?? sideFromText(heading ?? ''),
    // Only the grid's own heading or caption may name its root: a page-wide mention of
    // "SPX" must not relabel SPXW weeklies (or the reverse).
    rootHint: rootFromText(heading ?? ''),
    ivUnit: opts.ivUnit ?? null,
  };
}

/** The underlying's price and symbol, read from the page (or the site's own) at every read. */
function withPagePriceAndSymbol(
  snap: ChainSnapshot,
  doc: Document,
  url: string,
  opts: GenericOptions,
): ChainSnapshot {
  snap.underlying.price = opts.price !== undefined ? opts.price : pagePrice(doc);
  const root = snap.expiries.find((e) => e.root)?.root ?? null;
  snap.underlying.symbol = opts.symbol ?? (root ? underlyingForRoot(root) : pageSymbol(doc, url)) ?? '';
  return snap;
}

const GENERIC_OPTIONS: GenericOptions = { readerId: 'generic-table', label: LABEL };

/** The generic reader's read with pause points; the read itself is `runSteps` of this. */
export function readGenericSteps(doc: Document, url: string, now: string): Steps<ReaderOutput> {
  return readGenericChainSteps(doc, url, now, GENERIC_OPTIONS);
}

/**
 * Pages no site reader recognises: pages served from this computer (once granted) and, after a
 * click on the toolbar button, any site (activeTab). The near-misses are outside every manifest
 * pattern: read only after that click (tests/readers/reader-urls.test.ts).
 */
export const PAGE_URLS: PageUrls = {
  pages: [
    'http://localhost:8080/chain.html',
    // shared/data/optionistics-chain-html-2022 served from this computer.
    'http://127.0.0.1:8000/optionistics-chain-html-2022/put_SPY.html',
  ],
  nearMisses: [
    'https://www.optionistics.com/quotes/stock-option-chains/SPY',
    'http://localhost.evil.example/chain.html',
    'https://localhost/chain.html',
    'http://192.168.1.20/chain.html',
    'file:///home/me/chain.html',
  ],
};

export const reader: ChainReader = defineReader({
  id: 'generic-table',
  label: LABEL,
  matches: READABLE_MATCHES,
  detect: () => true,
  read: (doc, url, now = EPOCH_ISO) => readGenericChain(doc, url, now, GENERIC_OPTIONS),
});

/** An option root named as a word in a heading ("SPXW Dec 18, 2026"), or null. */
function rootFromText(text: string): string | null {
  return /\b(SPXW|SPX|VIXW|VIX|NDXP|NDX|RUTW|RUT|XSP)\b/.exec(text)?.[1] ?? null;
}
