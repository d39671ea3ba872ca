/**
 * The smile of one expiry of a chain, priced the way the plan prices it: at the plan's
 * pricing instant (the chain's quote time, else now: plan/clock.ts) and, given the data
 * settings, on the same screened quotes. For callers outside the plan (the popup
 * calculator) that price condors with condor/price-condor.ts on the same footing as Layer 1.
 */
import type { ExpirySmile } from '../condor/smile';
import type { QuoteLeftOut } from '../plan-types';
import type { ChainSnapshot } from '../snapshot-types';
import { planClock } from './clock';
import { datedExpiries, type MarketOptions, solveSmile } from './market';

/** One expiry of the chain by its date and root (null root: the expiry listed without one). */
export interface ExpiryRef {
  expiry: string;
  root: string | null;
}

/**
 * The expiry's solved smile, or why there is none (in words), with the quotes the screening
 * left out (empty without `options`). Costly: memoise per chain and expiry.
 */
export function expirySmile(
  chain: ChainSnapshot,
  ref: ExpiryRef,
  now: string,
  options: MarketOptions | null = null,
): { ok: true; smile: ExpirySmile; leftOut: QuoteLeftOut[] } | { ok: false; error: string } {
  const source = chain.expiries.find((e) => e.expiry === ref.expiry && (e.root ?? null) === ref.root);
  if (!source) return { ok: false, error: 'That expiry is not on this page.' };
  const { pricedAt } = planClock(chain, now, 0);
  const dated = datedExpiries({ ...chain, expiries: [source] }, pricedAt, options).expiries[0];
  if (!dated)
    return {
      ok: false,
      error: `The ${source.expiry} expiry has expired or its quotes give no forward (put-call parity).`,
    };
  const smile = solveSmile(dated); // adds the off-smile vols it drops to dated.screen
  return { ok: true, smile, leftOut: dated.screen.leftOut };
}
