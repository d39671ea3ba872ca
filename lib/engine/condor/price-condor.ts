/**
 * One iron condor priced from one expiry's smile: credit at mid and at the natural price,
 * break-evens, max loss and the probability of finishing between the break-evens. The one
 * place this arithmetic lives: Layer 1's candidates (condor/candidates.ts) and the popup
 * calculator (four strikes the user picked) both call it, so the two cannot drift.
 * Units: strikes, prices and credits in index points per share.
 */
import type { CondorStrikes } from '../market/condor-payoff';
import { type Leg, legAt } from './legs';
import { type ExpirySmile, probBelow } from './smile';

/** The four legs of a condor, as priced on the smile. */
export interface CondorLegs {
  longPut: Leg;
  shortPut: Leg;
  shortCall: Leg;
  longCall: Leg;
}

/** A condor's prices; all in index points per share except the probability. */
export interface CondorPricing {
  legs: CondorLegs;
  /** Shorts' mids − wings' mids. */
  creditMid: number;
  /** Sell at the bids, buy at the asks. */
  creditNatural: number;
  /** Widest wing − credit at mid. */
  maxLoss: number;
  /** Short put − credit at mid. */
  breakEvenLow: number;
  /** Short call + credit at mid. */
  breakEvenHigh: number;
  /** P(break-even low < S_T < break-even high) under the smile's digitals, 0–1. */
  probabilityOfProfit: number;
}

/** Why a condor has no price: each leg at fault named with a sentence. */
export type CondorPriceErrors = Partial<Record<keyof CondorStrikes, string>>;

export type CondorPriceOutcome =
  | { ok: true; pricing: CondorPricing }
  | { ok: false; errors: CondorPriceErrors };

/**
 * Prices four legs already found on the smile. Null when the shorts pay no credit at mid, or
 * the credit is at least the narrower wing (that side could not lose: the quotes are bad).
 */
export function priceCondorLegs(s: ExpirySmile, legs: CondorLegs): CondorPricing | null {
  const { longPut, shortPut, shortCall, longCall } = legs;
  const creditMid = shortPut.mid + shortCall.mid - longPut.mid - longCall.mid;
  const creditNatural =
    shortPut.figures.bid + shortCall.figures.bid - longPut.figures.ask - longCall.figures.ask;
  const putWidth = shortPut.figures.strike - longPut.figures.strike;
  const callWidth = longCall.figures.strike - shortCall.figures.strike;
  if (!(creditMid > 0) || !(creditMid < Math.min(putWidth, callWidth))) return null;
  const breakEvenLow = shortPut.figures.strike - creditMid;
  const breakEvenHigh = shortCall.figures.strike + creditMid;
  return {
    legs,
    creditMid,
    creditNatural,
    maxLoss: Math.max(putWidth, callWidth) - creditMid,
    breakEvenLow,
    breakEvenHigh,
    probabilityOfProfit: Math.max(0, probBelow(s, breakEvenHigh) - probBelow(s, breakEvenLow)),
  };
}

/** Why no leg can be priced at this strike, in words. */
function legProblem(s: ExpirySmile, side: 'call' | 'put', action: 'buy' | 'sell', strike: number): string {
  const q = s.quotes.get(strike)?.[side];
  if (!q) return `No usable ${side} quote at ${strike} (not listed, or left out as a bad quote)`;
  if (q.bid === null || !(q.bid > 0))
    return action === 'sell'
      ? 'No bid at this strike: nothing to sell'
      : 'No bid at this strike: no price to buy at';
  if (q.ask === null || q.ask < q.bid) return 'No usable ask at this strike';
  return "This strike's mid gives no implied vol: it cannot be priced";
}

/**
 * Prices the condor on four strikes of this expiry (long put < short put ≤ short call < long
 * call). Errors name the leg and say why in words.
 */
export function priceCondor(s: ExpirySmile, strikes: CondorStrikes): CondorPriceOutcome {
  const errors: CondorPriceErrors = {};
  if (!(strikes.longPut < strikes.shortPut)) errors.longPut = 'Pick a long put below the short put';
  if (!(strikes.shortPut <= strikes.shortCall))
    errors.shortCall = 'Pick a short call at or above the short put';
  if (!(strikes.shortCall < strikes.longCall)) errors.longCall = 'Pick a long call above the short call';
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const spec = {
    longPut: ['put', 'buy'],
    shortPut: ['put', 'sell'],
    shortCall: ['call', 'sell'],
    longCall: ['call', 'buy'],
  } as const;
  const found: Partial<CondorLegs> = {};
  for (const key of Object.keys(spec) as (keyof CondorStrikes)[]) {
    const [side, action] = spec[key];
    const leg = legAt(s, side, action, strikes[key]);
    if (leg) found[key] = leg;
    else errors[key] = legProblem(s, side, action, strikes[key]);
  }
  const { longPut, shortPut, shortCall, longCall } = found;
  if (!longPut || !shortPut || !shortCall || !longCall) return { ok: false, errors };
  const pricing = priceCondorLegs(s, { longPut, shortPut, shortCall, longCall });
  if (pricing) return { ok: true, pricing };
  const creditMid = shortPut.mid + shortCall.mid - longPut.mid - longCall.mid;
  return {
    ok: false,
    errors: {
      shortPut:
        creditMid > 0
          ? 'The credit is at least the narrower wing: one side could not lose, so the quotes look wrong'
          : 'These strikes pay no credit at mid: the wings cost more than the shorts',
    },
  };
}
