/**
 * CSV text → rows of trimmed cell texts, shared by every export reader (Cboe quotedata,
 * thinkorswim desktop, Fidelity ATP, generic chains, VIX settlements). Why one place: the
 * size cap, the UTF-8 byte-order mark and blank lines are handled the same for every file.
 */
import Papa from 'papaparse';
import type { ReadResult } from '../types';

/** Largest CSV we parse (characters); Cboe's full SPX download is ~1.6 MB. */
export const MAX_CSV_CHARS = 20_000_000;

export interface CsvOptions {
  /** Where the file came from (file name or URL), stamped as `source.url`. Never read for data. */
  url: string;
  /** ISO instant stamped as `source.readAt`. */
  now: string;
}

/** Parses CSV text into rows (BOM dropped, blank lines skipped, cells trimmed), or a failure. */
export function csvRows(text: string): { ok: true; rows: string[][] } | Extract<ReadResult, { ok: false }> {
  if (text.length > MAX_CSV_CHARS) {
    return {
      ok: false,
      reader: null,
      failure: { reason: 'too-large', detail: `CSV: ${text.length} characters is too large` },
    };
  }
  try {
    const data = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
    return { ok: true, rows: data.map((r) => r.map((c) => String(c ?? '').trim())) };
  } catch (err) {
    const msg = err instanceof Error ? err.message : String(err);
    return {
      ok: false,
      reader: null,
      failure: { reason: 'reader-error', detail: `CSV: could not parse (${msg})` },
    };
  }
}

/** Lowercased cells of a row (for header matching). */
export function lowerCells(row: string[] | undefined): string[] {
  return (row ?? []).map((c) => c.toLowerCase());
}
