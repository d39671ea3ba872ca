/**
 * A grid read again after some of its rows were replaced (a live page changed their cells:
 * live-incremental.ts puts a new row object in place of each changed one): when every replaced
 * row was, and still is, a data row read in the same context, and nothing it changed can
 * change how another row reads, the read of the whole grid is the last one with those rows'
 * builder calls swapped. This module checks that, row by row, against what the last read left
 * in its {@link GridTrace}, and gives each replaced row's old and new calls; chain-patch.ts
 * swaps them into the last snapshot. What the check looks at is everything layout.ts lets one
 * row decide for others:
 *   - the header reading of the row itself and of the row below (it reads the row above);
 *   - the caption and empty-row readings and the cell count of the row itself;
 *   - every IV unit rule decided over a column the row has a changed cell in;
 *   - the link text of rows whose option symbols come from links (read live, never kept).
 * Anything else (a row that was or becomes a header, caption or skipped row) is not patched:
 * the caller reads the grid in full.
 */
import type { IvRule } from './cell-number';
import { parseStrike } from './cell-number';
import type { DataSpot, GridInput, TextRow } from './layout';
import { decideIvRule, isCaption, readDataRow } from './layout';
import type { Header } from './layout-header';
import { parseHeader } from './layout-header';
import {
  type DataReading,
  lastDataReading,
  memoCaption,
  memoDataReading,
  memoHeader,
  memoIvRule,
  type RowContext,
} from './row-memo';

/** What a grid's read was, row by row (filled by layout.ts readTextGridSteps). */
export interface GridTrace {
  /** The grid's row list (a live page replaces rows in it) and its rows as they were read. */
  readonly rows: readonly TextRow[];
  readonly seen: TextRow[];
  /** Each row's place if it was read as a data row, else null. */
  readonly data: (DataSpot | null)[];
  /** Each row's header reading (null for rows that are not headers). */
  readonly headers: (Header | null)[];
  /** Data rows whose option-symbol text was read from their links, with that text. */
  readonly liveExtra: Map<number, string | null>;
  /** IV unit rules decided from the cells (no unit in the header), by their cache key. */
  readonly ivRules: Map<string, { from: number; width: number; col: number; rule: IvRule }>;
}

/** A trace to fill while reading `input` (every row not yet read as anything). */
export function newGridTrace(input: GridInput): GridTrace {
  const n = input.rows.length;
  return {
    rows: input.rows,
    seen: input.rows.slice(),
    data: new Array<DataSpot | null>(n).fill(null),
    headers: new Array<Header | null>(n).fill(null),
    liveExtra: new Map(),
    ivRules: new Map(),
  };
}

/** A replaced row's builder calls at the last read and now. */
export interface RowChange {
  readonly before: DataReading;
  readonly after: DataReading;
}

/** The replaced rows' changes, and `commit()` to make the trace this read's once they are used. */
export interface GridPatch {
  readonly changes: readonly RowChange[];
  commit: () => void;
}

function sameRule(a: IvRule, b: IvRule): boolean {
  return a.unit === b.unit && a.assumed === b.assumed && a.detail === b.detail;
}

/**
 * The changes of a grid read after rows were replaced, or null when this read must read the
 * grid in full (see the module comment). `input` must be the last read's but for its rows.
 */
export function patchTextGrid(input: GridInput, trace: GridTrace): GridPatch | null {
  const rows = input.rows;
  if (rows !== trace.rows || rows.length !== trace.seen.length) return null;
  // Link texts are read live each read: any that changed is a change to a kept row.
  for (const [i, text] of trace.liveExtra) {
    const row = rows[i] as TextRow;
    if (row === trace.seen[i] && typeof row.extra === 'function' && row.extra() !== text) return null;
  }
  const changes: RowChange[] = [];
  const replaced: { index: number; extra: string | null | undefined }[] = [];
  for (let i = 0; i < rows.length; i++) {
    if (rows[i] === trace.seen[i]) continue;
    const change = changedRow(input, trace, i);
    if (!change) return null;
    changes.push(change.change);
    replaced.push({ index: i, extra: change.extra });
  }
  return {
    changes,
    commit: () => {
      for (const { index, extra } of replaced) {
        trace.seen[index] = rows[index] as TextRow;
        if (extra !== undefined) trace.liveExtra.set(index, extra);
        else trace.liveExtra.delete(index);
      }
    },
  };
}

function changedRow(
  input: GridInput,
  trace: GridTrace,
  i: number,
): { change: RowChange; extra: string | null | undefined } | null {
  const rows = input.rows;
  const spot = trace.data[i];
  const row = rows[i] as TextRow;
  const old = trace.seen[i] as TextRow;
  if (!spot || row.memo !== true) return null;
  const cells = row.cells;
  const header = spot.section.header;
  // Still a data row of its section: not a header, caption, empty or misfit row.
  const above = i > 0 ? (rows[i - 1] as TextRow) : null;
  if (memoHeader(row, above, cells, above?.cells ?? null, parseHeader) !== null) return null;
  const caption = memoCaption(row, cells, isCaption);
  if (caption && parseStrike(cells[header.strikeCol]) === null) return null;
  if (cells.length !== header.width || cells.every((c) => c === '')) return null;
  // The row below reads this one as its row above when deciding whether it is a header.
  const below = rows[i + 1];
  if (below) {
    if (below.memo !== true) return null;
    if (memoHeader(below, row, below.cells, cells, parseHeader) !== trace.headers[i + 1]) return null;
  }
  // Every IV unit rule over a column this row changed is decided again, and must not move.
  for (const [key, decided] of trace.ivRules) {
    if (decided.from > i || decided.width !== cells.length) continue;
    if (old.cells.length === cells.length && old.cells[decided.col] === cells[decided.col]) continue;
    const rule = memoIvRule(
      rows,
      `${key}/${decided.from}`,
      decided.from,
      decided.width,
      decided.col,
      decideIvRule,
    );
    if (!sameRule(rule, decided.rule)) return null;
  }
  const before = lastDataReading(old);
  if (!before) return null;
  const extra = typeof row.extra === 'function' ? (header.hasSymbol ? row.extra() : null) : row.extra;
  const context: RowContext = {
    extra,
    header,
    ivUnits: spot.section.ivSig,
    expiry: spot.expiry,
    side: spot.side,
    root: input.rootHint ?? null,
  };
  const after = memoDataReading(row, context, (sink) =>
    readDataRow(row, extra, spot.section, spot.expiry, spot.side, input.rootHint ?? null, sink),
  );
  return {
    change: { before, after },
    extra: typeof row.extra === 'function' && header.hasSymbol ? extra : undefined,
  };
}
