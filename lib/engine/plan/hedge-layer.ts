import { leftOutSummary } from '../condor/good-quotes';
import { hedgeActivation } from '../hedge/activation';
import { atOrAfter } from '../hedge/instruments';
import { termStructure } from '../hedge/term-structure';
import { sizeVixHedge } from '../hedge/vix-hedge';
import { daysToExpiry } from '../market/expiry-time';
import type {
  CondorCandidate,
  HedgeFigures,
  Layer,
  QuoteLeftOut,
  TermStructure,
  WhyEntry,
} from '../plan-types';
import type { Settings } from '../settings-types';
import type { DailyRecord } from '../signals/history-types';
import type { ChainSnapshot, VixCurveSnapshot } from '../snapshot-types';
import { datedExpiries, solveSmile } from './market';

export type HedgeLayer = Layer<{ termStructure: TermStructure; hedge: HedgeFigures | null }>;

/**
 * Monthly VX futures settle 4–5 weeks apart, so on any date the nearest live one settles within
 * about 35 days; a nearest future further out than this means the curve belongs to another date.
 */
const MAX_FRONT_VX_DAYS = 40;

/** VIX futures settle on the VIX special opening quotation: root "VX" selects that style. */
const VX_ROOT = 'VX';

export interface HedgeLayerResult {
  layer: HedgeLayer;
  termStructure: TermStructure | null;
  warnings: string[];
  /** Call quotes of the VIX expiry the hedge uses (strike ≥ its forward) that no hedge may buy. */
  leftOut: QuoteLeftOut[];
}

/**
 * Layer 2: term structure and its norms, activation, and the VIX call (or future) hedge sized
 * against the base condor. Returns the term structure too (Layer 3 reads it).
 *
 * `at` is Layer 2's clock (plan/hedge-clock.ts), never the wall clock: days to every VX future
 * and VIX option expiry, Black-76 time and the condor's own days to settlement run from it.
 * `history` holds only sessions up to the plan's date (no look-ahead into the norms). The VIX
 * calls pass the same good-quote screen as Layer 1's legs (condor/good-quotes.ts, setting
 * `data.maxSpreadFractionOfMid`): none is bought on a zero bid, a crossed or too-wide market.
 */
export function hedgeLayer(
  curve: VixCurveSnapshot | null,
  vixChain: ChainSnapshot | null,
  at: string,
  history: readonly DailyRecord[],
  settings: Settings,
  condor: CondorCandidate | null,
): HedgeLayerResult {
  const r = hedgeLayerOf(curve, vixChain, at, history, settings, condor);
  return { leftOut: [], ...r };
}

function hedgeLayerOf(
  curve: VixCurveSnapshot | null,
  vixChain: ChainSnapshot | null,
  at: string,
  history: readonly DailyRecord[],
  settings: Settings,
  condor: CondorCandidate | null,
): Omit<HedgeLayerResult, 'leftOut'> & { leftOut?: QuoteLeftOut[] } {
  const warnings: string[] = [];
  if (!curve)
    return {
      layer: {
        status: 'off',
        reason: 'No VIX futures curve: Layer 2 needs one (VIX futures page or CSV).',
        why: [],
        figures: null,
      },
      termStructure: null,
      warnings,
    };
  const ts = termStructure(
    curve,
    (e) => daysToExpiry(at, e, VX_ROOT, null) ?? 0,
    history.flatMap((d) => (d.vxFrontSpread === null ? [] : [d.vxFrontSpread])),
    history.flatMap((d) => (d.vixClose === null ? [] : [d.vixClose])),
  );
  if (!ts)
    return {
      layer: {
        status: 'off',
        reason: 'The VIX curve has fewer than two live futures.',
        why: [],
        figures: null,
      },
      termStructure: null,
      warnings,
    };
  const front = ts.curve[0];
  if (front && front.daysToExpiry > MAX_FRONT_VX_DAYS) {
    const reason = `The VIX curve's nearest future (${front.expiry}) settles ${front.daysToExpiry.toFixed(0)} days after the plan's date: a curve read on this date always lists one within ${MAX_FRONT_VX_DAYS} days, so this curve is from another date and Layer 2 ignores it.`;
    warnings.push(reason);
    return {
      layer: { status: 'off', reason, why: [], figures: null },
      termStructure: null,
      warnings,
    };
  }
  const act = hedgeActivation(ts, settings.hedge);
  const figures = (hedge: HedgeFigures | null) => ({ termStructure: ts, hedge });
  if (!act.active)
    return {
      layer: { status: 'off', reason: act.reason, why: act.why, figures: figures(null) },
      termStructure: ts,
      warnings,
    };
  if (!condor)
    return {
      layer: {
        status: 'off',
        reason: `${act.reason} No condor to size it against.`,
        why: act.why,
        figures: figures(null),
      },
      termStructure: ts,
      warnings,
    };
  if (ts.vixSpot === null)
    return {
      layer: {
        status: 'off',
        reason: `${act.reason} VIX spot is missing: the stress scenario needs it.`,
        why: act.why,
        figures: figures(null),
      },
      termStructure: ts,
      warnings,
    };
  // The condor's days to settlement on Layer 2's clock (the same instant as the VIX expiries').
  const hedged = {
    ...condor,
    daysToExpiry: daysToExpiry(at, condor.expiry, condor.root, condor.settlement) ?? condor.daysToExpiry,
  };
  let vixSmiles: ReturnType<typeof solveSmile>[] = [];
  const leftOut: QuoteLeftOut[] = [];
  const screenWhy: WhyEntry[] = [];
  if (vixChain) {
    const dated = datedExpiries(vixChain, at, settings.data);
    warnings.push(...dated.warnings);
    // Only the VIX expiry the hedge will use is solved: the first settling on or after the
    // condor's expiry (same rule as the hedge instruments). One expiring first is never used.
    const near = atOrAfter(dated.expiries, hedged.daysToExpiry);
    if (near) {
      const smile = solveSmile(near);
      vixSmiles = [smile];
      const calls = near.screen.leftOut.filter((l) => l.side === 'call' && l.strike >= smile.forward);
      leftOut.push(...calls);
      if (calls.length > 0)
        screenWhy.push({
          rule: 'hedge-quotes-left-out',
          text: `${calls.length} VIX ${near.expiry} call quote(s) at or above the forward ${smile.forward.toFixed(2)} are never bought: ${leftOutSummary(calls)} (listed in the plan).`,
          inputs: {
            expiry: near.expiry,
            leftOut: calls.length,
            maxSpreadFractionOfMid: settings.data.maxSpreadFractionOfMid,
          },
        });
    } else
      warnings.push(
        `No VIX option expiry on or after the condor's ${condor.expiry}: a call expiring first would leave its last days unhedged, so the hedge uses VIX futures.`,
      );
  }
  const sized = sizeVixHedge({
    condor: hedged,
    vixSpot: ts.vixSpot,
    termStructure: ts,
    vixSmiles,
    settings,
    expansion: act.expansion,
  });
  const why = [...act.why, ...screenWhy, ...sized.why];
  if (!sized.hedge || sized.hedge.contracts === 0)
    return {
      layer: { status: 'off', reason: `${act.reason} ${sized.reason}`, why, figures: figures(sized.hedge) },
      termStructure: ts,
      warnings,
      leftOut,
    };
  return {
    layer: {
      status: 'suggested',
      reason: `${act.reason} ${sized.reason}`,
      why,
      figures: figures(sized.hedge),
    },
    termStructure: ts,
    warnings,
    leftOut,
  };
}
