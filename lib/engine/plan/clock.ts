import { quoteDelay, quoteStaleness } from '../market/quote-staleness';
import type { PlanClock } from '../plan-types';
import type { ChainSnapshot } from '../snapshot-types';
import { formatInstantText } from '../text/format';

const MS_PER_MINUTE = 60_000;
/** A quote time this far after `now` is still clock skew between machines, not an error. */
export const FUTURE_QUOTE_TOLERANCE_MINUTES = 5;

/**
 * The plan's clocks. What "now" means for every figure:
 *
 * - **Priced at the quote time** (`pricedAt` = the chain's `quoteTime`, which readers set to
 *   the last session's close for quotes stamped outside the session): days and years to
 *   expiry, the parity forward and discount, implied vols, greeks, theta, expected move,
 *   probability of profit, the expiry chosen for each layer, and the event window of
 *   Layers 1 and 3 (a condor priced on those quotes is entered at that instant). Running
 *   the plan a week later prices the same quotes the same way; the plan says they are stale.
 * - **The plan's date** (New York date of `pricedAt`): the end of the history signals and the
 *   Layer 2 norms may use (history ending more than 5 trading days before it switches signals off).
 * - **Layer 2's clock** (plan/hedge-clock.ts): the VIX option chain's quote time, else `pricedAt`.
 * - **Now** (`asOf`, the caller's clock): only the age of the quotes (stale by the one rule of
 *   market/quote-staleness.ts: older than the source's known delay + the setting, and never
 *   while the market is still closed since a last-close quote) and a quote time in the future
 *   (a warning).
 * Without a readable quote time the chain is priced at `now` and the plan says so.
 */
export function planClock(chain: ChainSnapshot | null, now: string, staleAfterMinutes: number): PlanClock {
  const nowMs = Date.parse(now);
  const quotedMs = chain?.quoteTime ? Date.parse(chain.quoteTime) : Number.NaN;
  const stale = chain ? quoteStaleness(chain, nowMs, staleAfterMinutes).stale : false;
  if (!Number.isFinite(quotedMs))
    return { pricedAt: now, basis: 'now', quoteAgeMinutes: null, stale, quoteInFuture: false };
  const age = Number.isFinite(nowMs) ? (nowMs - quotedMs) / MS_PER_MINUTE : null;
  return {
    pricedAt: new Date(quotedMs).toISOString(),
    basis: 'quote-time',
    quoteAgeMinutes: age,
    stale,
    quoteInFuture: age !== null && age < -FUTURE_QUOTE_TOLERANCE_MINUTES,
  };
}

/**
 * Warnings the clock raises: unknown quote time, stale quotes, a quote time after now.
 * `reader` (the chain's source) names a known delay in the stale warning.
 */
export function clockWarnings(
  clock: PlanClock,
  symbol: string,
  staleAfterMinutes: number,
  reader = '',
): string[] {
  if (clock.basis === 'now')
    return [
      `${symbol} chain has no quote time: priced at the plan's own time, which may not be the quotes'.`,
    ];
  const age = clock.quoteAgeMinutes;
  if (age === null) return [];
  if (clock.quoteInFuture)
    return [
      `${symbol} quote time ${formatInstantText(clock.pricedAt)} is ${formatAge(-age)} after now: check the computer's clock or the page's time zone.`,
    ];
  if (clock.stale) {
    const delay = quoteDelay(reader);
    const limit = delay
      ? `${delay.label} quotes are delayed ${delay.minutes} minutes; stale after ${staleAfterMinutes} minutes beyond that`
      : `stale after ${staleAfterMinutes} minutes`;
    return [
      `${symbol} quotes are ${formatAge(age)} old (${limit}): priced at their quote time ${formatInstantText(clock.pricedAt)}, not now.`,
    ];
  }
  return [];
}

export function formatAge(minutes: number): string {
  if (minutes < 120) return `${Math.round(minutes)} minutes`;
  if (minutes < 48 * 60) return `${(minutes / 60).toFixed(1)} hours`;
  return `${(minutes / (24 * 60)).toFixed(1)} days`;
}
