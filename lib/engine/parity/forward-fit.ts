/**
 * Forward and discount factor of one expiry from put-call parity, C − P = D·(F − K).
 *
 * Near-the-money strikes with two-sided call and put quotes give points y = C_mid − P_mid
 * on the line a + b·K with b = −D and a = D·F. The fit is robust: Theil–Sen start, then
 * strikes whose residual exceeds both the quote's own half synthetic spread and
 * OUTLIER_SIGMAS robust standard deviations are flagged (stale or bad quotes) and left out
 * of a final weighted least-squares fit (weights 1/half-spread²). The residual of every
 * strike is kept for the conversion/reversal scan. Prices and strikes in index points.
 */
import type { ChainRow, Quote } from '../snapshot-types';

/**
 * Strikes nearest the money used in the fit (about half each side). Enough to span a
 * lever arm for the slope D when SPX strikes are 5 points apart and quotes are wide.
 */
export const DEFAULT_PARITY_STRIKES = 30;
/** Robust standard deviations beyond which a residual is an outlier. */
export const OUTLIER_SIGMAS = 5;
/** MAD → standard deviation for normal data. */
const MAD_TO_SIGMA = 1.4826;

/** Why a strike's residual is not trusted: crossed quote, or off the line beyond noise. */
export type ParityOutlierReason = 'crossed' | 'off-line';

export interface ParityResidual {
  strike: number;
  /** (C_mid − P_mid) − D·(F − K), index points. */
  residual: number;
  /** Half the synthetic spread ((C_ask − C_bid) + (P_ask − P_bid))/2, index points. */
  halfSpread: number;
  outlier: boolean;
  reason: ParityOutlierReason | null;
  /** True when this strike entered the final fit. */
  used: boolean;
}

export interface ParityFit {
  /** Forward F, index points. */
  forward: number;
  /** Discount factor D to the expiry (e^{−rT}). */
  discount: number;
  /** Every strike with two-sided call and put quotes, ascending by strike. */
  residuals: ParityResidual[];
  /** Strikes in the final fit. */
  used: number;
  /** Strike where |C − P| is smallest (the at-the-money anchor). */
  atmStrike: number;
  /** Robust standard deviation of near-the-money residuals, index points. */
  residualScale: number;
  /** Continuous annual rate the parity slope implies, −ln(D_parity)/T; null without `rate`. */
  impliedRate: number | null;
  /**
   * 'parity': D is the fitted slope. 'setting': the implied rate fell outside the plausible
   * band, so D = e^(−r·T) with the rate setting and F was refitted with that D.
   */
  rateSource: 'parity' | 'setting';
}

/**
 * Plausible-rate check: time to expiry (years) and the band and fallback rate (continuous,
 * annual fractions). A 0DTE chain's parity slope is noise over minutes and can imply −296 %.
 */
export interface RateBand {
  tYears: number;
  min: number;
  max: number;
  fallback: number;
}

export type ParityFitError = { error: 'too-few-quotes' | 'degenerate-fit'; detail: string };

interface Point {
  strike: number;
  y: number;
  halfSpread: number;
  crossed: boolean;
}

function twoSided(q: Quote | null): q is Quote & { bid: number; ask: number } {
  return (
    q !== null &&
    q.bid !== null &&
    q.ask !== null &&
    Number.isFinite(q.bid) &&
    Number.isFinite(q.ask) &&
    q.bid > 0
  );
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] as number) : 0.5 * ((s[m - 1] as number) + (s[m] as number));
}

function toPoints(rows: readonly ChainRow[]): Point[] {
  const points: Point[] = [];
  for (const row of rows) {
    const { call, put } = row;
    if (!(row.strike > 0) || !twoSided(call) || !twoSided(put)) continue;
    points.push({
      strike: row.strike,
      y: 0.5 * (call.bid + call.ask) - 0.5 * (put.bid + put.ask),
      halfSpread: 0.5 * (call.ask - call.bid + (put.ask - put.bid)),
      crossed: call.bid > call.ask || put.bid > put.ask,
    });
  }
  return points.sort((p, q) => p.strike - q.strike);
}

/** Theil–Sen line through the points: median pairwise slope, median intercept. */
function theilSen(points: readonly Point[]): { a: number; b: number } {
  const slopes: number[] = [];
  for (let i = 0; i < points.length; i++)
    for (let j = i + 1; j < points.length; j++) {
      const p = points[i] as Point;
      const q = points[j] as Point;
      if (q.strike !== p.strike) slopes.push((q.y - p.y) / (q.strike - p.strike));
    }
  const b = median(slopes);
  return { a: median(points.map((p) => p.y - b * p.strike)), b };
}

