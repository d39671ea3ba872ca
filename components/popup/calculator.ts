/**
 * The popup's quick condor calculator: four strikes and the credit received, as typed.
 * Units: strikes index points; credit points per share; dollars per condor use the SPX
 * multiplier ($100 per point).
 */
import { type CondorStrikes, OPTION_MULTIPLIER } from '../../lib/engine';

export interface CalcInput {
  /** Expiry key on the chain ("YYYY-MM-DD|ROOT"), '' without a chain. */
  expiry: string;
  longPut: string;
  shortPut: string;
  shortCall: string;
  longCall: string;
  credit: string;
}

export interface CalcResult {
  strikes: CondorStrikes;
  credit: number;
  breakEvenLow: number;
  breakEvenHigh: number;
  /** Per share, points. */
  maxProfit: number;
  maxLoss: number;
  maxProfitUsd: number;
  maxLossUsd: number;
}

export type CalcOutcome =
  | { ok: true; result: CalcResult }
  | { ok: false; errors: Partial<Record<keyof CalcInput, string>> };

function parse(text: string): number | null {
  const t = text.trim().replace(/,/g, '');
  if (t === '') return null;
  const v = Number(t);
  return Number.isFinite(v) ? v : null;
}

/** Validates the inputs and computes break-evens and max profit/loss at expiry. */
export function calculateCondor(input: CalcInput): CalcOutcome {
  const errors: Partial<Record<keyof CalcInput, string>> = {};
  const v = {} as Record<Exclude<keyof CalcInput, 'expiry'>, number>;
  for (const key of ['longPut', 'shortPut', 'shortCall', 'longCall', 'credit'] as const) {
    const n = parse(input[key]);
    if (n === null || n <= 0) errors[key] = 'A number above 0';
    else v[key] = n;
  }
  if (Object.keys(errors).length) return { ok: false, errors };
  if (!(v.longPut < v.shortPut)) errors.longPut = 'Long put below the short put';
  if (!(v.shortPut <= v.shortCall)) errors.shortCall = 'Short call at or above the short put';
  if (!(v.shortCall < v.longCall)) errors.longCall = 'Long call above the short call';
  const width = Math.max(v.shortPut - v.longPut, v.longCall - v.shortCall);
  // As Layer 1 (priceCondor): a credit at or above the narrower wing would make that side
  // riskless, which no market pays; it is a typo far more often than a trade.
  const narrower = Math.min(v.shortPut - v.longPut, v.longCall - v.shortCall);
  if (!errors.longPut && !errors.longCall && v.credit >= narrower)
    errors.credit = `Credit must be below the narrower wing (${narrower} pts)`;
  if (Object.keys(errors).length) return { ok: false, errors };
  const maxLoss = width - v.credit;
  return {
    ok: true,
    result: {
      strikes: { longPut: v.longPut, shortPut: v.shortPut, shortCall: v.shortCall, longCall: v.longCall },
      credit: v.credit,
      breakEvenLow: v.shortPut - v.credit,
      breakEvenHigh: v.shortCall + v.credit,
      maxProfit: v.credit,
      maxLoss,
      maxProfitUsd: v.credit * OPTION_MULTIPLIER,
      maxLossUsd: maxLoss * OPTION_MULTIPLIER,
    },
  };
}
