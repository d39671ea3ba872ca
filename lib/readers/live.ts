/**
 * Live reading: re-reads the page when it changes (debounced MutationObserver that ignores
 * our own overlay nodes), merges rows of virtualised grids and lazily opened expirations
 * while fresh, starts afresh on SPA navigation (URL change), and ends quietly when the
 * extension is updated under the page ("Extension context invalidated").
 */
import type { Snapshot } from '../engine/snapshot-types';
import { type MergeMemory, mergeChain } from './merge';
import { readPage } from './read-page';
import type { ReadResult } from './types';

/** Attribute on our overlay host element; mutations inside it are ours, not the page's. */
export const OVERLAY_ATTRIBUTE = 'data-alvh-overlay';

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
  /** The reader; defaults to {@link readPage}. */
  read?: (doc: Document, url: string, nowIso: string) => ReadResult;
  /** Quiet time before a re-read, ms (default 400). */
  debounceMs?: number;
  /** How long rows not in view are kept, ms (default 60 000). */
  maxAgeMs?: number;
}

/** Stop function, plus `refresh()` to re-read now (e.g. on `wxt:locationchange`). */
export type LiveHandle = (() => void) & { refresh: () => void };

function isInvalidated(err: unknown): boolean {
  return err instanceof Error && /Extension context invalidated/i.test(err.message);
}

/** True when every node a mutation touched is ours. */
function ownMutation(rec: MutationRecord, isOwn: (n: Node) => boolean): boolean {
  if (!isOwn(rec.target)) return false;
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
  const maxAgeMs = opts.maxAgeMs ?? 60_000;
  let timer: number | null = null;
  let stopped = false;
  let lastUrl = opts.url();
  let memory: MergeMemory | null = null;
  /** Grows when reads are slow so a huge page is never re-read back to back. */
  let backoffMs = 0;
  let observer: MutationObserver | null = null;

  const stop = (): void => {
    stopped = true;
    observer?.disconnect();
    if (timer !== null) opts.clearTimeout(timer);
    timer = null;
  };

  const run = (): void => {
    timer = null;
    if (stopped) return;
    try {
      const url = opts.url();
      if (url !== lastUrl) {
        memory = null;
        lastUrl = url;
      }
      const t0 = Date.now();
      const result = (opts.read ?? readPage)(opts.doc, url, opts.now());
      backoffMs = Math.min(10_000, (Date.now() - t0) * 4);
      if (result.ok) {
        const snapshots: Snapshot[] = result.snapshots.map((s) => {
          if (s.kind !== 'option-chain') return s;
          const merged = mergeChain(memory, s, maxAgeMs);
          memory = merged.memory;
          return merged.snapshot;
        });
        opts.onResult({ ...result, snapshots });
      } else opts.onResult(result);
    } catch (err) {
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
      } catch (again) {
        if (isInvalidated(again)) stop();
      }
    }
  };

  const schedule = (): void => {
    if (stopped) return;
    if (timer !== null) opts.clearTimeout(timer);
    timer = opts.setTimeout(run, debounceMs + backoffMs);
  };

  const Observer = opts.doc.defaultView?.MutationObserver;
  observer = Observer
    ? new Observer((records) => {
        if (records.every((r) => ownMutation(r, opts.isOwnNode))) return;
        schedule();
      })
    : null;
  observer?.observe(opts.doc.documentElement, {
    childList: true,
    subtree: true,
    characterData: true,
    attributes: true,
    attributeFilter: ['aria-expanded', 'aria-label', 'aria-selected', 'selected', 'value'],
  });
  timer = opts.setTimeout(run, 0);
  return Object.assign(stop, { refresh: schedule });
}
