import type { CurvePoint, TermStructure } from '../plan-types';
import type { VixCurveSnapshot } from '../snapshot-types';
import { FRONT_SPREAD_NORMS, VIX_NORMS } from './long-run-norms';
import { standing } from './norms';

/** |front spread| below this (fraction) is labelled flat. */
export const FLAT_BAND_FRACTION = 0.01;
const DAYS_PER_SLOPE_UNIT = 30;

/**
 * Term-structure metrics of the VIX futures curve (docs/method.md, Layer 2) with their standing
 * against recorded history pooled with the built-in long-run norms.
 *
 * @param curve the VIX curve snapshot (futures prices in VIX points)
 * @param daysTo calendar days from Layer 2's clock (plan/hedge-clock.ts, never the wall clock) to a
 *   contract's settlement (≤ 0 = expired)
 * @param recordedFrontSpreads recorded daily front spreads (fractions)
 * @param recordedVix recorded daily VIX closes (points)
 * @returns null when fewer than two live contracts
 */
export function termStructure(
  curve: VixCurveSnapshot,
  daysTo: (expiry: string) => number,
  recordedFrontSpreads: readonly number[],
  recordedVix: readonly number[],
): TermStructure | null {
  const points = curve.futures
    .map((f) => ({ expiry: f.expiry, price: f.price, daysToExpiry: daysTo(f.expiry) }))
    .filter((p) => p.daysToExpiry > 0 && p.price > 0)
    .sort((a, b) => a.daysToExpiry - b.daysToExpiry);
  const [f1, f2] = points;
  if (!f1 || !f2) return null;
  const frontSpread = (f2.price - f1.price) / f1.price;
  const label =
    frontSpread > FLAT_BAND_FRACTION
      ? 'contango'
      : frontSpread < -FLAT_BAND_FRACTION
        ? 'backwardation'
        : 'flat';
  const vix = curve.spot !== null && curve.spot > 0 ? curve.spot : null;
  const fs = standing(FRONT_SPREAD_NORMS, recordedFrontSpreads, frontSpread);
  const vixStanding = vix === null ? null : standing(VIX_NORMS, recordedVix, vix);
  const recorded = Math.max(recordedFrontSpreads.length, recordedVix.length);
  return {
    vixSpot: vix,
    curve: points,
    label,
    frontSpread,
    basisVixToF1: vix === null ? null : vix / f1.price,
    slopePer30Days: leastSquaresSlope(points) * DAYS_PER_SLOPE_UNIT,
    rollYieldPerDay: vix === null ? null : (f1.price - vix) / f1.daysToExpiry,
    frontSpreadZ: fs?.z ?? null,
    frontSpreadPercentile: fs?.percentile ?? null,
    vixPercentile: vixStanding?.percentile ?? null,
    normsSource: `${recorded > 0 ? `recorded ${recorded} days + ` : ''}built-in ${FRONT_SPREAD_NORMS.source}; ${VIX_NORMS.source}`,
  };
}

/** Least-squares slope of price on days to expiry, VIX points per day. */
function leastSquaresSlope(points: readonly CurvePoint[]): number {
  const n = points.length;
  const mx = points.reduce((s, p) => s + p.daysToExpiry, 0) / n;
  const my = points.reduce((s, p) => s + p.price, 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (const p of points) {
    sxy += (p.daysToExpiry - mx) * (p.price - my);
    sxx += (p.daysToExpiry - mx) ** 2;
  }
  return sxx > 0 ? sxy / sxx : 0;
}
