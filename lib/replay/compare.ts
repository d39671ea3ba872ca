/**
 * Check of the synthetic chain where a real one exists: on the real chain's session, the plan
 * runs twice with the same VIX curve, VIX chain, history, settings and calendar — once on the
 * real SPX chain, once on the synthetic one — and the best condors are compared (expiry,
 * short strikes, credit at mid, probability of profit). Also the smile's IV error there.
 */
import { plan } from '../engine';
import type { EventCalendar } from '../engine/events/calendar-types';
import type { CondorCandidate } from '../engine/plan-types';
import type { Settings } from '../engine/settings-types';
import type { ChainSnapshot } from '../engine/snapshot-types';
import { chainVolPoints, fitError } from './fit';
import { dayMarket, historyUpTo, type MarketIndex, sessionOnOrBefore } from './market';
import { type ChainFitError, FITTED_SKEW, type SkewParams } from './skew';
import { decisionInstant, listedExpiries, spxChain, vixChain, vixCurve } from './synthetic-chain';

export interface CondorSummary {
  expiry: string;
  shortPut: number;
  shortCall: number;
  longPut: number;
  longCall: number;
  /** Credit at mid, points per share. */
  creditMid: number;
  /** Probability of profit, 0–1. */
  probabilityOfProfit: number;
  contracts: number;
}

export interface ChainComparison {
  chain: string;
  date: string;
  real: CondorSummary | null;
  synthetic: CondorSummary | null;
  /** Synthetic − real; null when either plan had no condor. */
  diff: {
    sameExpiry: boolean;
    shortPutPoints: number;
    shortCallPoints: number;
    creditMidPoints: number;
    popPoints: number;
  } | null;
  /** Why a side had no condor, when it had none. */
  notes: string[];
  fit: ChainFitError;
}

function summary(c: CondorCandidate | null): CondorSummary | null {
  if (!c) return null;
  const r = (v: number) => Math.round(v * 1e4) / 1e4;
  return {
    expiry: c.expiry,
    shortPut: c.legs.shortPut.strike,
    shortCall: c.legs.shortCall.strike,
    longPut: c.legs.longPut.strike,
    longCall: c.legs.longCall.strike,
    creditMid: r(c.creditMid),
    probabilityOfProfit: r(c.probabilityOfProfit),
    contracts: c.contracts,
  };
}

/**
 * Compares the plans on `real` (quotes of one session, the one on or before its quote time)
 * and on that session's synthetic chain. Null when the histories lack that session's market.
 */
export function compareOnRealChain(
  ix: MarketIndex,
  name: string,
  real: ChainSnapshot,
  settings: Settings,
  calendar: EventCalendar,
  halfSpread: number,
  skew: SkewParams = FITTED_SKEW,
): ChainComparison | { chain: string; missing: string } {
  const stamp = real.quoteTime ?? real.source.readAt;
  const session = sessionOnOrBefore(
    ix,
    new Date(Date.parse(stamp) - 5 * 3_600_000).toISOString().slice(0, 10),
  );
  if (!session) return { chain: name, missing: `no SPX session on or before ${stamp}` };
  const m = dayMarket(ix, session.date);
  if ('missing' in m) return { chain: name, missing: `${session.date}: ${m.missing}` };
  const now = decisionInstant(session.date);
  const common = {
    vixCurve: vixCurve(m, now),
    vixChain: vixChain(m, halfSpread, now),
    history: historyUpTo(ix, session.date),
    calendar,
    held: null,
  };
  const synthetic = spxChain(m, listedExpiries(ix, session.date), skew, halfSpread, now);
  const pr = plan({ ...common, chain: real }, settings, now);
  const ps = plan({ ...common, chain: synthetic }, settings, now);
  const a = summary(pr.condor.figures?.best ?? null);
  const b = summary(ps.condor.figures?.best ?? null);
  const notes: string[] = [];
  if (!a) notes.push(`real chain: ${pr.condor.reason}`);
  if (!b) notes.push(`synthetic chain: ${ps.condor.reason}`);
  const r = (v: number) => Math.round(v * 1e4) / 1e4;
  return {
    chain: name,
    date: session.date,
    real: a,
    synthetic: b,
    diff:
      a && b
        ? {
            sameExpiry: a.expiry === b.expiry,
            shortPutPoints: b.shortPut - a.shortPut,
            shortCallPoints: b.shortCall - a.shortCall,
            creditMidPoints: r(b.creditMid - a.creditMid),
            popPoints: r((b.probabilityOfProfit - a.probabilityOfProfit) * 100),
          }
        : null,
    notes,
    fit: fitError(skew, {
      chain: name,
      date: session.date,
      vix: m.vix,
      points: chainVolPoints(real, now, m.vix),
    }),
  };
}
