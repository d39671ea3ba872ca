/**
 * DOM → rows of cell texts: HTML tables, ARIA grids (role=grid/table/treegrid with
 * role=row/gridcell/columnheader) and div grids (a header row of known words whose siblings
 * have the same number of cells). Colspans are expanded so columns line up.
 */
import { cellText, cleanText, collectRoots, findDate, parseNumber } from './dom';
import { classifyHeader } from './headers';
import type { TextRow } from './layout';

export interface DomGrid {
  /** The table/grid element (for context: headings, classes). */
  el: Element;
  rows: TextRow[];
}

/** Hard cap on rows taken from one page; above it the read fails as too large. */
export const MAX_PAGE_ROWS = 100_000;

function rowExtra(tr: Element): string | null {
  const a = tr.querySelector('a[href*="optsym"], a[href*="/quote/"], a[href*="symbol="]');
  return a ? decodeURIComponent(a.getAttribute('href') ?? '').slice(0, 300) : null;
}

function expand(cells: Element[]): string[] {
  const out: string[] = [];
  for (const c of cells) {
    out.push(cellText(c));
    const span = Math.min(Number(c.getAttribute('colspan') ?? '1') || 1, 50);
    for (let i = 1; i < span; i++) out.push('');
  }
  return out;
}

function directRows(table: Element): Element[] {
  const rows: Element[] = [];
  for (const child of Array.from(table.children)) {
    if (child.tagName === 'TR') rows.push(child);
    else if (child.tagName === 'THEAD' || child.tagName === 'TBODY' || child.tagName === 'TFOOT') {
      for (const tr of Array.from(child.children)) if (tr.tagName === 'TR') rows.push(tr);
    }
  }
  return rows;
}

function tableGrid(table: Element): DomGrid {
  const rows = directRows(table).map((tr) => {
    const cells = Array.from(tr.children).filter((c) => c.tagName === 'TD' || c.tagName === 'TH');
    return { cells: expand(cells), extra: rowExtra(tr) };
  });
  return { el: table, rows };
}

const ARIA_CELLS = '[role="gridcell"],[role="columnheader"],[role="rowheader"],[role="cell"]';

function ariaGrid(grid: Element): DomGrid {
  const rows: TextRow[] = [];
  for (const row of Array.from(grid.querySelectorAll('[role="row"]'))) {
    if (row.closest('[role="grid"],[role="table"],[role="treegrid"]') !== grid) continue;
    const cells = Array.from(row.querySelectorAll(ARIA_CELLS)).filter(
      (c) => c.closest('[role="row"]') === row,
    );
    rows.push({ cells: expand(cells), extra: rowExtra(row) });
  }
  return { el: grid, rows };
}

function looksLikeHeaderRow(row: Element): boolean {
  let known = 0;
  let strike = false;
  for (const c of Array.from(row.children)) {
    const h = classifyHeader(cellText(c));
    if (h.field !== 'other') known++;
    if (h.field === 'strike') strike = true;
  }
  return strike && known >= 3;
}

/** Div grids: find "Strike" text outside tables/grids, walk up to a row whose siblings are rows. */
function divGrids(root: Document | ShadowRoot, seen: Set<Element>): DomGrid[] {
  const out: DomGrid[] = [];
  for (const el of Array.from(root.querySelectorAll('div,span'))) {
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
      for (const m of wrapper ? kids : [r])
        rows.push({ cells: expand(Array.from(m.children)), extra: rowExtra(m) });
    }
    out.push({ el: body, rows });
  }
  return out;
}

/** All candidate grids on the page, across shadow roots and same-origin iframes. */
export function extractGrids(doc: Document): DomGrid[] {
  const grids: DomGrid[] = [];
  const seen = new Set<Element>();
  for (const root of collectRoots(doc)) {
    for (const t of Array.from(root.querySelectorAll('table'))) grids.push(tableGrid(t));
    for (const g of Array.from(root.querySelectorAll('[role="grid"],[role="treegrid"],div[role="table"]'))) {
      grids.push(ariaGrid(g));
    }
    grids.push(...divGrids(root, seen));
  }
  return grids;
}

/** Text of headings and captions just before `el` (siblings, then ancestors' siblings). */
export function precedingText(el: Element, maxChars = 600): string {
  const parts: string[] = [];
  const caption = el.querySelector(':scope > caption');
  if (caption) parts.push(cellText(caption));
  let node: Element | null = el;
  for (let depth = 0; node && depth < 5 && parts.join(' ').length < maxChars; depth++) {
    let sib = node.previousElementSibling;
    for (let k = 0; sib && k < 4; k++, sib = sib.previousElementSibling) {
      const t = cleanText(sib.textContent);
      if (t.length > 0 && t.length < 200) parts.push(t);
    }
    node = node.parentElement;
  }
  return parts.join(' | ').slice(0, maxChars);
}

/** Expiry the page has selected: a <select> of dates, a selected tab, or the URL. */
export function pageExpiry(doc: Document, url: string): { expiry: string | null; listed: number } {
  for (const root of collectRoots(doc)) {
    for (const sel of Array.from(root.querySelectorAll('select'))) {
      const opts = Array.from(sel.querySelectorAll('option'));
      const dated = opts.filter((o) => findDate(o.textContent ?? '') !== null);
      if (dated.length < 1 || dated.length < opts.length / 2) continue;
      const chosen =
        opts.find((o) => o.hasAttribute('selected')) ??
        opts[(sel as HTMLSelectElement).selectedIndex] ??
        null;
      return { expiry: chosen ? findDate(chosen.textContent ?? '') : null, listed: dated.length };
    }
    const tab = root.querySelector('[role="tab"][aria-selected="true"]');
    const tabDate = tab ? findDate(tab.textContent ?? '') : null;
    if (tabDate) return { expiry: tabDate, listed: root.querySelectorAll('[role="tab"]').length };
  }
  return { expiry: urlExpiry(url), listed: 0 };
}

/** Expiry in the URL: "expiration=2025-06-20", "date=1601251200" (Unix seconds, UTC midnight). */
export function urlExpiry(url: string): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  for (const key of ['expiration', 'expiry', 'expirationDate', 'exp', 'date']) {
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
