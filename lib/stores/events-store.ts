/**
 * The user's edits to the built-in event calendar (storage `local:userEvents`): added
 * events and removed built-in dates. Validated with the stored schema before writing.
 */
import { createStore } from 'zustand/vanilla';
import { type CalendarEvent, eventSchema, type UserEvents, userEventsSchema } from '../schema/stored';
import { userEventsItem } from '../storage';

export interface EventsState {
  user: UserEvents;
  /** Message of the last add attempt that failed, for the form. */
  error: string | null;
  load(): Promise<void>;
  add(event: CalendarEvent): Promise<boolean>;
  /** Removes a user-added event, or hides a built-in one. */
  remove(event: Pick<CalendarEvent, 'date' | 'kind'>, builtin: boolean): Promise<void>;
  /** Shows a hidden built-in event again. */
  restore(event: Pick<CalendarEvent, 'date' | 'kind'>): Promise<void>;
  /** Declares the user's list of a gated kind complete through `date` (null: withdraw). */
  declareCovered(kind: 'FOMC' | 'CPI' | 'PPI', date: string | null): Promise<boolean>;
  dispose(): void;
}

const same = (a: Pick<CalendarEvent, 'date' | 'kind'>, b: Pick<CalendarEvent, 'date' | 'kind'>) =>
  a.date === b.date && a.kind === b.kind;

/** A YYYY-MM-DD text that is not a real calendar day (2026-02-30), in words; null when it is one. */
function dateProblem(date: string): string | null {
  const d = new Date(`${date}T12:00:00Z`);
  return Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== date
    ? `The date ${date} is not a day of the calendar.`
    : null;
}

/** The first schema issue of an event, in words (never the schema's own message). */
function eventProblem(issues: ReadonlyArray<{ path: PropertyKey[] }>): string {
  switch (issues[0]?.path[0]) {
    case 'date':
      return 'The date must be written YYYY-MM-DD, e.g. 2026-12-16.';
    case 'kind':
      return 'Pick the kind: FOMC, CPI, PPI or other.';
    case 'label':
      return 'Give the event a label of 1 to 120 characters.';
    default:
      return 'This event cannot be added.';
  }
}

export function createEventsStore() {
  let unwatch: (() => void) | null = null;
  return createStore<EventsState>()((set, get) => {
    const write = async (user: UserEvents) => {
      await userEventsItem.set(user);
      set({ user, error: null });
    };
    return {
      user: { added: [], removed: [], coveredThrough: { FOMC: null, CPI: null, PPI: null } },
      error: null,
      async load() {
        set({ user: await userEventsItem.get() });
        unwatch?.();
        unwatch = userEventsItem.watch((user) => set({ user }));
      },
      async add(event) {
        const parsed = eventSchema.safeParse(event);
        const problem = parsed.success ? dateProblem(parsed.data.date) : eventProblem(parsed.error.issues);
        if (!parsed.success || problem) {
          set({ error: problem ?? 'This event cannot be added.' });
          return false;
        }
        const { user } = get();
        if (user.added.some((e) => same(e, parsed.data))) {
          set({ error: `${parsed.data.kind} on ${parsed.data.date} is already on the calendar` });
          return false;
        }
        await write({
          ...user,
          added: [...user.added, parsed.data].sort((a, b) => a.date.localeCompare(b.date)),
          removed: user.removed.filter((r) => !same(r, parsed.data)),
        });
        return true;
      },
      async remove(event, builtin) {
        const { user } = get();
        await write(
          builtin
            ? { ...user, removed: [...user.removed, { date: event.date, kind: event.kind }] }
            : { ...user, added: user.added.filter((e) => !same(e, event)) },
        );
      },
      async restore(event) {
        const { user } = get();
        await write({ ...user, removed: user.removed.filter((r) => !same(r, event)) });
      },
      async declareCovered(kind, date) {
        const { user } = get();
        const parsed = userEventsSchema.safeParse({
          ...user,
          coveredThrough: { ...user.coveredThrough, [kind]: date },
        });
        if (!parsed.success) {
          set({ error: `${kind} complete through: expected a date YYYY-MM-DD` });
          return false;
        }
        const problem = date === null ? null : dateProblem(date);
        if (problem) {
          set({ error: `${kind} complete through: ${problem}` });
          return false;
        }
        await write(parsed.data);
        return true;
      },
      dispose() {
        unwatch?.();
        unwatch = null;
      },
    };
  });
}
