/** readPage: picks the reader for a page and reads it, validating what comes out. */
import type { Snapshot } from '../engine/snapshot-types';
import { extractGridsSteps } from './extract';
import { reader as genericTable, readGenericSteps } from './generic-table';
import { GENERIC_READERS, READERS, SITE_READERS } from './registry';
import { beginRowIndex } from './row-index';
import {
  openScanSession,
  runSteps,
  runStepsSliced,
  type SliceOptions,
  type Steps,
  scanPageSteps,
  withScanSession,
} from './scan';
import type { ChainReader, ReaderOutput, ReadResult } from './types';
import { validateSteps } from './validate';

/**
 * Readers whose read has a pausable form, keyed by their `read` function (a reader replaced
 * in a test keeps its replacement). Others are cheap and run in one piece.
 */
const STEPPED_READS = new Map<
  ChainReader['read'],
  (doc: Document, url: string, now: string) => Steps<ReaderOutput>
>([[genericTable.read, readGenericSteps]]);

function* safeReadSteps(r: ChainReader, doc: Document, url: string, now: string): Steps<ReaderOutput> {
  try {
    const stepped = STEPPED_READS.get(r.read);
    const out = stepped ? yield* stepped(doc, url, now) : r.read(doc, url, now);
    if (!out.ok) return out;
    // Nothing that fails the schema leaves a reader.
    const parsed = yield* validateSteps(out.snapshot);
    if (!parsed.ok) {
      return {
        ok: false,
        failure: {
          reason: 'reader-error',
          detail: `${r.label}: read data failed validation (${parsed.path}: ${parsed.message})`,
        },
      };
    }
    return { ok: true, snapshot: parsed.data };
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
 * Reads a page: the one site reader whose `detect` is true reads it (a failure then names
 * that site); otherwise the generic VIX-curve and chain readers both try.
 * @param doc the page's Document (not modified); @param url the page URL;
 * @param nowIso ISO instant stamped as `source.readAt`.
 * @returns snapshots (chain and/or VIX curve), each schema-valid, or a typed failure.
 */
export function readPage(doc: Document, url: string, nowIso: string): ReadResult {
  beginRowIndex(doc, nowIso);
  return withScanSession(doc, () => runSteps(readPageSteps(doc, url, nowIso)));
}

/**
 * {@link readPage} in slices for a live page: the walk, the cell texts and the generic
 * reader's rows are read a few dozen at a time, and whenever a slice has run `budgetMs`,
 * `yieldEvery()` is awaited so the page stays responsive. Same result as `readPage` for the
 * same page (the page may change between slices; the caller re-reads on change).
 */
export async function readPageSliced(
  doc: Document,
  url: string,
  nowIso: string,
  opts: SliceOptions,
): Promise<ReadResult> {
  beginRowIndex(doc, nowIso);
  const close = openScanSession(doc);
  let result: ReadResult;
  try {
    result = await runStepsSliced(readPageSteps(doc, url, nowIso), opts);
  } finally {
    close();
  }
  // The caller merges and sends the result: in a task of its own, not the last slice's.
  await opts.yieldEvery();
  return result;
}

/** The read with pause points; call inside a scan session so the walk is shared. */
function* readPageSteps(doc: Document, url: string, nowIso: string): Steps<ReadResult> {
  try {
    // Walk the page in pieces now; readers below find the walk cached.
    yield* scanPageSteps(doc);
  } catch {
    // Readers meet the same error themselves and report it as theirs.
  }
  const sites = SITE_READERS.filter((r) => safeDetect(r, doc, url));
  if (sites.length > 1) {
    // Never settled by list order: two readers claiming one page is a bug to fix.
    return {
      ok: false,
      failure: {
        reason: 'reader-error',
        detail: `This page is recognised by two readers (${sites.map((r) => r.label).join(', ')}): not read`,
      },
      reader: sites.map((r) => r.id).join('+'),
    };
  }
  const site = sites[0];
  if (site) {
    const out = yield* safeReadSteps(site, doc, url, nowIso);
    return out.ok
      ? { ok: true, snapshots: [out.snapshot], reader: site.id }
      : { ok: false, failure: out.failure, reader: site.id };
  }
  try {
    // Cell texts in pieces now; every generic reader finds them cached.
    yield* extractGridsSteps(doc);
  } catch {
    // As above: the readers report it.
  }
  const snapshots: Snapshot[] = [];
  let firstFailure: ReadResult | null = null;
  for (const r of GENERIC_READERS) {
    const out = yield* safeReadSteps(r, doc, url, nowIso);
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
