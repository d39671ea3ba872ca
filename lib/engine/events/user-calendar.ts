/**
 * The calendar the plan uses: the built-in list with the user's removals and additions, and
 * coverage per gated kind stated, never guessed. A kind's list is complete through the later
 * of the built-in coverage and the date the user declares their own list complete through;
 * dates the user adds do not by themselves extend coverage (one PPI date entered for January
 * says nothing about February).
 */
import type { CalendarEvent, EventCalendar, GatedKind } from './calendar-types';

export interface UserCalendarEdits {
  added: Omit<CalendarEvent, 'source'>[];
  removed: Pick<CalendarEvent, 'date' | 'kind'>[];
  /** Per kind, the date (inclusive, YYYY-MM-DD) the user declares their list complete through; null = not declared. */
  coveredThrough: Record<GatedKind, string | null>;
}

const later = (a: string | null, b: string | null) => (a === null ? b : b === null ? a : a > b ? a : b);

export function applyUserEdits(base: EventCalendar, edits: UserCalendarEdits): EventCalendar {
  const removed = new Set(edits.removed.map((r) => `${r.date}|${r.kind}`));
  const events = [
    ...base.events.filter((e) => !removed.has(`${e.date}|${e.kind}`)),
    ...edits.added.map((e) => ({ ...e, source: 'user' })),
  ].sort((a, b) => a.date.localeCompare(b.date));
  const c = base.coveredThrough;
  const u = edits.coveredThrough;
  return {
    events,
    ...(base.coveredFrom ? { coveredFrom: { ...base.coveredFrom } } : {}),
    coveredThrough: { FOMC: later(c.FOMC, u.FOMC), CPI: later(c.CPI, u.CPI), PPI: later(c.PPI, u.PPI) },
  };
}
