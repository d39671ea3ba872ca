import { condorCandidates } from '../condor/candidates';
import { type HeldCondor, rollSuggestions } from '../condor/rolls';
import { chooseExpiry, rankCandidates, SHOWN_CANDIDATES } from '../condor/select';
import type { ExpirySmile } from '../condor/smile';
import type { EventCalendar } from '../events/calendar-types';
import { eventFlags, eventsInWindow } from '../events/events-in-window';
import type { CondorCandidate, Layer, RollSuggestion, SignalFigures, WhyEntry } from '../plan-types';
import type { Settings } from '../settings-types';
import { type DatedExpiry, solveSmile } from './market';

export type CondorLayer = Layer<{
  best: CondorCandidate;
  alternatives: CondorCandidate[];
  rolls: RollSuggestion[];
}>;

export interface CondorLayerResult {
  layer: CondorLayer;
  smile: ExpirySmile | null;
}

/** Share of the account risk budget the base condor may use: all of it but the press's share. */
export function condorRiskShare(settings: Settings): number {
  return settings.press.enabled ? 1 - settings.press.riskShare : 1;
}

/** Fewest solved strikes that make a smile (its slope needs two). */
const MIN_SMILE_STRIKES = 2;

const off = (reason: string, why: WhyEntry[] = []): CondorLayerResult => ({
  layer: { status: 'off', reason, why, figures: null },
  smile: null,
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
  const all = condorCandidates(smile, {
    ...c,
    risk: settings.risk,
    layerShare: condorRiskShare(settings),
    tilt,
    flags: eventFlags(events),
  });
  const why: WhyEntry[] = [
    {
      rule: 'dte-window',
      text: `Expiry ${chosen.expiry} (${chosen.daysToExpiry.toFixed(1)} days): in the window, nearest its middle${weekdayNote(chosen.expiry)}.`,
      inputs: {
        expiry: chosen.expiry,
        daysToExpiry: chosen.daysToExpiry,
        dteMin: c.dteMin,
        dteMax: c.dteMax,
      },
    },
    {
      rule: 'parity-forward',
      text: `Forward ${smile.forward.toFixed(2)} and discount ${smile.discount.toFixed(5)} from put-call parity on ${chosen.fit.used} strikes; ${smile.strikes.length} vols solved from out-of-the-money mids.`,
      inputs: {
        forward: smile.forward,
        discount: smile.discount,
        strikesInFit: chosen.fit.used,
        volsSolved: smile.strikes.length,
        unsolved: smile.unsolved,
      },
    },
  ];
  if (events.length > 0)
    why.push({
      rule: 'events-in-window',
      text: `The condor spans ${events.map((e) => `${e.kind} ${e.date}`).join(', ')}.`,
      inputs: { count: events.length, first: events[0]?.date ?? null },
    });
  const ranked = rankCandidates(all);
  const rolls: RollSuggestion[] = [];
  if (held) {
    const heldExp = expiries.find((e) => e.expiry === held.expiry);
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
      ? `One condor risks $${(blocked.maxLoss * 100).toFixed(0)}, more than the ${blocked.boundBy} allows.`
      : `No short put/short call pair with |delta| ${c.shortDeltaMin}–${c.shortDeltaMax} and a credit in ${chosen.expiry}.`;
    return { layer: { status: 'off', reason, why, figures: null }, smile };
  }
  why.push(
    {
      rule: 'delta-band',
      text: `${all.length} candidate(s) with short |delta| ${c.shortDeltaMin}–${c.shortDeltaMax}, wings ${c.wingMode === 'points' ? `${c.wingWidthPoints} points` : `${c.wingExpectedMoveFraction} × expected move`}; ${ranked.length} sizable.`,
      inputs: {
        candidates: all.length,
        sizable: ranked.length,
        shortDeltaMin: c.shortDeltaMin,
        shortDeltaMax: c.shortDeltaMax,
      },
    },
    {
      rule: 'score',
      text: `Best by score POP·credit/maxLoss − slippage/maxLoss + tilt (${tilt}).`,
      inputs: { score: best.score, pop: best.probabilityOfProfit, returnOnRisk: best.returnOnRisk, tilt },
    },
    {
      rule: 'risk-limits',
      text: `${best.contracts} contract(s): bound by the ${best.boundBy}.`,
      inputs: { contracts: best.contracts, boundBy: best.boundBy, maxLossUsd: best.maxLossUsd },
    },
  );
  return {
    layer: {
      status: 'suggested',
      reason: `Sell the ${best.expiry} ${best.legs.shortPut.strike}/${best.legs.shortCall.strike} condor for ${best.creditMid.toFixed(2)} (mid): ${(100 * best.probabilityOfProfit).toFixed(0)} % chance to finish between the break-evens.`,
      why,
      figures: { best, alternatives: ranked.slice(1, SHOWN_CANDIDATES), rolls },
    },
    smile,
  };
}

function weekdayNote(expiry: string): string {
  return new Date(`${expiry}T12:00:00Z`).getUTCDay() === 5 ? ', a Friday expiry (weekly cycle)' : '';
}