/** Weighted least squares y = a + b·K; null when the strikes do not determine a line. */
function weightedLine(points: readonly Point[], floor: number): { a: number; b: number } | null {
  let sw = 0;
  let sk = 0;
  let sy = 0;
  for (const p of points) {
    const w = 1 / (p.halfSpread + floor) ** 2;
    sw += w;
    sk += w * p.strike;
    sy += w * p.y;
  }
  const kMean = sk / sw;
  const yMean = sy / sw;
  let skk = 0;
  let sky = 0;
  for (const p of points) {
    const w = 1 / (p.halfSpread + floor) ** 2;
    skk += w * (p.strike - kMean) ** 2;
    sky += w * (p.strike - kMean) * (p.y - yMean);
  }
  if (!(skk > 0)) return null;
  const b = sky / skk;
  return { a: yMean - b * kMean, b };
}

/**
 * Fits forward and discount for one expiry from its chain rows (see the module comment).
 * `maxStrikes`: how many two-sided strikes nearest the money enter the fit (default 30).
 * `rate`: when given, the implied rate −ln(D)/T must lie in [min, max]; outside it (or with
 * a slope giving D ≤ 0) D comes from the fallback rate and `rateSource` says 'setting'.
 * Returns the fit or a named error: 'too-few-quotes' (fewer than 2 usable strikes) or
 * 'degenerate-fit' (the line gives D ≤ 0 or F ≤ 0).
 */
export function fitForwardFromParity(
  rows: readonly ChainRow[],
  maxStrikes: number = DEFAULT_PARITY_STRIKES,
  rate: RateBand | null = null,
): ParityFit | ParityFitError {
  const all = toPoints(rows);
  const clean = all.filter((p) => !p.crossed);
  if (clean.length < 2)
    return { error: 'too-few-quotes', detail: `${clean.length} strikes with two-sided quotes` };
  let atm = clean[0] as Point;
  for (const p of clean) if (Math.abs(p.y) < Math.abs(atm.y)) atm = p;
  const near = [...clean]
    .sort((p, q) => Math.abs(p.strike - atm.strike) - Math.abs(q.strike - atm.strike))
    .slice(0, Math.max(2, maxStrikes));
  const start = theilSen(near);
  const scale = MAD_TO_SIGMA * median(near.map((p) => Math.abs(p.y - start.a - start.b * p.strike)));
  // A tiny floor keeps zero-spread or zero-scale data from dividing by zero.
  const floor = 1e-9 * Math.max(1, Math.abs(atm.strike));
  const offLine = (p: Point, a: number, b: number): boolean => {
    const r = Math.abs(p.y - a - b * p.strike);
    return r > p.halfSpread + floor && r > OUTLIER_SIGMAS * scale + floor;
  };
  const inliers = near.filter((p) => !offLine(p, start.a, start.b));
  const line = inliers.length >= 2 ? weightedLine(inliers, floor) : null;
  if (!line) return { error: 'too-few-quotes', detail: `${inliers.length} strikes left after outliers` };
  const fitted = -line.b;
  const impliedRate =
    rate && rate.tYears > 0 && fitted > 0 ? -Math.log(fitted) / rate.tYears : rate ? Number.NaN : null;
  const plausible =
    impliedRate === null || (impliedRate >= (rate?.min ?? 0) && impliedRate <= (rate?.max ?? 0));
  let discount = fitted;
  let forward = line.a / fitted;
  if (rate && !plausible) {
    // D from the rate setting; F = weighted mean of K + (C − P)/D over the same strikes.
    discount = Math.exp(-rate.fallback * rate.tYears);
    let sw = 0;
    let sf = 0;
    for (const p of inliers) {
      const w = 1 / (p.halfSpread + floor) ** 2;
      sw += w;
      sf += w * (p.strike + p.y / discount);
    }
    forward = sf / sw;
    line.b = -discount;
    line.a = discount * forward;
  }
  if (!(discount > 0) || !(forward > 0) || !Number.isFinite(forward))
    return {
      error: 'degenerate-fit',
      detail: `slope ${line.b} gives discount ${discount}, forward ${forward}`,
    };
  const usedStrikes = new Set(inliers.map((p) => p.strike));
  const residuals = all.map((p): ParityResidual => {
    const off = offLine(p, line.a, line.b);
    return {
      strike: p.strike,
      residual: p.y - line.a - line.b * p.strike,
      halfSpread: p.halfSpread,
      outlier: p.crossed || off,
      reason: p.crossed ? 'crossed' : off ? 'off-line' : null,
      used: !p.crossed && usedStrikes.has(p.strike),
    };
  });
  return {
    forward,
    discount,
    residuals,
    used: inliers.length,
    atmStrike: atm.strike,
    residualScale: scale,
    impliedRate: impliedRate !== null && Number.isFinite(impliedRate) ? impliedRate : null,
    rateSource: plausible ? 'parity' : 'setting',
  };
}
