/**
 * Generic VIX curve reader: any table or grid of VX futures (contract/expiry/last/settle).
 * Tried with the generic chain reader when no site reader recognises the page.
 */
import { READABLE_MATCHES } from '../permissions';
import { extractGrids } from './extract';
import type { TextRow } from './layout';
import {
  type ChainReader,
  defineReader,
  EPOCH_ISO,
  failure,
  type PageUrls,
  type ReaderOutput,
} from './types';
import { buildVixCurve } from './vix-curve';
import { readVixRowsOf, type VixRowsResult } from './vix-table';

const LABEL = 'This page';
/** A curve needs at least this many contracts to be worth showing. */
export const MIN_FUTURES = 2;

/** Reads all grids of a page as VIX futures tables and merges what they hold. */
export function readVixGrids(doc: Document, now: string, filter?: (el: Element) => boolean): VixRowsResult {
  const merged: VixRowsResult = { futures: [], spot: null, indices: {} };
  for (const g of extractGrids(doc)) {
    if (filter && !filter(g.el)) continue;
    const rows = g.rows;
    const r = readVixRowsOf(rows.length, (i) => (rows[i] as TextRow).cells, now);
    merged.futures.push(...r.futures);
    merged.spot ??= r.spot;
    merged.indices = { ...r.indices, ...merged.indices };
  }
  return merged;
}

/** Shared read for VIX readers: grids → curve, or a failure naming the site. */
export function readVixPage(
  doc: Document,
  url: string,
  now: string,
  readerId: string,
  label: string,
  spot: number | null,
): ReaderOutput {
  const r = readVixGrids(doc, now);
  if (r.futures.length < MIN_FUTURES) {
    return failure(
      r.futures.length > 0 ? 'no-rows' : 'not-a-chain',
      label,
      `no VIX futures table found (expected rows of VX contracts with an expiration or month and a last/settlement price; found ${r.futures.length})`,
    );
  }
  return {
    ok: true,
    snapshot: buildVixCurve({
      reader: readerId,
      url,
      readAt: now,
      spot: spot ?? r.spot,
      indices: r.indices,
      futures: r.futures,
    }),
  };
}

/** As for the generic chain reader (generic-table.ts): local pages, or any site after a click. */
export const PAGE_URLS: PageUrls = {
  pages: ['http://localhost:8080/vix.html', 'http://127.0.0.1:8000/vix-settlement.html'],
  nearMisses: [
    'https://cfe.cboe.com/cfe-products/vx-cboe-volatility-index-vix-futures',
    'http://127.0.0.1.evil.example/vix.html',
    'https://127.0.0.1/vix.html',
  ],
};

export const reader: ChainReader = defineReader({
  id: 'generic-vix-table',
  label: LABEL,
  matches: READABLE_MATCHES,
  detect: () => true,
  read: (doc, url, now = EPOCH_ISO) => readVixPage(doc, url, now, 'generic-vix-table', LABEL, null),
});
