/**
 * The options page's import of a chain file (a saved page, an export or download, saved broker
 * JSON): the same reading as `alvh read` (lib/readers/import-file.ts), with the page's own
 * DOMParser for HTML (scripts in a parsed document never run). Every snapshot returned passed
 * the snapshot schema; what to do with them (show, send to the background) is the caller's.
 */
import type { Snapshot } from '../engine/snapshot-types';
import { readImportFile } from '../readers/import-file';
import type { ReadResult } from '../readers/types';
import { snapshotSchema } from '../schema/snapshot';

/** Largest file the options page reads (characters), as the CLI's byte cap. */
export const MAX_IMPORT_CHARS = 64 * 1024 * 1024;

/**
 * Reads a user's file into snapshots or a failure that says what the file holds.
 * @param fileName shown in messages and stamped as the source (`file:<name>`).
 * @param nowIso ISO instant stamped as `readAt`.
 */
export function readChainImport(fileName: string, text: string, nowIso: string): ReadResult {
  if (text.length > MAX_IMPORT_CHARS)
    return {
      ok: false,
      reader: null,
      failure: { reason: 'too-large', detail: `${fileName}: ${text.length} characters is too large` },
    };
  const result = readImportFile(fileName, text, {
    now: nowIso,
    parseHtml: (html) => new DOMParser().parseFromString(html, 'text/html'),
  });
  if (!result.ok) return result;
  const checked = result.snapshots.map((s) => snapshotSchema.safeParse(s));
  const bad = checked.find((c) => !c.success);
  if (bad && !bad.success)
    return {
      ok: false,
      reader: result.reader,
      failure: {
        reason: 'reader-error',
        detail: `${fileName}: the snapshot read failed its check (${bad.error.issues[0]?.message ?? 'invalid'})`,
      },
    };
  return { ok: true, reader: result.reader, snapshots: checked.map((c) => c.data as Snapshot) };
}
