/**
 * Loads snapshots from a file for the CLI (`alvh read`, `alvh plan --chain/--vix`) through
 * the same entry point as the options page's import (lib/readers/import-file.ts): saved HTML
 * pages (parsed with happy-dom, imported only when the file is HTML: parse-html.ts), CSV
 * exports and downloads, broker/quote API JSON and snapshot JSON. Everything returned passed
 * the snapshot schema.
 */
import { readFileSync, statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Snapshot } from '../engine/snapshot-types';
import { readImportFile, sniffKind } from '../readers/import-file';
import { runSteps } from '../readers/scan';
import type { ReadResult } from '../readers/types';
import { validateSteps } from '../readers/validate';
import { CliError } from './command';

/** Largest input file read (bytes). */
export const MAX_FILE_BYTES = 64 * 1024 * 1024;

export interface LoadOptions {
  /** Page URL the file was saved from (helps pick the site reader); default file:// URL. */
  url?: string;
  /** ISO instant stamped as `readAt`; default the current time. */
  now?: string;
}

/**
 * Reads a file into validated snapshots.
 * @throws CliError naming the reason when the file holds no chain or curve (exit code 2).
 */
export async function loadSnapshots(path: string, opts: LoadOptions = {}): Promise<Snapshot[]> {
  const abs = resolve(path);
  let size: number;
  try {
    size = statSync(abs).size;
  } catch {
    throw new CliError(`cannot read ${path}`);
  }
  if (size > MAX_FILE_BYTES) throw new CliError(`${path} is larger than ${MAX_FILE_BYTES} bytes`);
  const text = readFileSync(abs, 'utf8');
  const url = opts.url ?? pathToFileURL(abs).href;
  const now = opts.now ?? new Date().toISOString();
  // What the file is comes from its content (readImportFile sniffs it), never from its name.
  const windows: { close: () => Promise<void> }[] = [];
  const html = sniffKind(text) === 'html' ? await import('./parse-html') : null;
  let result: ReadResult;
  try {
    result = readImportFile(basename(abs), text, {
      url,
      now,
      parseHtml: html
        ? (markup, pageUrl) => {
            const parsed = html.parseHtml(markup, pageUrl);
            windows.push(parsed);
            return parsed.doc;
          }
        : undefined,
    });
  } finally {
    for (const w of windows) await w.close();
  }
  if (!result.ok) throw new CliError(`${path}: ${result.failure.detail} (${result.failure.reason})`);
  // validateSteps is snapshotSchema.safeParse with a fast path for plain rows, which a chain of
  // tens of thousands of quotes (the 10,500-row Cboe CSV) makes worth taking.
  return result.snapshots.map((s) => {
    const checked = runSteps(validateSteps(s));
    if (!checked.ok)
      throw new CliError(`${path}: the data read failed validation (${checked.path}: ${checked.message})`);
    return checked.data;
  });
}
