/**
 * An iron condor's payoff at expiry: the one formula behind the plan's scenarios, the
 * payoff chart and the quick-view calculator. Units: strikes, settlement and credit in
 * index points per share (× OPTION_MULTIPLIER per contract).
 */

/** The four strikes of a condor, index points (long put < short put ≤ short call < long call). */
export interface CondorStrikes {
  longPut: number;
  shortPut: number;
  shortCall: number;
  longCall: number;
}

/** Per-share P&L at expiry of a condor on `k` opened for `credit` points, settling at `s`. */
export function condorPayoffAtExpiry(k: CondorStrikes, credit: number, s: number): number {
  const putSpread = Math.max(0, k.shortPut - s) - Math.max(0, k.longPut - s);
  const callSpread = Math.max(0, s - k.shortCall) - Math.max(0, s - k.longCall);
  return credit - putSpread - callSpread;
}
