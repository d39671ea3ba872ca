/**
 * A saved export page (HTML) → the same rows of cell texts its CSV would have, in document
 * order: each table row a row of cells (a colspan repeated as empty cells), each block of
 * text outside tables (a title, a section caption) a one-cell row. Lets the thinkorswim
 * desktop export reader read the HTML save exactly as it reads the CSV.
 */
import { cleanText } from '../dom';

const BLOCK = new Set([
  'ADDRESS',
  'ARTICLE',
  'BR',
  'CAPTION',
  'DIV',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HR',
  'LI',
  'P',
  'PRE',
  'SECTION',
  'TABLE',
  'UL',
]);
const SKIP = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT', 'HEAD']);
/** Rows we collect at most (a full SPX export is ~20,000 rows). */
const MAX_ROWS = 100_000;

function rowCells(tr: Element): string[] {
  const cells: string[] = [];
  for (const cell of Array.from(tr.children)) {
    if (cell.tagName !== 'TD' && cell.tagName !== 'TH') continue;
    cells.push(cleanText(cell.textContent));
    const span = Math.min(Number(cell.getAttribute('colspan')) || 1, 100);
    for (let i = 1; i < span; i++) cells.push('');
  }
  return cells;
}

/** Rows of a document body in reading order (see the file comment). */
export function htmlRows(doc: Document): string[][] {
  const rows: string[][] = [];
  let text = '';
  const flush = () => {
    const t = cleanText(text);
    if (t !== '') rows.push([t]);
    text = '';
  };
  const walk = (node: Node, depth: number): void => {
    if (rows.length >= MAX_ROWS || depth > 200) return;
    if (node.nodeType === 3) {
      text += ` ${node.nodeValue ?? ''}`;
      return;
    }
    if (node.nodeType !== 1) return;
    const el = node as Element;
    if (SKIP.has(el.tagName)) return;
    if (el.tagName === 'TR') {
      flush();
      const cells = rowCells(el);
      if (cells.some((c) => c !== '')) rows.push(cells);
      return;
    }
    const block = BLOCK.has(el.tagName);
    if (block) flush();
    for (const child of Array.from(el.childNodes)) walk(child, depth + 1);
    if (block) flush();
  };
  walk(doc.body ?? doc.documentElement, 0);
  flush();
  return rows;
}
