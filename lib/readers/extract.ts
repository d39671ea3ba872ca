/**
 * DOM → rows of cell texts: HTML tables, ARIA grids (role=grid/table/treegrid with
 * role=row/gridcell/columnheader) and div grids (a header row of known words whose siblings
 * have the same number of cells). Colspans are expanded so columns line up.
 */

import { headerWords } from './cell-words';
import { cellText, cleanText, findDate, mostlyNumeric, parseNumber } from './dom';
import { classifyHeader } from './headers';
import type { TextRow } from './layout';
import { rowElementOf } from './row-index';
import { byRole, byTag, descendants, runSteps, type Steps, scanPageSteps } from './scan';

export interface DomGrid {
  /** The table/grid element (for context: headings, classes). */
  el: Element;
  rows: TextRow[];
}

/** Hard cap on rows taken from one page; above it the read fails as too large. */
export const MAX_PAGE_ROWS = 100_000;

/** Rows (or candidate elements) handled between pause points of a sliced read. */
const ROW_STEP = 64;

/**
 * A DOM row: cell texts now, link targets only if the layout asks (no closure per row).
 * Exported with its cell elements for live.ts's incremental re-read of changed rows.
 */
export class DomRow implements TextRow {
  readonly cells: string[];
  readonly els: Element[];
  /**
   * True when the row read as data (mostly numbers): its texts are its cells' textContent and
   * nothing else (no colspan, no word filtering by class), so while no cell changed, a later
   * read may keep it (live-incremental.ts).
   */
  readonly numeric: boolean;
  /**
   * True for a live page's rows (read under live-incremental.ts, which may hand this row in
   * again): its readings are kept (row-memo.ts). A one-off read (a file, a test) skips that cost.
   */
  readonly memo: boolean;
  constructor(els: Element[], memo: boolean) {
    this.els = els;
    this.memo = memo;
    const texts: string[] = [];
    for (let i = 0; i < els.length; i++) texts.push(cellText(els[i] as Element));
    // Data rows (mostly numbers) rarely span columns: their colspans are only looked up when
    // the row is words (headers, captions), where spans decide which column is which.
    this.numeric = mostlyNumeric(texts) && els.length > 2;
    this.cells = this.numeric ? texts : expandWords(els);
  }
  extra(): string | null {
    return rowExtra(this.els);
  }
  element(): Element | null {
    return rowElementOf(this.els[0]);
  }
}

/** Link targets in the row's cells (direct children), searched later for OCC symbols. */
function rowExtra(cells: Element[]): string | null {
  for (const cell of cells) {
    for (let child = cell.firstElementChild; child; child = child.nextElementSibling) {
      if (child.tagName !== 'A') continue;
      const href = child.getAttribute('href') ?? '';
      if (/optsym|\/quote\/|symbol=/i.test(href)) {
        try {
          return decodeURIComponent(href).slice(0, 300);
        } catch {
          return href.slice(0, 300);
        }
      }
    }
  }
  return null;
}

/** A word row (headers, captions) with its colspans expanded. */
function expandWords(cells: Element[]): string[] {
  // Only the words shown, without buttons, icons, tooltips and screen-reader text (cell-words.ts).
  const texts = cells.map(headerWords);
  const out: string[] = [];
  cells.forEach((c, i) => {
    out.push(texts[i] as string);
    const colspan = c.getAttribute('colspan');
    const span = colspan === null ? 1 : Math.min(Number(colspan) || 1, 50);
    for (let k = 1; k < span; k++) out.push('');
  });
  return out;
}

function directRows(table: Element): Element[] {
  const rows: Element[] = [];
  for (let child = table.firstElementChild; child; child = child.nextElementSibling) {
    if (child.tagName === 'TR') rows.push(child);
    else if (child.tagName === 'THEAD' || child.tagName === 'TBODY' || child.tagName === 'TFOOT') {
      for (let tr = child.firstElementChild; tr; tr = tr.nextElementSibling)
        if (tr.tagName === 'TR') rows.push(tr);
    }
  }
  return rows;
}

