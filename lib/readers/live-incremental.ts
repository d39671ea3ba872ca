/**
 * Incremental live reading. A read costs mostly the page walk (scan.ts: every element, with
 * its hidden check) and the cell texts (extract.ts grids). While a page only changes the text
 * of cells — a streaming quote page — both are kept from the last read: the walk as it was,
 * the grids with only the touched rows' texts read again. Every reader then runs as usual on
 * them (layout, validation, page furniture such as the quote time read live), so the result
 * is exactly a full read's; tests/readers/live-incremental.test.ts checks that on random edits.
 *
 * A class or style change on a cell or row of the grids read (a price flash) keeps the walk
 * once that cell or row (and the changed element) is checked still shown; its row's texts are
 * read again.
 *
 * Anything else is a structure change and means a fresh walk: elements added or removed,
 * an observed attribute the walk depends on (hidden, aria-hidden), a class or style change
 * anywhere else (it may hide or show a table: a tab switched by class), a touched cell or
 * restyled row that is now hidden, text that could start or end a div grid (a leaf "Strike"),
 * a changed <style>, pages with shadow roots or frames (their changes are not observed), a new
 * URL or a resized window (the caller resets: media queries). What is not observed at all
 * (stylesheet rules added through the CSSOM, colspan, role) is caught by a fresh walk at least
 * every `maxReuseMs`.
 *
 * A full read still takes back the data rows whose cell elements are the same and untouched
 * since the last read (every change is noted, structural or not): their texts cannot have
 * changed, so extraction keeps them and the layout's row memo (row-memo.ts) replays them.
 */
import { type DomGrid, DomRow, offerRows } from './extract';
import { isHiddenElement } from './hidden';
import { openScanSession, type PageScan, scanPage } from './scan';

/** Attributes read live by the readers: a change leaves the walk and cell texts valid. */
const LIVE_ATTRIBUTES = new Set(['aria-label', 'aria-expanded', 'aria-selected', 'selected', 'value']);
/** Attributes that restyle: kept walk only when they change a cell or row read (see above). */
const STYLE_ATTRIBUTES = new Set(['class', 'style']);
/**
 * The attributes a live page's observer must report (its `attributeFilter`): the ones read
 * live, the ones the walk's hidden check reads, and class and style. Others are not looked at.
 */
const OBSERVED_ATTRIBUTES: readonly string[] = [
  ...LIVE_ATTRIBUTES,
  'hidden',
  'aria-hidden',
  ...STYLE_ATTRIBUTES,
];

/** How a live page is observed (live.ts), so that every change note() relies on is reported. */
export const LIVE_OBSERVER_OPTIONS: MutationObserverInit = {
  childList: true,
  subtree: true,
  characterData: true,
  characterDataOldValue: true,
  attributes: true,
  attributeFilter: [...OBSERVED_ATTRIBUTES],
};
/** Text that makes a div/span a div-grid candidate (extract.ts divGrids), checked loosely. */
const STRIKE_TEXT = /strike/i;
/** More records than this between two reads: simply read afresh. */
const MAX_TOUCHED = 5_000;
/** Ancestors looked through from a changed text node to its cell. */
const MAX_CELL_DEPTH = 32;
const TEXT_NODE = 3;
const COMMENT_NODE = 8;

/**
 * Default longest time a walk is reused, ms: the backstop for what no observer sees (rules
 * added through the CSSOM). Class, style and attribute changes that hide content are observed.
 */
export const MAX_REUSE_MS = 60_000;

interface RowRef {
  grid: DomGrid;
  row: number;
}

export type ReadKind = 'incremental' | 'full';

export class IncrementalPage {
  readonly #doc: Document;
  /** The last read's walk, while still valid for the page as it is. */
  #scan: PageScan | null = null;
  /** Date.now() ms when `scan` was walked. */
  #scannedAt = 0;
  /** Cell element → its grid row, for the grids it was built from. */
  #indexed: { grids: DomGrid[]; index: Map<Element, RowRef> } | null = null;
  /** Elements whose text changed since the last read began. */
  #touched = new Set<Element>();
  /** Elements whose class or style changed since the last read began. */
  #restyled = new Set<Element>();
  #structural = true;
  /**
   * Every element a change touched since the last read began, structural or not (for the rows
   * a full read may keep); `dirtyLost` when one could not be placed or there were too many.
   */
  #dirty = new Set<Element>();
  #dirtyLost = false;
  /** How the last read was done (for tests and the bench). */
  lastRead: ReadKind | null = null;

  readonly #maxReuseMs: number;

