/**
 * The norm band drawn behind today's VIX futures curve: where F2 would sit if today's front
 * spread (F2 − F1)/F1 were between its long-run 25th and 75th percentile (Cboe VX
 * settlements 2013–2026, lib/engine/hedge/long-run-norms.ts), anchored at today's F1. Only
 * the F1→F2 step is drawn: that is the metric the norms describe (further months flatten
 * and have no norm here). A picture aid: the z-score and percentile come from the engine.
 */

import { FRONT_SPREAD_NORMS } from '../../lib/engine/hedge/long-run-norms';
import type { CurvePoint } from '../../lib/engine/plan-types';

/** Index of the 25th and 75th percentiles in the knots list (0, 5, …, 100). */
const P25 = 5;
const P75 = 15;

export const NORM_BAND_SOURCE = `F2 at the front spread's 25th–75th percentile, ${FRONT_SPREAD_NORMS.source}`;

/** [daysToExpiry, low, high] at F1 and F2 (VIX points); empty without two futures. */
export function normBand(curve: CurvePoint[]): [number, number, number][] {
  const [f1] = curve;
  const lo = FRONT_SPREAD_NORMS.knots[P25];
  const hi = FRONT_SPREAD_NORMS.knots[P75];
  if (!f1 || curve.length < 2 || lo === undefined || hi === undefined) return [];
  const f2 = curve[1];
  if (!f2) return [];
  return [
    [f1.daysToExpiry, f1.price, f1.price],
    [f2.daysToExpiry, f1.price * (1 + lo), f1.price * (1 + hi)],
  ];
}