function* tableGrid(doc: Document, table: Element, rowsFromScan: Element[][] | undefined): Steps<DomGrid> {
  const rowCells =
    rowsFromScan ??
    directRows(table).map((tr) => {
      const cells: Element[] = [];
      for (let c = tr.firstElementChild; c; c = c.nextElementSibling)
        if (c.tagName === 'TD' || c.tagName === 'TH') cells.push(c);
      return cells;
    });
  const rows: DomRow[] = [];
  for (const cells of rowCells) {
    rows.push(rowFor(doc, cells));
    if (rows.length % ROW_STEP === 0) yield;
  }
  return { el: table, rows };
}

const CELL_ROLES = new Set(['gridcell', 'columnheader', 'rowheader', 'cell']);
const GRID_ROLES = new Set(['grid', 'table', 'treegrid']);
const roleOf = (el: Element): string => el.getAttribute('role') ?? '';

function* ariaGrid(doc: Document, grid: Element): Steps<DomGrid> {
  const rows: TextRow[] = [];
  // Rows of this grid only (a nested grid's rows are its own).
  const rowEls = descendants(
    grid,
    (el) => roleOf(el) === 'row',
    (el) => GRID_ROLES.has(roleOf(el)),
  );
  for (const row of rowEls) {
    const cells = descendants(
      row,
      (el) => CELL_ROLES.has(roleOf(el)),
      (el) => roleOf(el) === 'row',
    );
    rows.push(rowFor(doc, cells));
    if (rows.length % ROW_STEP === 0) yield;
  }
  return { el: grid, rows };
}

function looksLikeHeaderRow(row: Element): boolean {
  let known = 0;
  let strike = false;
  for (const c of Array.from(row.children)) {
    const h = classifyHeader(headerWords(c));
    if (h.field !== 'other') known++;
    if (h.field === 'strike') strike = true;
  }
  return strike && known >= 3;
}

/** Div grids: find "Strike" text outside tables/grids, walk up to a row whose siblings are rows. */
function* divGrids(doc: Document, candidates: Element[], seen: Set<Element>): Steps<DomGrid[]> {
  const out: DomGrid[] = [];
  let looked = 0;
  for (const el of candidates) {
    if (++looked % (ROW_STEP * 8) === 0) yield;
    if (el.children.length > 0 || !/^strikes?$/i.test(cleanText(el.textContent))) continue;
    if (el.closest('table,[role="grid"],[role="table"],[role="treegrid"]')) continue;
    let row: Element | null = el.parentElement;
    for (let depth = 0; row && depth < 4; depth++, row = row.parentElement) {
      if (row.children.length >= 3 && looksLikeHeaderRow(row)) break;
    }
    const body = row?.parentElement;
    if (!row || !body || seen.has(body)) continue;
    seen.add(body);
    const width = row.children.length;
    const rows: TextRow[] = [];
    for (const r of Array.from(body.children)) {
      const kids = Array.from(r.children);
      if (kids.length === 0) continue;
      // A wrapper of data rows beside the header row is flattened one level.
      const wrapper = r !== row && kids.length !== width && kids.every((x) => x.children.length === width);
      for (const m of wrapper ? kids : [r]) {
        const cells = Array.from(m.children);
        rows.push(rowFor(doc, cells));
        if (rows.length % ROW_STEP === 0) yield;
      }
    }
    out.push({ el: body, rows });
  }
  return out;
}

/** A row kept from an earlier read for these cells, or null (see {@link offerRows}). */
type KeptRow = (cells: Element[]) => DomRow | null;

const offered = new Map<Document, KeptRow>();

/**
 * Marks the reads of a live page (live-incremental.ts): while the returned close is not called,
 * grids extracted from `doc` are made of rows whose readings are kept for the next read
 * ({@link DomRow.memo}), and take a row from `kept` when it has one for the same cells (rows
 * whose cells did not change since it read them) instead of reading the cells' texts again.
 */
