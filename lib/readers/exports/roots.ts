/**
 * Settlement of equity and ETF options in exports: they settle on the close (PM). The
 * builder knows the index roots (SPX AM, SPXW PM, …); a root that is not an index is an
 * equity or ETF symbol (SPY, NVDA), whose expiries get 'PM' instead of an unknown style.
 */
import type { ChainSnapshot } from '../../engine/snapshot-types';

/** Cash-settled index option roots (their AM/PM style comes from the root, not from here). */
export const INDEX_OPTION_ROOTS: ReadonlySet<string> = new Set([
  'SPX',
  'SPXW',
  'SPXPM',
  'VIX',
  'VIXW',
  'NDX',
  'NDXP',
  'RUT',
  'RUTW',
  'MRUT',
  'XSP',
  'DJX',
  'OEX',
  'XEO',
  'XND',
]);

/** Sets settlement 'PM' on expiries whose root is an equity/ETF symbol (not an index root). */
export function settleEquitiesPm(snap: ChainSnapshot): void {
  for (const e of snap.expiries) {
    if (e.settlement === null && e.root && !INDEX_OPTION_ROOTS.has(e.root)) e.settlement = 'PM';
  }
}
