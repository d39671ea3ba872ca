/**
 * One session of daily history (the `--history` CSV, or what the extension recorded).
 * Prices in index points; breadth as NYSE issue counts; null = not recorded that day.
 */
export interface DailyRecord {
  /** Session date, YYYY-MM-DD. */
  date: string;
  spxClose: number;
  advances: number | null;
  declines: number | null;
  /** VIX close, index points (feeds the VIX percentile norms). */
  vixClose: number | null;
  /** VIX futures front spread (F2 − F1)/F1 that day, fraction (feeds the contango norms). */
  vxFrontSpread: number | null;
}
