/**
 * The words a header cell shows: its text without what is not the column's name — hidden
 * elements, tooltips, screen-reader-only text, buttons ("Filter"), icons (svg, <i>) and sort
 * glyphs (stripped later by headers.ts). Real chains carry all of these in their header cells;
 * with them the header was not recognised and the page refused (issue 10 point 4).
 */
import { cleanText } from './dom';
import { isHiddenElement } from './hidden';

/** Elements whose text is never part of a header's name. */
const SKIP_TAGS = new Set([
  'BUTTON',
  'SVG',
  'svg',
  'SCRIPT',
  'STYLE',
  'TEMPLATE',
  'NOSCRIPT',
  'SELECT',
  'INPUT',
]);
/** Screen-reader-only and tooltip classes of common UI kits (Bootstrap, Tailwind, Material, …). */
const SKIP_CLASS =
  /(?:^|\s)(?:sr-only|visually-hidden|visuallyhidden|screen-reader-only|screen-reader-text|a11y-hidden|cdk-visually-hidden|offscreen|tooltip[\w-]*|[\w-]*-tooltip|popover[\w-]*)(?:\s|$)/i;
/** Roles whose text is not the column's name. */
const SKIP_ROLES = new Set(['tooltip', 'button', 'img', 'presentation', 'dialog', 'menu']);

function skipped(el: Element): boolean {
  if (SKIP_TAGS.has(el.tagName)) return true;
  if (el.tagName === 'I' && el.childElementCount === 0 && (el.textContent ?? '').trim().length <= 2)
    return true;
  const role = el.getAttribute('role');
  if (role && SKIP_ROLES.has(role)) return true;
  const cls = el.getAttribute('class');
  if (cls && SKIP_CLASS.test(cls)) return true;
  return isHiddenElement(el);
}

function collect(node: Node, out: string[]): void {
  for (let c = node.firstChild; c; c = c.nextSibling) {
    if (c.nodeType === 3) out.push(c.nodeValue ?? '');
    else if (c.nodeType === 1 && !skipped(c as Element)) {
      out.push(' ');
      collect(c, out);
      out.push(' ');
    }
  }
}

/**
 * The visible words of a (header) cell. When nothing visible is left (an icon-only header),
 * the cell's aria-label or title, else its whole text.
 */
export function headerWords(cell: Element): string {
  if (cell.childElementCount === 0) return cleanText(cell.textContent);
  const out: string[] = [];
  collect(cell, out);
  const words = cleanText(out.join(''));
  if (words) return words;
  return cleanText(cell.getAttribute('aria-label') ?? cell.getAttribute('title') ?? cell.textContent);
}
