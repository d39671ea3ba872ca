/**
 * The reader list: site readers (each recognises its own pages, and only one may recognise a
 * page), then the generic readers for pages no site reader recognises. Where the content
 * script runs is lib/permissions.ts's business, not the readers'.
 */
import { reader as barchart } from './barchart';
import { reader as cboe } from './cboe';
import { reader as cboeVixFutures } from './cboe-vix-futures';
import { reader as etrade } from './etrade';
import { reader as fidelity } from './fidelity';
import { reader as genericTable } from './generic-table';
import { reader as genericVixTable } from './generic-vix-table';
import { reader as thinkorswim } from './thinkorswim';
import type { ChainReader } from './types';
import { reader as vixcentral } from './vixcentral';
import { reader as yahoo } from './yahoo';

/**
 * Site readers, in no particular order (alphabetical by id): a page is read by the one site
 * reader that recognises it. Two recognising the same page is a bug, not a tie to break by
 * order: readPage refuses such a page with both names, and tests/readers/meta.test.ts fails
 * when any fixture page is recognised by two.
 */
export const SITE_READERS: readonly ChainReader[] = [
  barchart,
  cboe,
  cboeVixFutures,
  etrade,
  fidelity,
  thinkorswim,
  vixcentral,
  yahoo,
];

/** Generic readers, tried when no site reader recognises the page (chain, then VIX curve). */
export const GENERIC_READERS: readonly ChainReader[] = [genericVixTable, genericTable];

/** Every page reader, generic-table last. */
export const READERS: readonly ChainReader[] = [...SITE_READERS, ...GENERIC_READERS];
