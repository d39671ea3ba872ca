/** A macro release on the calendar (date in America/New_York, YYYY-MM-DD). */
export interface CalendarEvent {
  date: string;
  kind: 'FOMC' | 'CPI' | 'PPI' | 'other';
  label: string;
  /** Where the date comes from, e.g. "Federal Reserve press release 2025-09-05" or "user". */
  source: string;
}

/** The macro kinds the Layer 3 gate must see before it can say "no release before expiry". */
export type GatedKind = 'FOMC' | 'CPI' | 'PPI';

/**
 * The event calendar the plan uses: the built-in list or the user's edited copy.
 * `coveredThrough` says up to which date (inclusive) each gated kind's list is complete;
 * null = not known at all. `coveredFrom` says from which date it is complete (absent or null:
 * no lower bound — a list declared complete is taken as complete up to its date). A window
 * outside coverage cannot be called event-free.
 */
export interface EventCalendar {
  events: CalendarEvent[];
  coveredThrough: Record<GatedKind, string | null>;
  coveredFrom?: Partial<Record<GatedKind, string | null>>;
}
