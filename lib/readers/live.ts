/**
 * Live reading: re-reads the page when it changes (debounced MutationObserver that ignores
 * our own overlay nodes), merges rows of virtualised grids and lazily opened expirations
 * while fresh, starts afresh on SPA navigation (URL change), and ends quietly when the
 * extension is updated under the page ("Extension context invalidated").
 *
 * The read may be async (a sliced read that yields to the page, see `readPageSliced`); one
 * read runs at a time, and changes made during it schedule the next one.
 *
 * Reads are incremental (live-incremental.ts): while the page only changes cell texts, the
 * last read's page walk is kept and only the changed rows' cells are read again; the result
 * is the same as a full read's.
 */
import type { Snapshot } from '../engine/snapshot-types';
import { IncrementalPage, LIVE_OBSERVER_OPTIONS, type ReadKind } from './live-incremental';
import { type MergeMemory, mergeChain } from './merge';
import { readPage } from './read-page';
import type { ReadResult } from './types';

/** Attribute on our overlay host element; mutations inside it are ours, not the page's (scan.ts never walks it). */
export { OVERLAY_ATTRIBUTE } from './scan';

export interface LiveOptions {
  doc: Document;
  /** Current page URL (changes on SPA navigation). */
  url: () => string;
  /** Current ISO instant. */
  now: () => string;
  /** Called after each read with the merged result. */
  onResult: (result: ReadResult) => void;
  /** True for nodes we inserted (e.g. `node.closest('[data-alvh-overlay]')`). */
  isOwnNode: (node: Node) => boolean;
  /** Timers from the WXT ctx so they die with the content script. */
  setTimeout: (fn: () => void, ms: number) => number;
  clearTimeout: (id: number) => void;
  /** The reader, sync or sliced (async); defaults to {@link readPage}. */
  read?: (doc: Document, url: string, nowIso: string) => ReadResult | Promise<ReadResult>;
  /** Quiet time before a re-read, ms (default 400). */
  debounceMs?: number;
  /**
   * Longest wait from the first unread change to the read, ms, plus the slow-read back-off
   * (default 2 000): a page that changes more often than the debounce is still read.
   */
  maxWaitMs?: number;
  /** How long rows not in view are kept, ms (default 60 000). */
  maxAgeMs?: number;
  /** Told how each read was done (incremental or full), for tests and the bench. */
  onReadKind?: (kind: ReadKind) => void;
}

/** Stop function, plus `refresh()` to re-read now (e.g. on `wxt:locationchange`). */
export type LiveHandle = (() => void) & { refresh: () => void };

const DOCUMENT_NODE = 9;

function isInvalidated(err: unknown): boolean {
  return err instanceof Error && /Extension context invalidated/i.test(err.message);
}

/**
 * True when every node a mutation touched is ours: a change inside our overlay, or our overlay
 * host put on or taken off <html> (the walk never enters it there, scan.ts, so the page as
 * read did not change; anywhere else a node marked as ours is the page's and is read).
 */
function ownMutation(rec: MutationRecord, isOwn: (n: Node) => boolean): boolean {
  const onRoot = rec.type === 'childList' && rec.target.parentNode?.nodeType === DOCUMENT_NODE;
  if (!isOwn(rec.target) && !(onRoot && rec.addedNodes.length + rec.removedNodes.length > 0)) return false;
  for (const n of Array.from(rec.addedNodes)) if (!isOwn(n)) return false;
  for (const n of Array.from(rec.removedNodes)) if (!isOwn(n)) return false;
  return true;
}

/**
 * Starts reading `doc` now and after every page change. Never throws into the page.
 * @returns a handle: call it to stop; `handle.refresh()` re-reads after the debounce.
 */
