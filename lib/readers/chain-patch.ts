/**
 * The chain a live page's re-read gives when only some data rows' quotes changed: the last
 * read's snapshot with those quotes swapped in, at the cost of the changed rows instead of the
 * page's 2,000. A reader built on readGenericChain keeps what its last read of a page's grids
 * was ({@link keepChainRead}); the next read of the same walk (live-incremental.ts keeps the
 * grids and replaces changed rows in them) asks {@link patchChainRead} first. The patch is
 * taken only when it is exactly what a full read would give:
 *   - the page around the grids reads the same (each grid's expiry, side and root hints, the
 *     page's expiry list and quote time; the price and symbol are simply read again);
 *   - every replaced row passes layout-patch.ts (still a data row in the same context, and
 *     nothing it changed moves another row's reading);
 *   - each replaced row makes the same builder calls as before but for its quotes — the same
 *     drops, quotes for the same expiry, root, strike and side from the same page row — and
 *     its old quotes are the ones the snapshot holds (a duplicate strike the builder turned
 *     away is not patched) and its new ones are quotes the builder would take.
 * Rows, drops, coverage, row order and the chain-wide flags are then the last read's; the
 * quality flags are derived from the rows again. Otherwise the caller reads the page in full,
 * which keeps a new state. tests/readers/live-incremental.test.ts checks the result equals a
 * full read after random edits, and that this path is taken.
 */
import type { ChainExpiry, ChainRow, ChainSnapshot, QualityFlag } from '../engine/snapshot-types';
import { keptRow, quoteDropReason } from './build';
import type { DomGrid } from './extract';
import type { GridInput } from './layout';
import { type GridPatch, type GridTrace, patchTextGrid } from './layout-patch';
import { chainFlags } from './quality';
import { type RowRecords, recordRowElements } from './row-index';
import type { RowOp } from './row-memo';
import { type RowPlace, rowsReplaced } from './validate';

/** What the page around the grids said at a read (compared before a patch). */
export interface ChainPageInputs {
  url: string;
  /** The grids read, in order. */
  grids: readonly DomGrid[];
  /** Each grid's layout input (null for grids too short to read). */
  inputs: readonly (GridInput | null)[];
  pageExpiry: string | null;
  expiriesListed: number;
  quoteTime: string | null;
}

/** A reader's last read of a page's grids. */
export interface ChainRead {
  page: ChainPageInputs;
  /** Each read grid's trace (null where `inputs` is null). */
  traces: readonly (GridTrace | null)[];
  /** The builder's chain-wide flags (the snapshot's flags before its quality flags). */
  raisedFlags: readonly QualityFlag[];
  rowRecords: RowRecords;
  snapshot: ChainSnapshot;
}

/** Last reads by the extracted grid list they read (one per walk), then by reader id. */
const reads = new WeakMap<readonly DomGrid[], Map<string, ChainRead>>();

/** How many reads were patched (for tests and the bench: the path must be taken). */
let patched = 0;
export function patchedChainReads(): number {
  return patched;
}

/** Keeps a reader's read of `all` (the page's extracted grids) for the next read to patch. */
export function keepChainRead(all: readonly DomGrid[], readerId: string, read: ChainRead | null): void {
  let byReader = reads.get(all);
  if (!byReader) {
    if (!read) return;
    byReader = new Map();
    reads.set(all, byReader);
  }
  if (read) byReader.set(readerId, read);
  else byReader.delete(readerId);
}

function samePage(a: ChainPageInputs, b: ChainPageInputs): boolean {
  if (
    a.url !== b.url ||
    a.pageExpiry !== b.pageExpiry ||
    a.expiriesListed !== b.expiriesListed ||
    a.quoteTime !== b.quoteTime ||
    a.grids.length !== b.grids.length
  )
    return false;
  for (let i = 0; i < a.grids.length; i++) {
    if (a.grids[i] !== b.grids[i]) return false;
    const x = a.inputs[i];
    const y = b.inputs[i];
    if (x === null || y === null) {
      if (x !== y) return false;
      continue;
    }
    if (
      x === undefined ||
      y === undefined ||
      x.rows !== y.rows ||
      x.expiryHint !== y.expiryHint ||
      x.sideHint !== y.sideHint ||
      (x.rootHint ?? null) !== (y.rootHint ?? null) ||
      (x.ivUnit ?? null) !== (y.ivUnit ?? null)
    )
      return false;
  }
  return true;
}

