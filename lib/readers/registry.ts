/**
 * Ordered reader list: site readers first (most specific detection first), the generic
 * readers last. Content-script `matches` come from {@link READER_MATCHES}.
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

/** Site readers, tried in order; the first whose `detect` is true reads the page. */
export const SITE_READERS: readonly ChainReader[] = [
  cboeVixFutures,
  cboe,
  yahoo,
  barchart,
  fidelity,
  etrade,
  thinkorswim,
  vixcentral,
];

/** Generic readers, tried when no site reader recognises the page (chain, then VIX curve). */
export const GENERIC_READERS: readonly ChainReader[] = [genericVixTable, genericTable];

/** Every page reader, generic-table last. */
export const READERS: readonly ChainReader[] = [...SITE_READERS, ...GENERIC_READERS];

/** URL match patterns of all readers (deduplicated), for the content script's `matches`. */
export const READER_MATCHES: readonly string[] = [...new Set(READERS.flatMap((r) => r.matches))];