export function startLiveReading(opts: LiveOptions): LiveHandle {
  const debounceMs = opts.debounceMs ?? 400;
  const maxWaitMs = opts.maxWaitMs ?? 2_000;
  const maxAgeMs = opts.maxAgeMs ?? 60_000;
  const read = opts.read ?? readPage;
  let timer: number | null = null;
  let stopped = false;
  let lastUrl = opts.url();
  let memory: MergeMemory | null = null;
  /** Grows when reads are slow so a huge page is never re-read back to back. */
  let backoffMs = 0;
  /** Date.now() ms of the first change not yet read, or null when none is waiting. */
  let pendingSince: number | null = null;
  /** True while a (sliced) read is running; `again` records a read asked for meanwhile. */
  let reading = false;
  let again = false;
  let observer: MutationObserver | null = null;
  const incremental = new IncrementalPage(opts.doc);
  // Media queries may show or hide columns at another width: the next read walks afresh.
  const onResize = (): void => incremental.reset();
  /** Hands the page's changes to the incremental reader (our own overlay's left out). */
  const notePage = (records: MutationRecord[]): boolean => {
    const page = records.filter((r) => !ownMutation(r, opts.isOwnNode));
    incremental.note(page);
    return page.length > 0;
  };

  const stop = (): void => {
    stopped = true;
    observer?.disconnect();
    opts.doc.defaultView?.removeEventListener('resize', onResize);
    if (timer !== null) opts.clearTimeout(timer);
    timer = null;
  };

  const report = (result: ReadResult): void => {
    if (!result.ok) {
      opts.onResult(result);
      return;
    }
    const snapshots: Snapshot[] = result.snapshots.map((s) => {
      if (s.kind !== 'option-chain') return s;
      const merged = mergeChain(memory, s, maxAgeMs);
      memory = merged.memory;
      return merged.snapshot;
    });
    opts.onResult({ ...result, snapshots });
  };

  const fail = (err: unknown): void => {
    if (isInvalidated(err)) {
      stop();
      return;
    }
    try {
      opts.onResult({
        ok: false,
        reader: null,
        failure: { reason: 'reader-error', detail: `live read failed (${String(err).slice(0, 200)})` },
      });
    } catch (sendErr) {
      if (isInvalidated(sendErr)) stop();
    }
  };

  const finish = (t0: number): void => {
    backoffMs = Math.min(10_000, (Date.now() - t0) * 4);
    reading = false;
    if (again && !stopped) {
      again = false;
      schedule();
    }
  };

  const run = (): void => {
    timer = null;
    if (stopped) return;
    if (reading) {
      // Never two reads at once: read again once this one is done.
      again = true;
      return;
    }
    pendingSince = null;
    const t0 = Date.now();
    let out: ReadResult | Promise<ReadResult>;
    try {
      const url = opts.url();
      if (url !== lastUrl) {
        memory = null;
        lastUrl = url;
        incremental.reset();
      }
      // Changes not yet delivered to the observer belong to this read.
      if (observer) notePage(observer.takeRecords());
      out = incremental.read(() => read(opts.doc, url, opts.now()));
      opts.onReadKind?.(incremental.lastRead ?? 'full');
    } catch (err) {
      fail(err);
      finish(t0);
      return;
    }
    if (!(out instanceof Promise)) {
      try {
        report(out);
      } catch (err) {
        fail(err);
      }
      finish(t0);
      return;
    }
    reading = true;
    out
      .then(
        (result) => {
          if (stopped) return;
          try {
            report(result);
          } catch (err) {
            fail(err);
          }
        },
        (err: unknown) => {
          if (!stopped) fail(err);
        },
      )
      .finally(() => finish(t0));
  };

  function schedule(): void {
    if (stopped) return;
    const now = Date.now();
    pendingSince ??= now;
    if (reading) {
      again = true;
      return;
    }
    if (timer !== null) opts.clearTimeout(timer);
    // Debounced, but never later than maxWaitMs (+ back-off) after the first unread change.
    const untilDeadline = pendingSince + maxWaitMs + backoffMs - now;
    timer = opts.setTimeout(run, Math.max(0, Math.min(debounceMs + backoffMs, untilDeadline)));
  }

  const Observer = opts.doc.defaultView?.MutationObserver;
  observer = Observer
    ? new Observer((records) => {
        if (notePage(records)) schedule();
      })
    : null;
  observer?.observe(opts.doc.documentElement, LIVE_OBSERVER_OPTIONS);
  opts.doc.defaultView?.addEventListener('resize', onResize, { passive: true });
  timer = opts.setTimeout(run, 0);
  return Object.assign(stop, { refresh: schedule });
}
