/**
 * Equity and ETF options settle on the close (PM). The market rules (lib/engine/market/roots.ts)
 * know the index roots only, so an equity root (SPY, NVDA) is left without a settlement by the
 * builder. Each export reader knows from its own file whether the underlying is an equity or
 * ETF (Schwab's isIndex, Yahoo's quoteType, the underlying's symbol) and says so here.
 */

import { settlementForRoot } from '../../engine/market/roots';
import type { ChainSnapshot } from '../../engine/snapshot-types';

/** Index symbols the market rules do not list but brokers show (never treated as equities). */
const OTHER_INDEXES = new Set(['DJX', 'OEX', 'XEO', 'SPXPM', 'MXEA', 'MXEF']);

/** True when a bare underlying symbol is not an index we know of (SPX, NDX, RUT, VIX, XSP, DJX …). */
export function looksLikeEquitySymbol(symbol: string): boolean {
  return (
    /^[A-Z][A-Z0-9.]{0,9}$/.test(symbol) && settlementForRoot(symbol) === null && !OTHER_INDEXES.has(symbol)
  );
}

/**
 * Sets 'PM' on expiries left without a settlement whose root is the equity's own symbol
 * (or, for Schwab/Yahoo, any root of a chain the file says is an equity's).
 */
export function settleEquityPm(snap: ChainSnapshot, equity: boolean, symbol: string | null): void {
  if (!equity) return;
  for (const e of snap.expiries) {
    if (e.settlement === null && e.root && (symbol === null || e.root === symbol)) e.settlement = 'PM';
  }
}
