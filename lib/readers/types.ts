/**
 * Reader contracts. A reader turns one page (a Document and its URL) into snapshots the
 * engine can use, or a typed failure naming the site and what was missing. Readers are pure
 * given their arguments: they never read globals, never fetch, never throw.
 */
import type { ReadFailure, Snapshot } from '../engine/snapshot-types';
import { withScanSession } from './scan';

/** Result of one read: snapshots (chain and/or VIX curve) or a named failure. */
export type ReadResult =
  | { ok: true; snapshots: Snapshot[]; reader: string }
  | { ok: false; failure: ReadFailure; reader: string | null };

/** Result of one reader's `read`. */
export type ReaderOutput = { ok: true; snapshot: Snapshot } | { ok: false; failure: ReadFailure };

export interface ChainReader {
  /** Lowercase site slug; equals the file name and the fixture folder (docs/architecture.md). */
  id: string;
  /** Site name shown to the user in failures, e.g. "Yahoo Finance". */
  label: string;
  /** URL match patterns, each within READABLE_MATCHES (lib/permissions.ts). */
  matches: readonly string[];
  /** True when this reader recognises the page. Cheap: selectors and URL only. */
  detect: (doc: Document, url: string) => boolean;
  /**
   * Reads the page. `now` is the ISO instant stamped as `source.readAt` (default: the
   * caller must pass one to stay pure; the registry always does).
   */
  read: (doc: Document, url: string, now?: string) => ReaderOutput;
}

/**
 * The URLs a reader's page predicate (`detect` on a page with no markup) is written for, kept
 * in the reader's file next to that predicate: `pages` it must recognise, each recognised by no
 * other site reader and covered by the manifest; `nearMisses` (the site's other pages, lookalike
 * hosts, the wrong scheme) no site reader may recognise. Checked by
 * tests/readers/reader-urls.test.ts.
 */
export interface PageUrls {
  pages: readonly string[];
  nearMisses: readonly string[];
}

/** Builds the failure value every reader returns (named site + what was missing). */
export function failure(reason: ReadFailure['reason'], label: string, detail: string): ReaderOutput {
  return { ok: false, failure: { reason, detail: `${label}: ${detail}` } };
}

/** Fixed instant used when a caller gives no clock (keeps `read` pure and deterministic). */
export const EPOCH_ISO = '1970-01-01T00:00:00.000Z';

/** Wraps a reader so each detect/read walks the page once (see scan.ts). */
export function defineReader(r: ChainReader): ChainReader {
  return {
    ...r,
    detect: (doc, url) => withScanSession(doc, () => r.detect(doc, url)),
    read: (doc, url, now) => withScanSession(doc, () => r.read(doc, url, now)),
  };
}
