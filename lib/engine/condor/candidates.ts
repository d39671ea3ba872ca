import { decayToExpiry } from '../greeks/greeks';
import { OPTION_MULTIPLIER } from '../market/contracts';
import type { CondorCandidate, PositionGreeks, SignalFigures } from '../plan-types';
import type { Settings } from '../settings-types';
import { type Leg, legAt, snapWing } from './legs';
import { priceCondorLegs } from './price-condor';
import { condorScore, deltaTargets } from './score';
import { sizeByLimits } from './sizing';
import { type ExpirySmile, volAt } from './smile';

export interface CandidateSpec {
  shortDeltaMin: number;
  shortDeltaMax: number;
  /**
   * |delta| the shorts aim at (the score ranks distance from it). A target outside the band
   * (the condor's 0.20 handed to the press's 0.08–0.15) aims at the band's middle instead.
   */
  targetShortDelta: number;
  wingMode: Settings['condor']['wingMode'];
  wingWidthPoints: number;
  wingExpectedMoveFraction: number;
  risk: Settings['risk'];
  /** Share of the account risk budget this layer may use, 0–1. */
  layerShare: number;
  tilt: SignalFigures['tilt'];
  /** Flags every candidate of this expiry carries (events spanned …). */
  flags: string[];
  /**
   * True when the wing width in points means index points of this underlying (SPX, SPXW,
   * XSP). Elsewhere 25 "SPX points" is meaningless, so wings are a share of the expected move.
   */
  pointsApply?: boolean;
}

/** Less than this many calendar days to settlement: theta is the decay to expiry, not a rate per day. */
export const DECAY_TO_EXPIRY_BELOW_DAYS = 1;

/** Wing width in index points for this expiry: the setting in points (SPX family), else a share of the expected move. */
export function wingWidth(spec: CandidateSpec, expectedMovePoints: number): number {
  return spec.wingMode === 'points' && spec.pointsApply !== false
    ? spec.wingWidthPoints
    : spec.wingExpectedMoveFraction * expectedMovePoints;
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
  const width = wingWidth(spec, em);
  if (!(width > 0)) return [];
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
      const c = price(s, longPut, shortPut, shortCall, longCall, em, width, spec);
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
  width: number,
  spec: CandidateSpec,
): CondorCandidate | null {
  const priced = priceCondorLegs(s, { longPut, shortPut, shortCall, longCall });
  if (!priced) return null;
  const { creditMid, creditNatural, maxLoss, breakEvenLow, breakEvenHigh } = priced;
  const pop = priced.probabilityOfProfit;
  const sizing = sizeByLimits(maxLoss * OPTION_MULTIPLIER, spec.risk, spec.layerShare);
  const shortPutDelta = Math.abs(shortPut.figures.delta);
  const shortCallDelta = Math.abs(shortCall.figures.delta);
  const greeks = positionGreeks(s, longPut, shortPut, shortCall, longCall);
  if (!greeks) return null;
  const { score, parts } = condorScore(
    { probabilityOfProfit: pop, creditMid, creditNatural, maxLoss, shortPutDelta, shortCallDelta },
    deltaTargets(bandTarget(spec), spec.tilt, spec.shortDeltaMin),
  );
  return {
    expiry: s.expiry,
    root: s.root,
    settlement: s.settlement,
    wingWidth: width,
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
    greeks,
    contracts: sizing.contracts,
    boundBy: sizing.boundBy,
    maxLossUsd: maxLoss * OPTION_MULTIPLIER * sizing.contracts,
    creditUsd: creditMid * OPTION_MULTIPLIER * sizing.contracts,
    score,
    scoreParts: parts,
    flags: spec.flags.slice(),
  };
}

/**
 * Greeks of one condor (one contract per leg) in dollars: per-share greeks × 100. Theta is
 * per calendar day, or — with less than a day left (0DTE) — the decay to expiry over the
 * remaining session with the forward unchanged (greeks/greeks.ts decayToExpiry). Null when
 * a leg cannot be valued.
 */
function positionGreeks(
  s: ExpirySmile,
  longPut: Leg,
  shortPut: Leg,
  shortCall: Leg,
  longCall: Leg,
): PositionGreeks | null {
  const a = longPut.greeks;
  const b = shortPut.greeks;
  const c = shortCall.greeks;
  const d = longCall.greeks;
  const m = OPTION_MULTIPLIER;
  let thetaUsd = m * (a.theta + d.theta - b.theta - c.theta);
  let thetaUnit: PositionGreeks['thetaUnit'] = 'usd-per-calendar-day';
  if (s.daysToExpiry < DECAY_TO_EXPIRY_BELOW_DAYS) {
    const decay = (l: Leg) =>
      decayToExpiry(l.figures.side, s.forward, l.figures.strike, s.tYears, s.discount, l.figures.iv);
    const parts = [decay(longPut), decay(longCall), decay(shortPut), decay(shortCall)];
    if (parts.some((x) => x === null)) return null;
    const [lp, lc, sp, sc] = parts as number[];
    thetaUsd = m * ((lp as number) + (lc as number) - (sp as number) - (sc as number));
    thetaUnit = 'usd-to-expiry';
  }
  return {
    deltaUsdPerPoint: m * (a.delta + d.delta - b.delta - c.delta),
    gammaUsdPerPoint2: m * (a.gamma + d.gamma - b.gamma - c.gamma),
    vegaUsdPerVolPoint: m * (a.vega + d.vega - b.vega - c.vega),
    thetaUsd,
    thetaUnit,
  };
}

/** The spec's target |delta|, or the band's middle when the target lies outside the band. */
export function bandTarget(spec: CandidateSpec): number {
  const t = spec.targetShortDelta;
  return t >= spec.shortDeltaMin && t <= spec.shortDeltaMax
    ? t
    : (spec.shortDeltaMin + spec.shortDeltaMax) / 2;
}
