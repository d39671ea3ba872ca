import { buildSmile, type ExpirySmile } from '../condor/smile';
import { DAYS_PER_YEAR_ACT365 } from '../market/contracts';
import { daysToExpiry } from '../market/expiry-time';
import { settlementStyleOf } from '../market/roots';
import { fitForwardFromParity, type ParityFit } from '../parity/forward-fit';
import type { ChainExpiry, ChainSnapshot } from '../snapshot-types';

/** One expiry of a chain with its time to settlement and parity fit (no vols solved yet). */
export interface DatedExpiry {
  source: ChainExpiry;
  expiry: string;
  /** Calendar days to settlement, fractional, > 0. */
  daysToExpiry: number;
  tYears: number;
  fit: ParityFit;
}

/**
 * Live expiries of a chain (settlement after `now`) whose forward and discount could be fitted
 * from put-call parity, nearest first. Expiries left out are named in `warnings`.
 */
export function datedExpiries(
  chain: ChainSnapshot,
  now: string,
): { expiries: DatedExpiry[]; warnings: string[] } {
  const expiries: DatedExpiry[] = [];
  const warnings: string[] = [];
  const assumed: string[] = [];
  // A VIX chain without roots is still VIX-settled; an SPX expiry without root or settlement
  // is taken as PM-settled (the weekly majority) and named in the warnings.
  const fallbackRoot = /^VIX/i.test(chain.underlying.symbol) ? 'VIX' : null;
  for (const exp of chain.expiries) {
    const root = exp.root ?? fallbackRoot;
    if (settlementStyleOf(root, exp.settlement).assumed) assumed.push(exp.expiry);
    const days = daysToExpiry(now, exp.expiry, root, exp.settlement);
    if (days === null) {
      warnings.push(`${chain.underlying.symbol} ${exp.expiry}: unreadable expiry date, left out.`);
      continue;
    }
    if (days <= 0) continue;
    const fit = fitForwardFromParity(exp.rows);
    if ('error' in fit) {
      warnings.push(
        `${chain.underlying.symbol} ${exp.expiry}: no forward from put-call parity (${fit.detail}), left out.`,
      );
      continue;
    }
    expiries.push({
      source: exp,
      expiry: exp.expiry,
      daysToExpiry: days,
      tYears: days / DAYS_PER_YEAR_ACT365,
      fit,
    });
  }
  if (assumed.length > 0)
    warnings.push(
      `${chain.underlying.symbol}: no root or settlement shown for ${assumed.join(', ')}; PM settlement assumed.`,
    );
  expiries.sort((a, b) => a.daysToExpiry - b.daysToExpiry);
  return { expiries, warnings };
}

/** Solves the smile of one dated expiry (the costly step: only for expiries the plan uses). */
export function solveSmile(d: DatedExpiry): ExpirySmile {
  return buildSmile(d.source, d.tYears, d.daysToExpiry, d.fit.forward, d.fit.discount);
}