function sameCall(a: RowOp, b: RowOp): boolean {
  if ('drop' in a || 'drop' in b) return 'drop' in a && 'drop' in b && a.drop === b.drop;
  if (a.expiry !== b.expiry || a.root !== b.root || a.strike !== b.strike || a.side !== b.side) return false;
  const x = a.recorded;
  const y = b.recorded;
  return x === null || y === null ? x === y : x.el === y.el && x.strikeText === y.strikeText;
}

/** Row index of `strike` in rows sorted by strike, or -1. */
function rowAt(rows: readonly ChainRow[], strike: number): number {
  let lo = 0;
  let hi = rows.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const k = (rows[mid] as ChainRow).strike;
    if (k === strike) return mid;
    if (k < strike) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/**
 * The read of `all` by `readerId` as the last one patched with the replaced rows, or null when
 * the read must be done in full (the kept state is then dropped). `nowIso` is the new
 * `source.readAt`; the caller sets price and symbol as a full read does.
 */
export function patchChainRead(
  all: readonly DomGrid[],
  readerId: string,
  page: ChainPageInputs,
  nowIso: string,
): ChainSnapshot | null {
  const last = reads.get(all)?.get(readerId);
  if (!last) return null;
  const snapshot = patchWith(last, page, nowIso);
  if (!snapshot) keepChainRead(all, readerId, null);
  return snapshot;
}

function patchWith(last: ChainRead, page: ChainPageInputs, nowIso: string): ChainSnapshot | null {
  if (!samePage(last.page, page)) return null;
  const patches: GridPatch[] = [];
  for (let g = 0; g < page.inputs.length; g++) {
    const input = page.inputs[g];
    const trace = last.traces[g];
    if (!input || !trace) continue;
    const patch = patchTextGrid(input, trace);
    if (!patch) return null;
    if (patch.changes.length > 0) patches.push(patch);
  }
  const prev = last.snapshot;
  // Copied on write: expiries, and the rows of an expiry a change lands in.
  let expiries: ChainExpiry[] | null = null;
  const copied = new Set<number>();
  const places: RowPlace[] = [];
  for (const patch of patches) {
    for (const { before, after } of patch.changes) {
      if (before.ops.length !== after.ops.length) return null;
      for (let k = 0; k < before.ops.length; k++) {
        const was = before.ops[k] as RowOp;
        const now = after.ops[k] as RowOp;
        if (!sameCall(was, now)) return null;
        if ('drop' in was || 'drop' in now) continue;
        if (quoteDropReason(now.quote) !== null) return null;
        const list: ChainExpiry[] = expiries ?? prev.expiries;
        const e = list.findIndex((x) => x.expiry === was.expiry && x.root === was.root);
        if (e < 0) return null;
        const exp = list[e] as ChainExpiry;
        const r = rowAt(exp.rows, was.strike);
        const row = exp.rows[r];
        // The snapshot holds this row's old quote (not a duplicate turned away).
        if (!row || row[was.side] !== was.quote) return null;
        expiries ??= prev.expiries.slice();
        if (!copied.has(e)) {
          copied.add(e);
          expiries[e] = { ...exp, rows: exp.rows.slice() };
        }
        const rows = (expiries[e] as ChainExpiry).rows;
        places.push([e, r]);
        rows[r] = keptRow(
          was.side === 'call'
            ? { strike: row.strike, call: now.quote, put: row.put }
            : { strike: row.strike, call: row.call, put: now.quote },
        );
      }
    }
  }
  for (const patch of patches) patch.commit();
  const nextExpiries = expiries ?? prev.expiries;
  recordRowElements(last.rowRecords, nowIso);
  const snapshot: ChainSnapshot = {
    ...prev,
    source: { ...prev.source, readAt: nowIso },
    underlying: { ...prev.underlying },
    expiries: nextExpiries,
    coverage: { ...prev.coverage },
    dropped: prev.dropped.map((d) => ({ ...d })),
    flags: chainFlags(last.raisedFlags, nextExpiries),
  };
  // Every other row is the last snapshot's own object: validation checks only these.
  rowsReplaced(snapshot, prev, places);
  last.snapshot = snapshot;
  last.page = page;
  patched++;
  return snapshot;
}
