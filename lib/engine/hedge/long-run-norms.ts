/**
 * Built-in long-run norms, computed by tests/fixtures/engine/plan/compute-vx-norms.ts from
 * public Cboe data (checked by tests/engine/hedge-norms.test.ts when the data is present;
 * the data itself is never committed):
 * - front spread (F2 − F1)/F1 of monthly VX futures daily settlements, Cboe Futures Exchange
 *   "VX futures by contract" 2013-01-02 … 2026-04-17, 3327 trade days;
 * - VIX daily close, Cboe VIX index history 1990-01-02 … 2024-11-22, 8807 days.
 * `knots` are the 0th, 5th, …, 100th percentiles (linear between order statistics).
 */

export interface NormStats {
  /** Observations behind the figures. */
  count: number;
  mean: number;
  /** Sample standard deviation. */
  sd: number;
  /** 21 percentiles: 0, 5, …, 100. */
  knots: readonly number[];
  source: string;
}

/** VIX futures front spread (F2 − F1)/F1, fraction, daily 2013–2026. */
export const FRONT_SPREAD_NORMS: NormStats = {
  count: 3327,
  mean: 0.058519,
  sd: 0.060628,
  knots: [
    -0.24839, -0.042549, -0.016415, 0, 0.012443, 0.02311, 0.032902, 0.041746, 0.050039, 0.057225, 0.064171,
    0.069654, 0.076025, 0.082471, 0.090366, 0.098375, 0.105618, 0.115247, 0.129846, 0.149133, 0.282209,
  ],
  source: 'Cboe VX futures daily settlements 2013-01-02…2026-04-17 (3327 days)',
};

/** VIX daily close, index points, 1990–2024. */
export const VIX_NORMS: NormStats = {
  count: 8807,
  mean: 19.475555,
  sd: 7.847513,
  knots: [
    9.14, 11.38, 12.1, 12.66, 13.22, 13.83, 14.55, 15.33, 16.07, 16.77, 17.63, 18.583, 19.55, 20.58, 21.63,
    22.835, 24.318, 26.051, 28.69, 33.137, 82.69,
  ],
  source: 'Cboe VIX daily closes 1990-01-02…2024-11-22 (8807 days)',
};