  constructor(doc: Document, maxReuseMs = MAX_REUSE_MS) {
    this.#doc = doc;
    this.#maxReuseMs = maxReuseMs;
  }

  /** Forgets everything: the next read walks the page afresh (e.g. on navigation). */
  reset(): void {
    this.#scan = null;
    this.#indexed = null;
    this.#touched.clear();
    this.#restyled.clear();
    this.#structural = true;
    this.#dirty.clear();
    this.#dirtyLost = true;
  }

  /** Notes the page's changes (MutationObserver records, our own overlay's left out). */
  note(records: readonly MutationRecord[]): void {
    for (const rec of records) {
      this.#markDirty(rec);
      if (this.#structural) continue;
      if (rec.type === 'attributes') {
        const name = rec.attributeName ?? '';
        if (STYLE_ATTRIBUTES.has(name) && rec.target.nodeType === 1)
          this.#restyled.add(rec.target as Element);
        else if (!LIVE_ATTRIBUTES.has(name)) this.#structural = true;
      } else if (rec.type === 'characterData') {
        const parent = rec.target.parentElement;
        if (!parent || STRIKE_TEXT.test(rec.oldValue ?? '')) this.#structural = true;
        else this.#touched.add(parent);
      } else {
        for (const list of [rec.addedNodes, rec.removedNodes]) {
          for (let i = 0; i < list.length; i++) {
            const n = list[i] as Node;
            if (n.nodeType !== TEXT_NODE && n.nodeType !== COMMENT_NODE) this.#structural = true;
            else if (STRIKE_TEXT.test(n.textContent ?? '')) this.#structural = true;
          }
        }
        if (rec.target.nodeType === 1) this.#touched.add(rec.target as Element);
        else this.#structural = true;
      }
      if (this.#structural || this.#touched.size + this.#restyled.size > MAX_TOUCHED) {
        this.#structural = true;
        this.#touched.clear();
        this.#restyled.clear();
      }
    }
  }

  /** Records the element a change touched (the text's parent, the changed element). */
  #markDirty(rec: MutationRecord): void {
    if (this.#dirtyLost) return;
    const target = rec.target;
    const el = target.nodeType === 1 ? (target as Element) : target.parentElement;
    if (el && this.#dirty.size < MAX_TOUCHED) this.#dirty.add(el);
    else {
      this.#dirtyLost = true;
      this.#dirty.clear();
    }
  }

  /**
   * For a full read: the rows of the last kept walk that a fresh extraction may take back —
   * data rows (their texts are their cells' text and nothing else) with exactly the same cell
   * elements, none of which changed since that read began. Null when the last walk was not
   * kept or a change could not be placed.
   */
  #keptRows(): ((cells: Element[]) => DomRow | null) | null {
    const grids = this.#scan?.memo.get('grids') as DomGrid[] | undefined;
    if (!grids || this.#dirtyLost) return null;
    const index = this.#indexed?.grids === grids ? this.#indexed.index : indexCells(grids);
    const changed = new Set<unknown>();
    for (const el of this.#dirty) {
      // All the way up (not cellOf's bounded look): a change deep inside a cell still counts.
      for (let node: Element | null = el; node; node = node.parentElement) {
        const at = index.get(node);
        if (at) {
          changed.add(at.grid.rows[at.row]);
          break;
        }
      }
    }
    return (cells) => {
      const at = cells[0] ? index.get(cells[0]) : undefined;
      const row = at ? at.grid.rows[at.row] : undefined;
      if (!(row instanceof DomRow) || !row.numeric || changed.has(row) || row.els.length !== cells.length)
        return null;
      for (let i = 0; i < cells.length; i++) if (row.els[i] !== cells[i]) return null;
      return row;
    };
  }

  /**
   * Runs `read` (readPage, or the sliced read) on the kept walk and grids when only cell texts
   * changed since the last read, else on a fresh walk; keeps that walk for the next read.
   */
  read<T>(read: () => T | Promise<T>): T | Promise<T> {
    const reuse = this.#prepare();
    this.lastRead = reuse ? 'incremental' : 'full';
    // A full read walks afresh but takes back the rows whose cells did not change.
    const kept = reuse ? null : this.#keptRows();
    // Changes noted from here on are the next read's.
    this.#touched = new Set();
    this.#restyled = new Set();
    this.#structural = false;
    this.#dirty = new Set();
    this.#dirtyLost = false;
    const startedAt = Date.now();
    // Rows read from here on are a live page's: their readings are kept for the next read.
    const closeRows = offerRows(this.#doc, kept ?? noKeptRows);
    const openedScan = openScanSession(this.#doc, reuse);
    const close = (): void => {
      openedScan();
      closeRows();
    };
    const keep = (): void => {
      try {
        const scan = scanPage(this.#doc);
        if (scan !== reuse) {
          this.#scannedAt = startedAt;
          this.#indexed = null;
        }
        // Changes inside shadow roots and frames are not observed: such pages are walked each time.
        if (scan.roots.length === 1 && !this.#structural) this.#scan = scan;
        else this.reset();
      } finally {
        close();
      }
    };
    let out: T | Promise<T>;
    try {
      out = read();
    } catch (err) {
      this.reset();
      close();
      throw err;
    }
    if (!(out instanceof Promise)) {
      keep();
      return out;
    }
    return out.then(
      (value) => {
        keep();
        return value;
      },
      (err: unknown) => {
        this.reset();
        close();
        throw err;
      },
    );
  }

  /** The kept walk with the touched rows' texts read again, or null when a full read is due. */
  #prepare(): PageScan | null {
    const scan = this.#scan;
    if (!scan || this.#structural || Date.now() - this.#scannedAt > this.#maxReuseMs) return null;
    const grids = scan.memo.get('grids') as DomGrid[] | undefined;
    // Only the grids are derived from text; anything else memoised is dropped.
    for (const key of [...scan.memo.keys()]) if (key !== 'grids') scan.memo.delete(key);
    if (!grids) return scan;
    if (this.#indexed?.grids !== grids) this.#indexed = { grids, index: indexCells(grids) };
    const index = this.#indexed.index;
    const rows = new Set<RowRef>();
    for (const el of this.#touched) {
      const ref = cellOf(el, index);
      if (ref) {
        if (isHiddenElement(ref.cell)) return null;
        rows.add(ref.at);
      } else if (leafCandidate(el) || el.tagName === 'STYLE') return null;
    }
    for (const el of this.#restyled) {
      if (isHiddenElement(el)) return null;
      // A cell of the grids read (or inside one): that cell still shown.
      const inCell = cellOf(el, index);
      if (inCell) {
        if (inCell.cell !== el && isHiddenElement(inCell.cell)) return null;
        rows.add(inCell.at);
        continue;
      }
      // A row of the grids read: every cell of it still shown.
      const row = rowOf(el, index);
      if (!row) return null;
      for (const cell of (row.grid.rows[row.row] as DomRow).els) if (isHiddenElement(cell)) return null;
      rows.add(row);
    }
    for (const { grid, row } of rows) {
      const old = grid.rows[row] as DomRow;
      const next = new DomRow(old.els, true);
      // A div grid is found by its "Strike" text: a change there may make or unmake one.
      if (!isTableOrAria(grid.el) && [...old.cells, ...next.cells].some((t) => STRIKE_TEXT.test(t)))
        return null;
      grid.rows[row] = next;
    }
    return scan;
  }
}

/** No row kept from an earlier read (the first read, or after a change that could not be placed). */
function noKeptRows(): null {
  return null;
}

function indexCells(grids: DomGrid[]): Map<Element, RowRef> {
  const index = new Map<Element, RowRef>();
  for (const grid of grids) {
    grid.rows.forEach((r, row) => {
      if (!(r instanceof DomRow)) return;
      const ref = { grid, row };
      for (const el of r.els) index.set(el, ref);
    });
  }
  return index;
}

/** The known cell `el` is in (or is), with its grid row; null when it is in none. */
function cellOf(el: Element, index: Map<Element, RowRef>): { cell: Element; at: RowRef } | null {
  let node: Element | null = el;
  for (let depth = 0; node && depth < MAX_CELL_DEPTH; depth++, node = node.parentElement) {
    const at = index.get(node);
    if (at) return { cell: node, at };
  }
  return null;
}

/**
 * The grid row whose cells are `el`'s children (`el` is its row element); null when `el` is
 * none of the grids' rows.
 */
function rowOf(el: Element, index: Map<Element, RowRef>): RowRef | null {
  for (let child = el.firstElementChild; child; child = child.nextElementSibling) {
    const at = index.get(child);
    if (at) return at;
  }
  return null;
}

/** A div/span without child elements whose text mentions "strike": it may be a div grid's header. */
function leafCandidate(el: Element): boolean {
  return (
    (el.tagName === 'DIV' || el.tagName === 'SPAN') &&
    el.children.length === 0 &&
    STRIKE_TEXT.test(el.textContent ?? '')
  );
}

function isTableOrAria(el: Element): boolean {
  if (el.tagName === 'TABLE') return true;
  const role = el.getAttribute('role');
  return role === 'grid' || role === 'treegrid' || role === 'table';
}
