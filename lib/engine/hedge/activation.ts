import type { TermStructure, WhyEntry } from '../plan-types';
import type { Settings } from '../settings-types';

/** Expansion grows by this much per unit of z-score beyond the activation threshold. */
export const EXPANSION_PER_Z = 0.5;
/** Expansion never exceeds this multiple of the base payback target. */
export const MAX_EXPANSION = 2;
/** An inverted curve hedges at least this multiple of the base target. */
export const BACKWARDATION_MIN_EXPANSION = 1.5;

export interface Activation {
  active: boolean;
  /** Multiple of the base payback share the hedge aims for (≥ 1 when active). */
  expansion: number;
  reason: string;
  why: WhyEntry[];
}

/**
 * Layer 2 activation (docs/method.md "Activation"): on when the front-spread z-score is at or below the
 * threshold (default −1), when the curve is flat (|front spread| < 1 %: the carry the condor
 * relies on is gone) or inverted. The hedge expands as the flattening deepens:
 * expansion = 1 + 0.5 · (threshold − z), within 1…2, and at least 1.5 in backwardation; it
 * contracts back to 1 and then off as contango returns.
 */
export function hedgeActivation(ts: TermStructure, settings: Settings['hedge']): Activation {
  const z = ts.frontSpreadZ;
  const threshold = settings.activationFrontSpreadZ;
  const inputs = { label: ts.label, frontSpread: ts.frontSpread, frontSpreadZ: z, threshold };
  const zFired = z !== null && z <= threshold;
  const why: WhyEntry[] = [];
  if (zFired)
    why.push({
      rule: 'front-spread-z',
      text: `Front spread z-score ${z.toFixed(2)} is at or below ${threshold}: the curve has flattened beyond norms.`,
      inputs,
    });
  if (ts.label !== 'contango')
    why.push({
      rule: ts.label === 'flat' ? 'curve-flat' : 'curve-inverted',
      text:
        ts.label === 'flat'
          ? 'The VIX futures curve is flat (|F2 − F1|/F1 < 1 %).'
          : 'The VIX futures curve is inverted (F2 below F1): backwardation.',
      inputs,
    });
  if (why.length === 0) {
    why.push({
      rule: 'contango-normal',
      text: `Contango with front-spread z ${z === null ? 'unknown' : z.toFixed(2)} above ${threshold}: no hedge needed.`,
      inputs,
    });
    return { active: false, expansion: 1, reason: 'The VIX curve is in normal contango.', why };
  }
  let expansion = zFired ? Math.min(MAX_EXPANSION, 1 + EXPANSION_PER_Z * (threshold - z)) : 1;
  if (ts.label === 'backwardation') expansion = Math.max(expansion, BACKWARDATION_MIN_EXPANSION);
  if (expansion > 1)
    why.push({
      rule: 'hedge-expansion',
      text: `Hedge target expanded ×${expansion.toFixed(2)} as the flattening deepens.`,
      inputs: { expansion, frontSpreadZ: z, label: ts.label },
    });
  const reason =
    ts.label === 'backwardation'
      ? 'The VIX curve is inverted: hedge on.'
      : ts.label === 'flat'
        ? 'The VIX curve is flat: hedge on.'
        : 'The VIX curve has flattened beyond its norms: hedge on.';
  return { active: true, expansion, reason, why };
}
