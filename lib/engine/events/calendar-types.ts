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
 * null = not known at all. A window reaching past coverage cannot be called event-free.
 */
export interface EventCalendar {
  events: CalendarEvent[];
  coveredThrough: Record<GatedKind, string | null>;
}
