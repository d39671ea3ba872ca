import { quoteStaleness, type StalenessInput } from '../market/quote-staleness';
import type { ChainSnapshot, VixCurveSnapshot } from '../snapshot-types';
import { formatInstantText } from '../text/format';
import { formatAge } from './clock';
import { underlyingName } from './underlying';

const MS_PER_MINUTE = 60_000;

/** The one instant every Layer 2 time runs from, with what it was taken from. */
export interface HedgeClock {
  /** ISO instant: days to VX/VIX expiries, Black-76 time and the condor's days run from it. */
  at: string;
  /** 'vix-chain': the VIX option chain's quote time; 'plan': the plan's `pricedAt`. */
  basis: 'vix-chain' | 'plan';
  warnings: string[];
}

/**
 * Layer 2's clock (issue 11): never the wall clock, so a plan run a week later gives the same
 * Layer 2 figures. Which instant:
 *
 * - **A VIX option chain with a quote time: that quote time.** The hedge call is bought at those
 *   quotes, and its implied vol (Black-76 time to the VIX expiry) is only right when measured
 *   from the moment they were quoted. The condor's days to settlement are measured again from
 *   this instant, so "outlives the condor" and the call's time left at the condor's expiry
 *   compare two settlement instants on one clock.
 * - **Otherwise the plan's `pricedAt`** (the SPX chain's quote time, plan/clock.ts).
 * - **The VX curve carries no quote time** (only when it was read, which for a file is when it
 *   was loaded): it is priced at the same instant.
 *
 * A VIX chain or curve whose time is out of step with the SPX chain's (the earlier of the two
 * would be stale at the later one's time, by the one rule of market/quote-staleness.ts) is named
 * in a warning: the hedge then pairs markets that were not seen together.
 */
export function hedgeClock(
  pricedAt: string,
  chain: ChainSnapshot | null,
  curve: VixCurveSnapshot | null,
  vixChain: ChainSnapshot | null,
  staleAfterMinutes: number,
): HedgeClock {
  const warnings: string[] = [];
  const vixQuoted = vixChain?.quoteTime ? Date.parse(vixChain.quoteTime) : Number.NaN;
  const vixAt = Number.isFinite(vixQuoted) ? new Date(vixQuoted).toISOString() : null;
  if (vixChain && !vixAt)
    warnings.push(
      `The VIX option chain has no quote time: Layer 2 prices its calls at the plan's time, ${formatInstantText(pricedAt)} (the quote time of ${chain ? `the ${underlyingName(chain.underlying.symbol)} chain` : 'the chain'}).`,
    );
  const at = vixAt ?? pricedAt;
  if (chain) {
    const name = underlyingName(chain.underlying.symbol);
    const spx: StalenessInput = { ...chain, quoteTime: pricedAt };
    if (vixChain && vixAt) {
      const gap = outOfStep(spx, vixChain, staleAfterMinutes);
      if (gap !== null)
        warnings.push(
          `The VIX option chain is quoted ${formatInstantText(vixAt)}, ${formatAge(Math.abs(gap))} ${gap > 0 ? 'after' : 'before'} the ${name} quotes (${formatInstantText(pricedAt)}): Layer 2 prices the calls at their own quote time, but the two markets were not seen together.`,
        );
    }
    if (curve) {
      const gap = outOfStep(spx, { quoteTime: null, source: curve.source, flags: [] }, staleAfterMinutes);
      if (gap !== null)
        warnings.push(
          `The VIX futures curve carries no quote time; it was read ${formatInstantText(curve.source.readAt)}, ${formatAge(Math.abs(gap))} ${gap > 0 ? 'after' : 'before'} the ${name} quotes (${formatInstantText(pricedAt)}): Layer 2 prices it as of ${formatInstantText(at)}, so if it is not from then its term structure and hedge are out of step.`,
        );
    }
  }
  return { at, basis: vixAt ? 'vix-chain' : 'plan', warnings };
}

/**
 * Minutes from `a`'s time to `b`'s (positive: b later) when the earlier of the two would be stale
 * at the later one's time (its source's delay + the setting; a last-close quote stays fresh until
 * the next session opens); null when in step or a time does not parse.
 */
function outOfStep(a: StalenessInput, b: StalenessInput, staleAfterMinutes: number): number | null {
  const aMs = Date.parse(a.quoteTime ?? a.source.readAt);
  const bMs = Date.parse(b.quoteTime ?? b.source.readAt);
  if (!Number.isFinite(aMs) || !Number.isFinite(bMs)) return null;
  const [early, lateMs] = aMs <= bMs ? [a, bMs] : [b, aMs];
  return quoteStaleness(early, lateMs, staleAfterMinutes).stale ? (bMs - aMs) / MS_PER_MINUTE : null;
}
