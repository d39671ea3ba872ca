/**
 * The smile of the synthetic SPX chain: at-the-money vol from VIX, skew fitted on real chains.
 *
 *   σ(K, T) = σ_atm · m(x),  σ_atm = atmToVix · VIX / 100,  x = ln(K/F) / (σ_atm·√T),
 *   m(x) = clamp(1 + skew·x + curvature·x², MIN_MULT, MAX_MULT)
 *
 * x is log-moneyness in standard deviations, so one (skew, curvature) pair serves every expiry
 * and VIX level. The term structure is flat (every expiry gets σ_atm): a stated limit.
 * FITTED_SKEW was fitted by tests/replay/fit-skew.ts (fitSkew in ./fit.ts) on the two real
 * Cboe SPX chains in ../shared/data (2020-03-20 close, VIX 66.04; 2022-02-04 close, VIX 23.22):
 * OTM mids of expiries 7–60 days out with |x| ≤ 3 at σ = VIX/100, vols solved by the engine's
 * Black-76 implied vol on the parity forward. FIT_ERRORS are that script's errors per chain
 * (model vol − market vol, vol points); tests/replay/real-data.test.ts recomputes both when the data
 * is present and fails if they drift.
 */

export interface SkewParams {
  /** ATM implied vol as a multiple of VIX/100 (VIX is a 30-day variance level, above ATM). */
  atmToVix: number;
  /** Slope of the vol multiple per standard deviation of log-moneyness (negative: put skew). */
  skew: number;
  /** Curvature of the vol multiple per standard deviation squared. */
  curvature: number;
}

/** Bounds of the vol multiple m(x): keeps far wings finite and positive. */
export const MIN_MULT = 0.4;
export const MAX_MULT = 3;

export interface ChainFitError {
  /** Which real chain, e.g. "cboe-quotedata-spx-2020-03-22". */
  chain: string;
  /** Quote date (the session the quotes close). */
  date: string;
  vix: number;
  /** Strikes × expiries compared. */
  points: number;
  expiries: number;
  /** Root-mean-square of model − market vol, vol points. */
  rmsVolPoints: number;
  /** Mean of model − market vol (bias), vol points. */
  meanVolPoints: number;
  /** Largest |model − market|, vol points. */
  maxAbsVolPoints: number;
  /** The same over expiries 21–45 days out only (where Layer 1 sells), vol points. */
  condorWindow: { points: number; rmsVolPoints: number; meanVolPoints: number };
}

export const FITTED_SKEW: SkewParams = { atmToVix: 0.87, skew: -0.1668, curvature: 0.0521 };

export const FIT_ERRORS: readonly ChainFitError[] = [
  {
    chain: 'cboe-quotedata-spx-2020-03-22',
    date: '2020-03-20',
    vix: 66.04,
    points: 4362,
    expiries: 17,
    rmsVolPoints: 8.2622,
    meanVolPoints: -0.5088,
    maxAbsVolPoints: 27.2922,
    condorWindow: { points: 1813, rmsVolPoints: 5.5497, meanVolPoints: 3.1955 },
  },
  {
    chain: 'cboe-quotedata-spx-ndx-2022-02-05',
    date: '2022-02-04',
    vix: 23.22,
    points: 3103,
    expiries: 15,
    rmsVolPoints: 2.5773,
    meanVolPoints: 1.4546,
    maxAbsVolPoints: 11.2505,
    condorWindow: { points: 1579, rmsVolPoints: 2.2251, meanVolPoints: 1.1859 },
  },
];

/** ATM vol (annualised fraction) of the synthetic chain on a day with VIX at `vixPoints`. */
export function atmVol(p: SkewParams, vixPoints: number): number {
  return (p.atmToVix * vixPoints) / 100;
}

/** Model implied vol (annualised fraction) at strike K for forward F, T years out. */
export function modelVol(
  p: SkewParams,
  vixPoints: number,
  forward: number,
  strike: number,
  tYears: number,
): number {
  const atm = atmVol(p, vixPoints);
  if (!(tYears > 0)) return atm;
  const x = Math.log(strike / forward) / (atm * Math.sqrt(tYears));
  const m = 1 + p.skew * x + p.curvature * x * x;
  return atm * Math.min(MAX_MULT, Math.max(MIN_MULT, m));
}
