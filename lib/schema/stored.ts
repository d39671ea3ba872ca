import * as z from 'zod';
import type { DailyRecord } from '../engine/signals/history-types';

/** A stored value that failed its schema, kept verbatim (as JSON text) with the reason. */
export const storedBackupSchema = z.object({
  key: z.string(),
  raw: z.string(),
  error: z.string(),
  at: z.string(),
});
export type StoredBackup = z.infer<typeof storedBackupSchema>;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');

export const eventSchema = z.object({
  date: isoDate,
  kind: z.enum(['FOMC', 'CPI', 'PPI', 'other']),
  label: z.string().min(1).max(120),
});
export type CalendarEvent = z.infer<typeof eventSchema>;

/** User edits on top of the built-in calendar. */
export const userEventsSchema = z.object({
  added: z.array(eventSchema).max(500),
  removed: z.array(z.object({ date: isoDate, kind: eventSchema.shape.kind })).max(500),
  /**
   * Per gated kind, the date the user declares their list complete through (null = not
   * declared). Added later: stored edits without it read as nothing declared.
   */
  coveredThrough: z
    .object({ FOMC: isoDate.nullable(), CPI: isoDate.nullable(), PPI: isoDate.nullable() })
    .default({ FOMC: null, CPI: null, PPI: null }),
});
export type UserEvents = z.infer<typeof userEventsSchema>;

/** One session of daily history (lib/engine/signals/history-types.ts has the units). */
export const historyDaySchema = z.object({
  date: isoDate,
  spxClose: z.number().positive(),
  advances: z.number().int().nonnegative().nullable(),
  declines: z.number().int().nonnegative().nullable(),
  vixClose: z.number().positive().nullable(),
  vxFrontSpread: z.number().finite().nullable(),
}) satisfies z.ZodType<DailyRecord>;

/** Most days the stored history holds (~150 years of sessions); stated on the options page before import. */
export const MAX_HISTORY_DAYS = 40_000;

export const historySchema = z.object({ days: z.array(historyDaySchema).max(MAX_HISTORY_DAYS) });
export type History = z.infer<typeof historySchema>;
export type HistoryDay = DailyRecord;
