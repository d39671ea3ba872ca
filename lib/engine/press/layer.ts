import { condorCandidates } from '../condor/candidates';
import { rankCandidates, SHOWN_CANDIDATES } from '../condor/select';
import type { EventCalendar } from '../events/calendar-types';
import { type DatedExpiry, solveSmile } from '../plan/market';
import type { CondorCandidate, Layer, SignalFigures, TermStructure, WhyEntry } from '../plan-types';
import type { Settings } from '../settings-types';
import { formatUsdText } from '../text/format';
import { complacencyGate, eventFree } from './gate';

export type PressLayer = Layer<{ candidates: CondorCandidate[]; riskBudgetUsd: number }>;

/**
 * Layer 3, the temporal theta press: behind the complacency gate, short-dated condors
 * (press DTE window, press delta band) on expiries with no macro release before them, sized
 * within the press's share of the risk budget. Best three by the condor score. Wings follow
 * Layer 1's rule for the underlying (plan/underlying.ts): the points setting only on the SPX
 * family (`pointsApply`), elsewhere a share of each expiry's expected move.
 */
export function pressLayer(
  expiries: readonly DatedExpiry[],
  ts: TermStructure | null,
  settings: Settings,
  tilt: SignalFigures['tilt'],
  vetoes: readonly string[],
  calendar: EventCalendar,
  today: string,
  /** True on SPX/SPXW/XSP: wing widths in index points apply (same rule as Layer 1). */
  pointsApply = true,
): PressLayer {
  const p = settings.press;
  const gate = complacencyGate(ts, p, vetoes);
  if (!gate.open) return { status: 'off', reason: gate.reason, why: gate.why, figures: null };
  const why: WhyEntry[] = [...gate.why];
  const window = expiries.filter((e) => e.daysToExpiry >= p.dteMin && e.daysToExpiry <= p.dteMax);
  if (window.length === 0)
    return {
      status: 'off',
      reason: `No expiry on the page is ${p.dteMin}–${p.dteMax} days out.`,
      why,
      figures: null,
    };
  const all: CondorCandidate[] = [];
  let firstBlock = '';
  for (const e of window) {
    const ev = eventFree(calendar, today, e.expiry);
    why.push({
      rule: 'press-events',
      text: `${e.expiry}: ${ev.reason}.`,
      inputs: { expiry: e.expiry, eventFree: ev.free },
    });
    if (!ev.free) {
      firstBlock ||= ev.reason;
      continue;
    }
    const smile = solveSmile(e);
    if (smile.strikes.length < 2) continue;
    all.push(
      ...condorCandidates(smile, {
        ...settings.condor,
        shortDeltaMin: p.shortDeltaMin,
        shortDeltaMax: p.shortDeltaMax,
        risk: settings.risk,
        layerShare: p.riskShare,
        tilt,
        flags: [],
        pointsApply,
      }),
    );
  }
  const riskBudgetUsd = settings.risk.accountSizeUsd * settings.risk.maxRiskFractionOfAccount * p.riskShare;
  const ranked = rankCandidates(all);
  if (ranked.length === 0)
    return {
      status: 'off',
      reason: firstBlock
        ? `Macro event: ${firstBlock}.`
        : `No short-dated condor in the ${p.shortDeltaMin}–${p.shortDeltaMax} delta band fits the ${formatUsdText(riskBudgetUsd)} press budget.`,
      why,
      figures: null,
    };
  why.push({
    rule: 'press-risk-share',
    text: `Sized within ${(100 * p.riskShare).toFixed(0)} % of the risk budget (${formatUsdText(riskBudgetUsd)}).`,
    inputs: { riskShare: p.riskShare, riskBudgetUsd },
  });
  return {
    status: 'suggested',
    reason: `${gate.reason} ${ranked.length} short-dated condor(s) fit.`,
    why,
    figures: { candidates: ranked.slice(0, SHOWN_CANDIDATES), riskBudgetUsd },
  };
}
