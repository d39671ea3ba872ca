import type { CondorCandidate } from '../plan-types';

/** How many candidates the plan shows: the best plus two alternatives. */
export const SHOWN_CANDIDATES = 3;

/** An expiry with its calendar days to settlement (fractional) and its contract. */
export interface DatedExpiry {
  expiry: string;
  daysToExpiry: number;
  source: { root: string | null; settlement: 'AM' | 'PM' | null };
}

/** Day of week of a YYYY-MM-DD date (0 = Sunday), calendar arithmetic only. */
function weekday(date: string): number {
  return new Date(`${date}T12:00:00Z`).getUTCDay();
}

/**
 * The expiry in the DTE window that best fits a weekly cadence: among expiries with
 * dteMin ≤ days ≤ dteMax, Friday expiries first (a weekly entry rolls along Fridays), then
 * the one nearest the middle of the window, so each week's new condor lands in the same part
 * of the window. One contract per date: where a date lists both an AM-settled monthly (SPX)
 * and a PM-settled series (SPXW), the PM one is taken — it trades through its last day and
 * settles on that day's closing print, where the AM monthly stops trading the afternoon
 * before and settles on the next morning's opening print. Null when none is in the window.
 */
export function chooseExpiry<T extends DatedExpiry>(
  expiries: readonly T[],
  dteMin: number,
  dteMax: number,
): T | null {
  const inWindow = expiries.filter((e) => e.daysToExpiry >= dteMin && e.daysToExpiry <= dteMax);
  const fridays = inWindow.filter((e) => weekday(e.expiry) === 5);
  const pool = fridays.length > 0 ? fridays : inWindow;
  const middle = (dteMin + dteMax) / 2;
  const pm = (e: T) => (e.source.settlement === 'PM' ? 0 : 1);
  let best: T | null = null;
  for (const e of pool) {
    if (!best) {
      best = e;
      continue;
    }
    const sameDate = e.expiry === best.expiry;
    if (
      sameDate ? pm(e) < pm(best) : Math.abs(e.daysToExpiry - middle) < Math.abs(best.daysToExpiry - middle)
    )
      best = e;
  }
  return best;
}

/** Another contract listed on the same date as `chosen` (e.g. the SPX monthly beside SPXW), or null. */
export function sameDateSibling<T extends DatedExpiry>(expiries: readonly T[], chosen: T): T | null {
  return expiries.find((e) => e !== chosen && e.expiry === chosen.expiry) ?? null;
}

/** Sizable candidates (≥ 1 contract) ranked by score, best first; ties by higher POP. */
export function rankCandidates(candidates: readonly CondorCandidate[]): CondorCandidate[] {
  return candidates
    .filter((c) => c.contracts >= 1)
    .sort((a, b) => b.score - a.score || b.probabilityOfProfit - a.probabilityOfProfit);
}
