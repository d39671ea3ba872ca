import { condorCandidates, expectedMove, wingWidth } from '../condor/candidates';
import { leftOutSummary } from '../condor/good-quotes';
import { contractNote } from '../condor/occ';
import { type HeldCondor, rollSuggestions } from '../condor/rolls';
import { scoreWhy } from '../condor/score-why';
import { chooseExpiry, rankCandidates, SHOWN_CANDIDATES, sameDateSibling } from '../condor/select';
import type { ExpirySmile } from '../condor/smile';
import type { EventCalendar } from '../events/calendar-types';
import { eventFlags, eventsInWindow } from '../events/events-in-window';
import type {
  CondorCandidate,
  Layer,
  QuoteLeftOut,
  RollSuggestion,
  SignalFigures,
  WhyEntry,
} from '../plan-types';
import type { Settings } from '../settings-types';
import { formatUsdText } from '../text/format';
import { type DatedExpiry, solveSmile } from './market';

export type CondorLayer = Layer<{
  best: CondorCandidate;
  alternatives: CondorCandidate[];
  rolls: RollSuggestion[];
}>;

export interface CondorLayerResult {
  layer: CondorLayer;
  smile: ExpirySmile | null;
  /** Quotes of the chosen expiry within LEFT_OUT_LISTED_MOVES expected moves that no leg may use. */
  leftOut: QuoteLeftOut[];
}

/** Left-out quotes are listed within this many expected moves of the forward (where legs can be). */
export const LEFT_OUT_LISTED_MOVES = 3;

/** Fewest solved strikes that make a smile (its slope needs two). */
const MIN_SMILE_STRIKES = 2;

const off = (reason: string, why: WhyEntry[] = []): CondorLayerResult => ({
  layer: { status: 'off', reason, why, figures: null },
  smile: null,
  leftOut: [],
});

/**
 * Layer 1: the expiry in the DTE window, every short put/call pair in the delta band with
 * wings at the configured width, ranked; best plus two alternatives; roll suggestions for a
 * held condor.
 */
