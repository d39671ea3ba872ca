/**
 * The norm band drawn behind today's VIX futures curve: where the curve would sit if each
 * month's step matched the long-run front spread between its 25th and 75th percentile
 * (Cboe VX settlements 2013–2026, lib/engine/hedge/long-run-norms.ts), anchored at today's
 * front future. Steps compound per 30 days from F1. A picture aid: the metrics themselves
 * (z-score, percentile) come from the engine.
 */

import { FRONT_SPREAD_NORMS } from '../../lib/engine/hedge/long-run-norms';
import type { CurvePoint } from '../../lib/engine/plan-types';

const DAYS_PER_STEP = 30;
/** Index of the 25th and 75th percentiles in the knots list (0, 5, …, 100). */
const P25 = 5;
const P75 = 15;

export const NORM_BAND_SOURCE = `front spread 25th–75th percentile, ${FRONT_SPREAD_NORMS.source}`;

/** [daysToExpiry, low, high] per curve point (VIX points); empty without two points. */
export function normBand(curve: CurvePoint[]): [number, number, number][] {
  const [f1] = curve;
  const lo = FRONT_SPREAD_NORMS.knots[P25];
  const hi = FRONT_SPREAD_NORMS.knots[P75];
  if (!f1 || curve.length < 2 || lo === undefined || hi === undefined) return [];
  return curve.map((p) => {
    const steps = (p.daysToExpiry - f1.daysToExpiry) / DAYS_PER_STEP;
    return [p.daysToExpiry, f1.price * (1 + lo) ** steps, f1.price * (1 + hi) ** steps];
  });
}
