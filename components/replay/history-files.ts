/**
 * The four history files the replay view imports on the options page (SPX daily OHLC, VIX
 * history, VX futures by contract, VVIX history): a size limit checked before reading, the
 * replay's own parsers, then zod checks on what they return. Pure: text in, verdict out.
 * Nothing is stored: the files live in the page's memory until it closes.
 */
import { z } from 'zod';
import { MAX_HISTORY_CHARS, parseIndexCsv, parseSpxCsv, parseVxCsv } from '../../lib/replay/history-csv';

export type HistoryKind = 'spx' | 'vix' | 'vx' | 'vvix';

/** Largest file accepted, bytes (the public VX file is 2.2 MB, GSPC 2.5 MB). */
export const MAX_HISTORY_BYTES = MAX_HISTORY_CHARS;

export const HISTORY_LABELS: Record<HistoryKind, string> = {
  spx: 'SPX daily OHLC (Yahoo ^GSPC CSV: Date, Open, …, Close)',
  vix: 'VIX history (Cboe VIX_History.csv: DATE, OPEN, HIGH, LOW, CLOSE)',
  vx: 'VX futures by contract (Trade Date, Futures, …, Close, Settle)',
  vvix: 'VVIX history (Cboe VVIX_History.csv: DATE, VVIX)',
};

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const price = z.number().positive().finite();
const MIN_ROWS = 30;

const spxRows = z.array(z.object({ date: isoDate, open: price, close: price })).min(MIN_ROWS);
const indexRows = z.array(z.tuple([isoDate, price])).min(MIN_ROWS);
const vxRows = z
  .array(z.object({ date: isoDate, expiry: isoDate, price: price.max(200), fromClose: z.boolean() }))
  .min(MIN_ROWS);

export interface HistoryCheck {
  ok: boolean;
  /** One sentence for the user: rows kept and dropped, or why the file was refused. */
  message: string;
  /** First and last date kept. */
  span: [string, string] | null;
}

/** Refuses a file over the size limit before it is read. */
export function checkSize(bytes: number): string | null {
  return bytes > MAX_HISTORY_BYTES
    ? `File is ${(bytes / 1e6).toFixed(1)} MB; the limit is ${(MAX_HISTORY_BYTES / 1e6).toFixed(0)} MB.`
    : null;
}

/** Parses and checks one history file's text. */
export function checkHistory(kind: HistoryKind, text: string): HistoryCheck {
  try {
    const parsed =
      kind === 'spx'
        ? parseSpxCsv(text)
        : kind === 'vx'
          ? parseVxCsv(text)
          : parseIndexCsv(text, kind === 'vix' ? 'CLOSE' : 'VVIX');
    const schema = kind === 'spx' ? spxRows : kind === 'vx' ? vxRows : indexRows;
    const r = schema.safeParse(parsed.rows);
    if (!r.success) {
      const issue = r.error.issues[0];
      return {
        ok: false,
        message: `Not usable: ${issue?.path.join('.') || 'rows'}: ${issue?.message ?? 'invalid'} (need at least ${MIN_ROWS} good rows).`,
        span: null,
      };
    }
    const dates = parsed.rows.map((x) => (Array.isArray(x) ? x[0] : x.date));
    const dropped = parsed.dropped.map((d) => `${d.count} ${d.reason}`).join(', ');
    return {
      ok: true,
      message: `${parsed.rows.length} rows kept${dropped ? `; left out: ${dropped}` : ''}.`,
      span: [dates[0] ?? '', dates.at(-1) ?? ''],
    };
  } catch (err) {
    return { ok: false, message: err instanceof Error ? err.message : String(err), span: null };
  }
}
