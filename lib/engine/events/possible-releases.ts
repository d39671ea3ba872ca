/**
 * Where the calendar does not know a kind's dates, Layer 3 does not give up: BLS releases CPI
 * and PPI on a weekday in the middle of the month, so every weekday from the 9th to the 17th
 * counts as a possible release. A window that avoids all of them (e.g. the 18th to the 8th)
 * is still event-free for that kind, and the plan says the dates were assumed.
 */
import { addDaysIso } from '../market/ny-time';
import type { EventCalendar, GatedKind } from './calendar-types';
import { coveredFrom, uncoveredKinds } from './events-in-window';

/** First and last day of the month (inclusive) a CPI/PPI release is assumed possible on. */
export const POSSIBLE_RELEASE_FIRST_DAY = 9;
export const POSSIBLE_RELEASE_LAST_DAY = 17;

/** Kinds whose release days can be bounded this way (FOMC meetings are not). */
const BOUNDABLE: readonly GatedKind[] = ['CPI', 'PPI'];

export interface UncoveredKind {
  kind: GatedKind;
  /** Last date the calendar's list of this kind is complete through, null = never. */
  coveredThrough: string | null;
  /** Possible release days in the uncovered part of the window (weekdays 9th–17th); null for FOMC (unbounded). */
  possibleDays: string[] | null;
}

function isPossibleReleaseDay(date: string): boolean {
  const day = Number(date.slice(8, 10));
  const dow = new Date(`${date}T12:00:00Z`).getUTCDay();
  return dow !== 0 && dow !== 6 && day >= POSSIBLE_RELEASE_FIRST_DAY && day <= POSSIBLE_RELEASE_LAST_DAY;
}

/**
 * Gated kinds whose list does not reach `toDate`, each with the possible release days in the
 * part of [fromDate, toDate] the list does not cover.
 */
export function uncoveredInWindow(
  calendar: EventCalendar,
  fromDate: string,
  toDate: string,
): UncoveredKind[] {
  const out: UncoveredKind[] = [];
  for (const kind of ['FOMC', 'CPI', 'PPI'] as const) {
    if (!uncoveredKinds(calendar, toDate, fromDate).includes(kind)) continue;
    const through = calendar.coveredThrough[kind];
    const from = coveredFrom(calendar, kind);
    if (!BOUNDABLE.includes(kind)) {
      out.push({ kind, coveredThrough: through, possibleDays: null });
      continue;
    }
    // Days outside [from, through] are unknown for this kind.
    const known = (d: string) => through !== null && d <= through && (from === null || d >= from);
    const days: string[] = [];
    for (let d = fromDate; d <= toDate; d = addDaysIso(d, 1))
      if (!known(d) && isPossibleReleaseDay(d)) days.push(d);
    out.push({ kind, coveredThrough: through, possibleDays: days });
  }
  return out;
}
