import { OPTION_MULTIPLIER } from '../market/contracts';
import type { CondorCandidate, PositionGreeks, SignalFigures } from '../plan-types';
import type { Settings } from '../settings-types';
import { type Leg, legAt, snapWing } from './legs';
import { condorScore } from './score';
import { sizeByLimits } from './sizing';
import { type ExpirySmile, probBelow, volAt } from './smile';

export interface CandidateSpec {
  shortDeltaMin: number;
  shortDeltaMax: number;
  wingMode: Settings['condor']['wingMode'];
  wingWidthPoints: number;
  wingExpectedMoveFraction: number;
  risk: Settings['risk'];
  /** Share of the account risk budget this layer may use, 0–1. */
  layerShare: number;
  tilt: SignalFigures['tilt'];
  /** Flags every candidate of this expiry carries (events spanned …). */
  flags: string[];
}

/** One-sigma expected move to expiry, points: F·σ_ATM·√T with σ_ATM the smile at the forward. */
export function expectedMove(s: ExpirySmile): number {
  return s.forward * volAt(s, s.forward).vol * Math.sqrt(s.tYears);
}

/**
 * Every iron condor of one expiry whose short put and short call have |delta| inside the band,
 * wings at the configured width snapped to listed strikes, priced and sized. Candidates with
 * no credit at mid, or a credit at least the narrower wing (bad quotes), are left out, so the
 * break-evens always lie between the long strikes and max loss = widest wing − credit > 0.
 * Contracts may be 0 when a limit is below one condor's risk; the caller decides.
 */
export function condorCandidates(s: ExpirySmile, spec: CandidateSpec): CondorCandidate[] {
  const em = expectedMove(s);
  const width = spec.wingMode === 'points' ? spec.wingWidthPoints : spec.wingExpectedMoveFraction * em;
  const inBand = (d: number) => Math.abs(d) >= spec.shortDeltaMin && Math.abs(d) <= spec.shortDeltaMax;
  const puts: [Leg, Leg][] = [];
  const calls: [Leg, Leg][] = [];
  for (const k of s.quotes.keys()) {
    if (k < s.forward) {
      const short = legAt(s, 'put', 'sell', k);
      if (!short || !inBand(short.figures.delta)) continue;
      const wing = snapWing(s, 'put', k, k - width);
      if (wing) puts.push([wing, short]);
    } else {
      const short = legAt(s, 'call', 'sell', k);
      if (!short || !inBand(short.figures.delta)) continue;
      const wing = snapWing(s, 'call', k, k + width);
      if (wing) calls.push([short, wing]);
    }
  }
  const out: CondorCandidate[] = [];
  for (const [longPut, shortPut] of puts)
    for (const [shortCall, longCall] of calls) {
      const c = price(s, longPut, shortPut, shortCall, longCall, em, spec);
      if (c) out.push(c);
    }
  return out;
}

function price(
  s: ExpirySmile,
  longPut: Leg,
  shortPut: Leg,
  shortCall: Leg,
  longCall: Leg,
  em: number,
  spec: CandidateSpec,
): CondorCandidate | null {
  const creditMid = shortPut.mid + shortCall.mid - longPut.mid - longCall.mid;
  const creditNatural =
    shortPut.figures.bid + shortCall.figures.bid - longPut.figures.ask - longCall.figures.ask;
  const putWidth = shortPut.figures.strike - longPut.figures.strike;
  const callWidth = longCall.figures.strike - shortCall.figures.strike;
  const maxLoss = Math.max(putWidth, callWidth) - creditMid;
  // A credit at or above the narrower wing means that side cannot lose: the quotes are bad.
  if (!(creditMid > 0) || !(creditMid < Math.min(putWidth, callWidth))) return null;
  const breakEvenLow = shortPut.figures.strike - creditMid;
  const breakEvenHigh = shortCall.figures.strike + creditMid;
  const pop = Math.max(0, probBelow(s, breakEvenHigh) - probBelow(s, breakEvenLow));
  const sizing = sizeByLimits(maxLoss * OPTION_MULTIPLIER, spec.risk, spec.layerShare);
  const shortPutDelta = Math.abs(shortPut.figures.delta);
  const shortCallDelta = Math.abs(shortCall.figures.delta);
  return {
    expiry: s.expiry,
    forward: s.forward,
    daysToExpiry: s.daysToExpiry,
    legs: {
      longPut: longPut.figures,
      shortPut: shortPut.figures,
      shortCall: shortCall.figures,
      longCall: longCall.figures,
    },
    creditMid,
    creditNatural,
    maxLoss,
    breakEvenLow,
    breakEvenHigh,
    probabilityOfProfit: pop,
    expectedMove: em,
    returnOnRisk: creditMid / maxLoss,
    greeks: positionGreeks(longPut, shortPut, shortCall, longCall),
    contracts: sizing.contracts,
    boundBy: sizing.boundBy,
    maxLossUsd: maxLoss * OPTION_MULTIPLIER * sizing.contracts,
    creditUsd: creditMid * OPTION_MULTIPLIER * sizing.contracts,
    score: condorScore(
      { probabilityOfProfit: pop, creditMid, creditNatural, maxLoss, shortPutDelta, shortCallDelta },
      spec.tilt,
    ),
    flags: spec.flags.slice(),
  };
}

/** Greeks of one condor (one contract per leg) in dollars: per-share greeks × 100. */
function positionGreeks(longPut: Leg, shortPut: Leg, shortCall: Leg, longCall: Leg): PositionGreeks {
  const a = longPut.greeks;
  const b = shortPut.greeks;
  const c = shortCall.greeks;
  const d = longCall.greeks;
  const m = OPTION_MULTIPLIER;
  return {
    deltaUsdPerPoint: m * (a.delta + d.delta - b.delta - c.delta),
    gammaUsdPerPoint2: m * (a.gamma + d.gamma - b.gamma - c.gamma),
    vegaUsdPerVolPoint: m * (a.vega + d.vega - b.vega - c.vega),
    thetaUsdPerDay: m * (a.theta + d.theta - b.theta - c.theta),
  };
}
