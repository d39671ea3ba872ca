import { z } from 'zod';

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
});
export type UserEvents = z.infer<typeof userEventsSchema>;

/** One day of history; any field may be missing. Prices in index points. */
export const historyDaySchema = z.object({
  date: isoDate,
  spxClose: z.number().positive().nullable(),
  advances: z.number().int().nonnegative().nullable(),
  declines: z.number().int().nonnegative().nullable(),
  vixClose: z.number().positive().nullable(),
  /** (F2 − F1)/F1 of the VIX futures curve that day, fraction. */
  vixFrontSpread: z.number().finite().nullable(),
});
export type HistoryDay = z.infer<typeof historyDaySchema>;

export const historySchema = z.object({ days: z.array(historyDaySchema).max(40_000) });
export type History = z.infer<typeof historySchema>;