export function offerRows(doc: Document, kept: KeptRow): () => void {
  offered.set(doc, kept);
  return () => {
    if (offered.get(doc) === kept) offered.delete(doc);
  };
}

function rowFor(doc: Document, cells: Element[]): DomRow {
  const kept = offered.get(doc);
  if (!kept) return new DomRow(cells, false);
  return kept(cells) ?? new DomRow(cells, true);
}

/** All candidate grids on the page, across shadow roots and same-origin iframes. */
export function extractGrids(doc: Document): DomGrid[] {
  return runSteps(extractGridsSteps(doc));
}

/** {@link extractGrids} with pause points every few dozen rows (for a sliced read). */
export function* extractGridsSteps(doc: Document): Steps<DomGrid[]> {
  // Several readers look at the same grids within one read: extract once per scan.
  const scan = yield* scanPageSteps(doc);
  const cached = scan.memo.get('grids') as DomGrid[] | undefined;
  if (cached) return cached;
  const grids: DomGrid[] = [];
  for (const t of byTag(doc, 'table')) grids.push(yield* tableGrid(doc, t, scan.tableRows.get(t)));
  for (const g of byRole(doc, 'grid', 'treegrid', 'table')) {
    if (g.tagName !== 'TABLE') grids.push(yield* ariaGrid(doc, g));
  }
  grids.push(...(yield* divGrids(doc, [...byTag(doc, 'div'), ...byTag(doc, 'span')], new Set())));
  // Stored only once complete: a sliced read that stops halfway leaves no partial grids behind.
  scan.memo.set('grids', grids);
  return grids;
}

/**
 * Expiry the page has selected: a <select> of dates or a selected tab. The URL only for the
 * parameter names a site reader knows (`urlKeys`, e.g. Yahoo "date", Barchart "expiration");
 * the generic reader passes none.
 */
export function pageExpiry(
  doc: Document,
  url: string,
  urlKeys: readonly string[] = [],
): { expiry: string | null; listed: number } {
  for (const sel of byTag(doc, 'select')) {
    const opts = descendants(sel, (el) => el.tagName === 'OPTION');
    const dated = opts.filter((o) => findDate(o.textContent ?? '') !== null);
    if (dated.length < 1 || dated.length < opts.length / 2) continue;
    const chosen =
      opts.find((o) => o.hasAttribute('selected')) ?? opts[(sel as HTMLSelectElement).selectedIndex] ?? null;
    return { expiry: chosen ? findDate(chosen.textContent ?? '') : null, listed: dated.length };
  }
  const tabs = byRole(doc, 'tab');
  const tab = tabs.find((t) => t.getAttribute('aria-selected') === 'true');
  const tabDate = tab ? findDate(tab.textContent ?? '') : null;
  if (tabDate) return { expiry: tabDate, listed: tabs.filter((t) => findDate(t.textContent ?? '')).length };
  return { expiry: urlKeys.length > 0 ? urlExpiry(url, urlKeys) : null, listed: 0 };
}

/**
 * Expiry in a URL parameter the caller names: "expiration=2025-06-20" (Barchart, "-w"/"-m"
 * suffix allowed), "date=1601251200" (Yahoo: Unix seconds, UTC midnight).
 */
export function urlExpiry(url: string, keys: readonly string[]): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  for (const key of keys) {
    const v = u.searchParams.get(key);
    if (!v) continue;
    const d = findDate(v.replace(/-w$|-m$/i, ''));
    if (d) return d;
    const n = parseNumber(v);
    if (n !== null && n > 1e9 && n < 5e9) return new Date(n * 1000).toISOString().slice(0, 10);
  }
  return null;
}

/** Side the element itself names ("calls"/"puts" in class/id/aria-label), else null. */
export function elementSide(el: Element): 'call' | 'put' | null {
  const t = `${el.getAttribute('class') ?? ''} ${el.id} ${el.getAttribute('aria-label') ?? ''}`.toLowerCase();
  const call = /\bcalls?\b/.test(t);
  const put = /\bputs?\b/.test(t);
  return call === put ? null : call ? 'call' : 'put';
}