export function condorLayer(
  expiries: readonly DatedExpiry[],
  settings: Settings,
  tilt: SignalFigures['tilt'],
  calendar: EventCalendar,
  today: string,
  held: HeldCondor | null,
  frontSpreadZ: number | null,
  pointsApply = true,
  /** Share of the account risk budget Layer 1 may use (plan/risk-shares.ts). */
  riskShare = 1,
): CondorLayerResult {
  const c = settings.condor;
  if (expiries.length === 0) return off('No option chain with a usable expiry: Layer 1 needs one.');
  const chosen = chooseExpiry(expiries, c.dteMin, c.dteMax);
  if (!chosen)
    return off(`No expiry on the page is ${c.dteMin}–${c.dteMax} days out.`, [
      {
        rule: 'dte-window',
        text: 'No listed expiry falls in the DTE window.',
        inputs: { dteMin: c.dteMin, dteMax: c.dteMax, expiries: expiries.map((e) => e.expiry).join(' ') },
      },
    ]);
  const smile = solveSmile(chosen);
  if (smile.strikes.length < MIN_SMILE_STRIKES)
    return off(
      `Only ${smile.strikes.length} vols could be solved for ${chosen.expiry}: too few for a smile.`,
    );
  const events = eventsInWindow(calendar, today, chosen.expiry);
  const spec = {
    ...c,
    risk: settings.risk,
    layerShare: riskShare,
    tilt,
    flags: eventFlags(events),
    pointsApply,
  };
  const all = condorCandidates(smile, spec);
  const em = expectedMove(smile);
  const leftOut = chosen.screen.leftOut.filter(
    (l) => Math.abs(l.strike - smile.forward) <= LEFT_OUT_LISTED_MOVES * em,
  );
  const root = chosen.source.root;
  const settlement = chosen.source.settlement;
  const sibling = sameDateSibling(expiries, chosen);
  const why: WhyEntry[] = [
    {
      rule: 'dte-window',
      text: `Expiry ${chosen.expiry}, ${contractNote(root, settlement)} (${chosen.daysToExpiry.toFixed(1)} days at the quote time): in the window, nearest its middle${fridayNote(chosen.expiry)}${sibling ? `; the ${contractNote(sibling.source.root, sibling.source.settlement)} contract of the same date left aside (PM settles on the last day's close, AM on the next morning's open)` : ''}.`,
      inputs: {
        expiry: chosen.expiry,
        root,
        settlement,
        daysToExpiry: chosen.daysToExpiry,
        dteMin: c.dteMin,
        dteMax: c.dteMax,
      },
    },
    {
      rule: 'parity-forward',
      text: `Forward ${smile.forward.toFixed(2)} and discount ${smile.discount.toFixed(5)} (${chosen.fit.rateSource === 'parity' ? 'from put-call parity' : `rate setting: parity implied ${chosen.fit.impliedRate === null ? 'no rate' : `${(100 * chosen.fit.impliedRate).toFixed(1)} %`}, outside the plausible band`}) on ${chosen.fit.used} strikes; ${smile.strikes.length} vols solved from out-of-the-money mids.`,
      inputs: {
        forward: smile.forward,
        discount: smile.discount,
        impliedRate: chosen.fit.impliedRate,
        rateSource: chosen.fit.rateSource,
        strikesInFit: chosen.fit.used,
        volsSolved: smile.strikes.length,
        unsolved: smile.unsolved,
      },
    },
  ];
  if (chosen.screen.leftOut.length > 0)
    why.push({
      rule: 'quotes-left-out',
      text: `${chosen.screen.leftOut.length} quote(s) of ${chosen.expiry} never become legs: ${leftOutSummary(chosen.screen.leftOut)}; the ${leftOut.length} within ${LEFT_OUT_LISTED_MOVES} expected moves are listed in the plan.`,
      inputs: {
        leftOut: chosen.screen.leftOut.length,
        listed: leftOut.length,
        maxSpreadFractionOfMid: settings.data.maxSpreadFractionOfMid,
      },
    });
  if (events.length > 0)
    why.push({
      rule: 'events-in-window',
      text: `The condor spans ${events.map((e) => `${e.kind} ${e.date}`).join(', ')}.`,
      inputs: { count: events.length, first: events[0]?.date ?? null },
    });
  const ranked = rankCandidates(all);
  const rolls: RollSuggestion[] = [];
  if (held) {
    const heldExp = chosen.expiry === held.expiry ? chosen : expiries.find((e) => e.expiry === held.expiry);
    if (heldExp) {
      const r = rollSuggestions(
        held,
        heldExp === chosen ? smile : solveSmile(heldExp),
        smile,
        c,
        frontSpreadZ,
      );
      rolls.push(...r.rolls);
      why.push(...r.why);
    } else
      why.push({
        rule: 'roll-no-quotes',
        text: `The held condor's expiry ${held.expiry} is not on the page: no roll check.`,
        inputs: { expiry: held.expiry },
      });
  }
  const best = ranked[0];
  if (!best) {
    const blocked = all.find((x) => x.contracts === 0);
    const reason = blocked
      ? `One condor risks ${formatUsdText(blocked.maxLoss * 100)}, more than the ${blocked.boundBy} allows.`
      : `No short put/short call pair with |delta| ${c.shortDeltaMin}–${c.shortDeltaMax} and a credit in ${chosen.expiry}.`;
    return { layer: { status: 'off', reason, why, figures: null }, smile, leftOut };
  }
  const width = wingWidth(spec, em);
  const wingText =
    c.wingMode === 'points' && pointsApply
      ? `${c.wingWidthPoints} points`
      : `${c.wingExpectedMoveFraction} × the expected move ${em.toFixed(2)} = ${width.toFixed(2)} points (${((100 * width) / smile.forward).toFixed(2)} % of the forward)${c.wingMode === 'points' ? ', since wings in SPX points do not apply to this underlying' : ''}`;
  why.push(
    {
      rule: 'delta-band',
      text: `${all.length} candidate(s) with short |delta| ${c.shortDeltaMin}–${c.shortDeltaMax}, wings ${wingText}; ${ranked.length} sizable.`,
      inputs: {
        candidates: all.length,
        sizable: ranked.length,
        shortDeltaMin: c.shortDeltaMin,
        shortDeltaMax: c.shortDeltaMax,
        wingWidthPoints: width,
      },
    },
    scoreWhy(best, ranked.slice(1, SHOWN_CANDIDATES), c.targetShortDelta, tilt),
    {
      rule: 'risk-limits',
      text: `${best.contracts} contract(s): bound by the ${best.boundBy}.`,
      inputs: { contracts: best.contracts, boundBy: best.boundBy, maxLossUsd: best.maxLossUsd },
    },
  );
  return {
    layer: {
      status: 'suggested',
      reason: `Sell the ${best.expiry} ${best.root ?? ''}${best.root ? ' ' : ''}${best.legs.shortPut.strike}/${best.legs.shortCall.strike} condor (${contractNote(best.root, best.settlement)}) for ${best.creditMid.toFixed(2)} (mid): ${(100 * best.probabilityOfProfit).toFixed(0)} % chance to finish between the break-evens.`,
      why,
      figures: { best, alternatives: ranked.slice(1, SHOWN_CANDIDATES), rolls },
    },
    smile,
    leftOut,
  };
}

function fridayNote(expiry: string): string {
  return new Date(`${expiry}T12:00:00Z`).getUTCDay() === 5 ? ', a Friday (Fridays first)' : '';
}
