import type { WhyEntry } from '../plan-types';

/**
 * Underlyings the plan is built for: SPX (and its SPXW weeklies) and XSP, the mini-SPX.
 * Layer 1's arithmetic holds for any European-style chain; Layers 2–3 are not: the VIX hedge
 * and the stress scenario assume the S&P 500 and its volatility index.
 */
export const SPX_FAMILY = /^\^?(SPX|SPXW|XSP)$/i;

/** The chain's underlying as the plan's messages name it: its symbol, or "Unnamed underlying". */
export function underlyingName(symbol: string | undefined): string {
  const s = symbol?.trim() ?? '';
  return s.length > 0 ? s : 'Unnamed underlying';
}

/** Banner for a chain of another (or an unnamed) underlying: Layer 1 runs, the rest is sized for SPX. */
export function notSpxBanner(symbol: string): string {
  if (symbol === underlyingName(''))
    return 'The chain does not name its underlying, so it is not taken for SPX: Layer 1 prices it with wings a share of the expected move; the VIX hedge and the theta press are sized for SPX.';
  return `${symbol} is not SPX: Layer 1 prices this chain with the same method (wings a share of the expected move), but the VIX hedge and the theta press are sized for SPX and do not fit ${symbol}.`;
}

/** Why entry telling a layer is sized for SPX, not for this underlying. */
export function sizedForSpxWhy(layer: string, symbol: string): WhyEntry {
  return {
    rule: 'sized-for-spx',
    text: `${layer} is sized for SPX (VIX hedge, SPX stress scenario); the chain is ${symbol}.`,
    inputs: { underlying: symbol },
  };
}
