import { hedgeActivation } from '../hedge/activation';
import { atOrAfter } from '../hedge/instruments';
import { termStructure } from '../hedge/term-structure';
import { sizeVixHedge } from '../hedge/vix-hedge';
import { daysToExpiry } from '../market/expiry-time';
import type { CondorCandidate, HedgeFigures, Layer, TermStructure } from '../plan-types';
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

/**
 * Layer 2: term structure and its norms, activation, and the VIX call (or future) hedge sized
 * against the base condor. Returns the term structure too (Layer 3 reads it).
 */
export function hedgeLayer(
  curve: VixCurveSnapshot | null,
  vixChain: ChainSnapshot | null,
  now: string,
  history: readonly DailyRecord[],
  settings: Settings,
  condor: CondorCandidate | null,
): { layer: HedgeLayer; termStructure: TermStructure | null; warnings: string[] } {
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
    (e) => daysToExpiry(now, e, VX_ROOT, null) ?? 0,
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
  let vixSmiles: ReturnType<typeof solveSmile>[] = [];
  if (vixChain) {
    const dated = datedExpiries(vixChain, now);
    warnings.push(...dated.warnings);
    // Only the VIX expiry the hedge will use is solved: the first settling on or after the
    // condor's expiry (same rule as the hedge instruments). One expiring first is never used.
    const near = atOrAfter(dated.expiries, condor.daysToExpiry);
    if (near) vixSmiles = [solveSmile(near)];
    else
      warnings.push(
        `No VIX option expiry on or after the condor's ${condor.expiry}: a call expiring first would leave its last days unhedged, so the hedge uses VIX futures.`,
      );
  }
  const sized = sizeVixHedge({
    condor,
    vixSpot: ts.vixSpot,
    termStructure: ts,
    vixSmiles,
    settings,
    expansion: act.expansion,
  });
  const why = [...act.why, ...sized.why];
  if (!sized.hedge || sized.hedge.contracts === 0)
    return {
      layer: { status: 'off', reason: `${act.reason} ${sized.reason}`, why, figures: figures(sized.hedge) },
      termStructure: ts,
      warnings,
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
  };
}
