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

/** Gated kinds whose list does not reach `toDate`: the window cannot be called event-free. */
export function uncoveredKinds(calendar: EventCalendar, toDate: string): GatedKind[] {
  return GATED.filter((k) => {
    const through = calendar.coveredThrough[k];
    return through === null || through < toDate;
  });
}

/** Short flag text for a candidate spanning events, e.g. "spans FOMC 2026-12-09". */
export function eventFlags(events: readonly EventInWindow[]): string[] {
  return events.map((e) => `spans ${e.kind === 'other' ? e.label : e.kind} ${e.date}`);
}
