import type { EventInWindow } from '../plan-types';
import type { EventCalendar, GatedKind } from './calendar-types';

const GATED: readonly GatedKind[] = ['FOMC', 'CPI', 'PPI'];

/**
 * Events dated on or after `fromDate` and on or before `toDate` (YYYY-MM-DD, New York dates;
 * string order equals date order). An event on the expiry day counts: it moves the
 * settlement price.
 */
export function eventsInWindow(calendar: EventCalendar, fromDate: string, toDate: string): EventInWindow[] {
  return calendar.events
    .filter((e) => e.date >= fromDate && e.date <= toDate)
    .map((e) => ({ date: e.date, kind: e.kind, label: e.label }));
}

/** Start of a kind's coverage, null = no lower bound. */
export function coveredFrom(calendar: EventCalendar, kind: GatedKind): string | null {
  return calendar.coveredFrom?.[kind] ?? null;
}

/**
 * Gated kinds whose list does not cover the window (`fromDate` to `toDate`; `fromDate` omitted:
 * only the end is checked): the window cannot be called event-free.
 */
export function uncoveredKinds(calendar: EventCalendar, toDate: string, fromDate?: string): GatedKind[] {
  return GATED.filter((k) => {
    const through = calendar.coveredThrough[k];
    const from = coveredFrom(calendar, k);
    return (
      through === null || through < toDate || (fromDate !== undefined && from !== null && fromDate < from)
    );
  });
}

/** Short flag text for a candidate spanning events, e.g. "spans FOMC 2026-12-09". */
export function eventFlags(events: readonly EventInWindow[]): string[] {
  return events.map((e) => `spans ${e.kind === 'other' ? e.label : e.kind} ${e.date}`);
}

/**
 * A warning when the plan's window (`fromDate` to `toDate`) reaches past the calendar's list of
 * a gated kind: a condor spanning a release there cannot be flagged. Null when covered.
 */
export function calendarCoverageWarning(
  calendar: EventCalendar,
  fromDate: string,
  toDate: string,
): string | null {
  const missing = uncoveredKinds(calendar, toDate, fromDate);
  if (missing.length === 0) return null;
  const parts = missing.map((k) => {
    const t = calendar.coveredThrough[k];
    const f = coveredFrom(calendar, k);
    if (t === null) return `no ${k} dates`;
    if (f !== null && toDate < f) return `no ${k} dates before ${f}`;
    if (f !== null && fromDate < f) return `${k} dates only from ${f}`;
    return t < fromDate ? `no ${k} dates after ${t}` : `${k} dates only through ${t}`;
  });
  return `Event calendar: ${parts.join(', ')}, and this plan runs to ${toDate}: a condor spanning a release there is not flagged. Add the dates, or declare your list complete, on the options page.`;
}
