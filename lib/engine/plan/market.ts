import { type QuoteScreen, screenQuotes } from '../condor/good-quotes';
import { buildSmile, type ExpirySmile } from '../condor/smile';
import { smileOutliers } from '../condor/smile-outliers';
import { DAYS_PER_YEAR_ACT365 } from '../market/contracts';
import { daysToExpiry } from '../market/expiry-time';
import { settlementStyleOf } from '../market/roots';
import { fitForwardFromParity, type ParityFit } from '../parity/forward-fit';
import { scanParity } from '../parity-scan/scan';
import type { ParityFlag } from '../plan-types';
import type { ChainExpiry, ChainSnapshot } from '../snapshot-types';
import { underlyingName } from './underlying';

/** One expiry of a chain with its time to settlement and parity fit (no vols solved yet). */
export interface DatedExpiry {
  source: ChainExpiry;
  expiry: string;
  /** Calendar days to settlement from the pricing instant, fractional, > 0. */
  daysToExpiry: number;
  tYears: number;
  fit: ParityFit;
  /** The parity scan of this expiry (conversions, reversals, outliers). */
  parity: ParityFlag[];
  /** Quotes a layer may trade on; without screening options, every quote as the page showed it. */
  screen: QuoteScreen;
  /** True when `screen` applied the good-quote rules (and solveSmile drops off-smile vols). */
  screened: boolean;
}

/** Expiries named one by one in the rate warning; the rest are counted. */
const MAX_NAMED = 5;

/** Quote screening and parity-rate checks (settings.data); omitted = neither. */
export interface MarketOptions {
  maxSpreadFractionOfMid: number;
  parityRateMin: number;
  parityRateMax: number;
  riskFreeRate: number;
}

/**
 * Live expiries of a chain (settlement after `pricedAt`, the chain's quote time) whose forward
 * and discount could be fitted from put-call parity, nearest first, each with its parity scan
 * and, given `options`, its quotes screened (condor/good-quotes.ts) and its parity rate kept
 * in the plausible band. Expiries left out and rates replaced are named in `warnings`.
 */
export function datedExpiries(
  chain: ChainSnapshot,
  pricedAt: string,
  options: MarketOptions | null = null,
): { expiries: DatedExpiry[]; warnings: string[] } {
  const expiries: DatedExpiry[] = [];
  const warnings: string[] = [];
  const assumed: string[] = [];
  const rateSwaps: string[] = [];
  // A VIX chain without roots is still VIX-settled; an SPX expiry without root or settlement
  // is taken as PM-settled (the weekly majority) and named in the warnings.
  const fallbackRoot = /^VIX/i.test(chain.underlying.symbol) ? 'VIX' : null;
  const name = underlyingName(chain.underlying.symbol);
  for (const exp of chain.expiries) {
    const root = exp.root ?? fallbackRoot;
    if (settlementStyleOf(root, exp.settlement).assumed) assumed.push(exp.expiry);
    const days = daysToExpiry(pricedAt, exp.expiry, root, exp.settlement);
    if (days === null) {
      warnings.push(`${name} ${exp.expiry}: unreadable expiry date, left out.`);
      continue;
    }
    if (days <= 0) continue;
    const tYears = days / DAYS_PER_YEAR_ACT365;
    const band = options
      ? { tYears, min: options.parityRateMin, max: options.parityRateMax, fallback: options.riskFreeRate }
      : null;
    const fit = fitForwardFromParity(exp.rows, undefined, band);
    if ('error' in fit) {
      warnings.push(`${name} ${exp.expiry}: no forward from put-call parity (${fit.detail}), left out.`);
      continue;
    }
    if (fit.rateSource === 'setting')
      rateSwaps.push(
        `${exp.expiry}${exp.root ? ` ${exp.root}` : ''} (${fit.impliedRate === null ? 'no rate' : `${(100 * fit.impliedRate).toFixed(1)} %`})`,
      );
    const parity = scanParity(exp.expiry, fit.residuals);
    const screen = options
      ? screenQuotes(exp, {
          maxSpreadFractionOfMid: options.maxSpreadFractionOfMid,
          parity,
          readerFlags: chain.flags,
        })
      : { clean: exp, leftOut: [] };
    expiries.push({
      source: exp,
      expiry: exp.expiry,
      daysToExpiry: days,
      tYears,
      fit,
      parity,
      screen,
      screened: options !== null,
    });
  }
  if (assumed.length > 0)
    warnings.push(`${name}: no root or settlement shown for ${assumed.join(', ')}; PM settlement assumed.`);
  if (options && rateSwaps.length > 0)
    warnings.push(
      `${name}: the rate implied by put-call parity is outside ${(100 * options.parityRateMin).toFixed(1)} % to ${(100 * options.parityRateMax).toFixed(1)} % a year for ${rateSwaps.slice(0, MAX_NAMED).join(', ')}${rateSwaps.length > MAX_NAMED ? ` and ${rateSwaps.length - MAX_NAMED} more expiries` : ''}: discounted at the rate setting ${(100 * options.riskFreeRate).toFixed(2)} % instead.`,
    );
  expiries.sort((a, b) => a.daysToExpiry - b.daysToExpiry);
  return { expiries, warnings };
}

/**
 * Solves the smile of one dated expiry from its screened quotes (the costly step: only for
 * expiries the plan uses). With screening on, strikes whose solved vol is off the smile
 * (condor/smile-outliers.ts) are left out too — added to `d.screen` as 'impossible-greek' —
 * and the smile is solved again without them.
 */
export function solveSmile(d: DatedExpiry): ExpirySmile {
  const solve = () => buildSmile(d.screen.clean, d.tYears, d.daysToExpiry, d.fit.forward, d.fit.discount);
  const first = solve();
  if (!d.screened) return first;
  const bad = smileOutliers(first);
  if (bad.length === 0) return first;
  const byStrike = new Map(bad.map((b) => [b.strike, b]));
  const rows = d.screen.clean.rows.map((r) => {
    const b = byStrike.get(r.strike);
    return b ? { ...r, [b.side]: null } : r;
  });
  d.screen = {
    clean: { ...d.screen.clean, rows },
    leftOut: [
      ...d.screen.leftOut,
      ...bad.map((b) => ({
        expiry: d.expiry,
        root: d.source.root,
        strike: b.strike,
        side: b.side,
        reason: 'impossible-greek' as const,
        detail: `our IV ${(100 * b.vol).toFixed(0)} % beside ${(100 * b.around).toFixed(0)} % at the neighbouring strikes`,
      })),
    ],
  };
  return solve();
}
