/** readPage: picks the reader for a page and reads it, validating what comes out. */
import type { Snapshot } from '../engine/snapshot-types';
import { snapshotSchema } from '../schema/snapshot';
import { GENERIC_READERS, READERS, SITE_READERS } from './registry';
import { withScanSession } from './scan';
import type { ChainReader, ReaderOutput, ReadResult } from './types';

function safeRead(r: ChainReader, doc: Document, url: string, now: string): ReaderOutput {
  try {
    const out = r.read(doc, url, now);
    if (!out.ok) return out;
    // Nothing that fails the schema leaves a reader.
    const parsed = snapshotSchema.safeParse(out.snapshot);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return {
        ok: false,
        failure: {
          reason: 'reader-error',
          detail: `${r.label}: read data failed validation (${issue?.path.join('.') ?? ''}: ${issue?.message ?? ''})`,
        },
      };
    }
    return { ok: true, snapshot: parsed.data as Snapshot };
  } catch (err) {
    const msg = err instanceof Error ? err.message : String(err);
    return {
      ok: false,
      failure: { reason: 'reader-error', detail: `${r.label}: reader error (${msg.slice(0, 200)})` },
    };
  }
}

function safeDetect(r: ChainReader, doc: Document, url: string): boolean {
  try {
    return r.detect(doc, url);
  } catch {
    return false;
  }
}

/**
 * Reads a page: the first site reader whose `detect` is true reads it (a failure then names
 * that site); otherwise the generic VIX-curve and chain readers both try.
 * @param doc the page's Document (not modified); @param url the page URL;
 * @param nowIso ISO instant stamped as `source.readAt`.
 * @returns snapshots (chain and/or VIX curve), each schema-valid, or a typed failure.
 */
export function readPage(doc: Document, url: string, nowIso: string): ReadResult {
  return withScanSession(doc, () => readPageInSession(doc, url, nowIso));
}

function readPageInSession(doc: Document, url: string, nowIso: string): ReadResult {
  const site = SITE_READERS.find((r) => safeDetect(r, doc, url));
  if (site) {
    const out = safeRead(site, doc, url, nowIso);
    return out.ok
      ? { ok: true, snapshots: [out.snapshot], reader: site.id }
      : { ok: false, failure: out.failure, reader: site.id };
  }
  const snapshots: Snapshot[] = [];
  let firstFailure: ReadResult | null = null;
  for (const r of GENERIC_READERS) {
    const out = safeRead(r, doc, url, nowIso);
    if (out.ok) snapshots.push(out.snapshot);
    else if (r.id === 'generic-table') firstFailure = { ok: false, failure: out.failure, reader: r.id };
  }
  if (snapshots.length > 0) {
    const ids = snapshots.map((s) => s.source.reader);
    return { ok: true, snapshots, reader: ids.join('+') };
  }
  return (
    firstFailure ?? {
      ok: false,
      failure: { reason: 'not-a-chain', detail: 'This page: nothing to read' },
      reader: null,
    }
  );
}

/** Reader by id (tests, CLI). */
export function readerById(id: string): ChainReader | undefined {
  return READERS.find((r) => r.id === id);
}
