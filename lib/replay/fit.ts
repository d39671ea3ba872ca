/**
 * Fitting the synthetic chain's skew (./skew.ts) on real SPX chains, and measuring its error.
 * Market vols come from the engine's public pricing core: forward and discount per expiry from
 * put-call parity, Black-76 implied vol of each out-of-the-money mid. Pure: chains in, numbers out.
 */
import { black76ImpliedVol, fitForwardFromParity, yearsToExpiry } from '../engine';
import type { ChainSnapshot, Quote } from '../engine/snapshot-types';
import { type ChainFitError, modelVol, type SkewParams } from './skew';

/** Expiries used for the fit, calendar days (the condor's 21–45 window and the weeklies around it). */
export const FIT_MIN_DAYS = 7;
export const FIT_MAX_DAYS = 60;
/** Strikes within this many standard deviations (at σ = VIX/100) of the forward. */
export const FIT_MAX_SIGMAS = 3;
/** Days to expiry of Layer 1's default window, for the error where the condor is sold. */
export const CONDOR_WINDOW_DAYS = [21, 45] as const;

export interface FitPoint {
  expiry: string;
  strike: number;
  forward: number;
  tYears: number;
  /** Market implied vol, annualised fraction. */
  vol: number;
}

export interface FitChain {
  chain: string;
  date: string;
  /** VIX close that session, points. */
  vix: number;
  points: FitPoint[];
}

function mid(q: Quote | null): number | null {
  if (!q || q.bid === null || q.ask === null || !(q.bid > 0) || !(q.ask >= q.bid)) return null;
  return (q.bid + q.ask) / 2;
}

/** Out-of-the-money market vols of one real chain at instant `now` (see the module comment). */
export function chainVolPoints(chain: ChainSnapshot, now: string, vix: number): FitPoint[] {
  const out: FitPoint[] = [];
  for (const e of chain.expiries) {
    const t = yearsToExpiry(now, e.expiry, e.root, e.settlement);
    if (t === null || t * 365 < FIT_MIN_DAYS || t * 365 > FIT_MAX_DAYS) continue;
    const fit = fitForwardFromParity(e.rows);
    if ('error' in fit) continue;
    const band = FIT_MAX_SIGMAS * (vix / 100) * Math.sqrt(t);
    for (const row of e.rows) {
      if (Math.abs(Math.log(row.strike / fit.forward)) > band) continue;
      const kind = row.strike < fit.forward ? 'put' : 'call';
      const m = mid(kind === 'put' ? row.put : row.call);
      if (m === null) continue;
      const r = black76ImpliedVol(kind, m, fit.forward, row.strike, t, fit.discount);
      if ('vol' in r && r.vol > 0)
        out.push({ expiry: e.expiry, strike: row.strike, forward: fit.forward, tYears: t, vol: r.vol });
    }
  }
  return out;
}

/**
 * Least-squares fit of (atmToVix, skew, curvature) in vol units, each chain weighted equally:
 * a grid over atmToVix (0.50–1.30, step 0.0025) with the closed-form (skew, curvature) for each.
 */
export function fitSkew(chains: readonly FitChain[]): SkewParams {
  let best: { p: SkewParams; sse: number } | null = null;
  for (let i = 0; i <= 320; i++) {
    const beta = 0.5 + i * 0.0025;
    // Normal equations for r = σa·(s·x + c·x²) − (vol − σa).
    let [a11, a12, a22, b1, b2] = [0, 0, 0, 0, 0];
    for (const ch of chains) {
      const w = 1 / Math.max(1, ch.points.length);
      const sa = (beta * ch.vix) / 100;
      for (const pt of ch.points) {
        const x = Math.log(pt.strike / pt.forward) / (sa * Math.sqrt(pt.tYears));
        const [u, v, y] = [sa * x, sa * x * x, pt.vol - sa];
        a11 += w * u * u;
        a12 += w * u * v;
        a22 += w * v * v;
        b1 += w * u * y;
        b2 += w * v * y;
      }
    }
    const det = a11 * a22 - a12 * a12;
    if (!(Math.abs(det) > 0)) continue;
    const p: SkewParams = {
      atmToVix: beta,
      skew: (b1 * a22 - b2 * a12) / det,
      curvature: (a11 * b2 - a12 * b1) / det,
    };
    let sse = 0;
    for (const ch of chains) {
      const w = 1 / Math.max(1, ch.points.length);
      for (const pt of ch.points)
        sse += w * (modelVol(p, ch.vix, pt.forward, pt.strike, pt.tYears) - pt.vol) ** 2;
    }
    if (!best || sse < best.sse) best = { p, sse };
  }
  if (!best) throw new Error('fitSkew: no points');
  return best.p;
}

/** Error of the model smile against one real chain, vol points (model − market). */
export function fitError(p: SkewParams, ch: FitChain): ChainFitError {
  const expiries = new Set<string>();
  let [sum, sum2, max] = [0, 0, 0];
  for (const pt of ch.points) {
    expiries.add(pt.expiry);
    const d = (modelVol(p, ch.vix, pt.forward, pt.strike, pt.tYears) - pt.vol) * 100;
    sum += d;
    sum2 += d * d;
    max = Math.max(max, Math.abs(d));
  }
  const n = ch.points.length;
  const r4 = (v: number) => Math.round(v * 1e4) / 1e4;
  let [wn, wsum, wsum2] = [0, 0, 0];
  for (const pt of ch.points) {
    const days = pt.tYears * 365;
    if (days < CONDOR_WINDOW_DAYS[0] || days > CONDOR_WINDOW_DAYS[1]) continue;
    const d = (modelVol(p, ch.vix, pt.forward, pt.strike, pt.tYears) - pt.vol) * 100;
    wn++;
    wsum += d;
    wsum2 += d * d;
  }
  return {
    chain: ch.chain,
    date: ch.date,
    vix: ch.vix,
    points: n,
    expiries: expiries.size,
    rmsVolPoints: n ? r4(Math.sqrt(sum2 / n)) : 0,
    meanVolPoints: n ? r4(sum / n) : 0,
    maxAbsVolPoints: r4(max),
    condorWindow: {
      points: wn,
      rmsVolPoints: wn ? r4(Math.sqrt(wsum2 / wn)) : 0,
      meanVolPoints: wn ? r4(wsum / wn) : 0,
    },
  };
}
