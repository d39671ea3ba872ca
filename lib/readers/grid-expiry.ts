/**
 * A grid's own heading: the only text outside its rows that may give the rows an expiry.
 * The heading is the grid's <caption>, or the first text just before it (walking out a few
 * levels), skipping "as of"/timestamp lines. A date anywhere else on the page — a "Quotes as of
 * Nov 26, 2026" line, a news item, a footer — is not an expiry (issue 10 point 1).
 */
import { cleanText, findDate } from './dom';

/** Text that stamps a time rather than names a series: never an expiry. */
const TIMESTAMP =
  /\bas of\b|\bupdated?\b|\blast (?:update|trade|price)\b|\bdelayed\b|\breal[- ]time\b|\b\d{1,2}:\d{2}\b|\bquotes? (?:at|on|time)\b|\bgenerated\b|\bprinted\b/i;

/** Longest heading text looked at (a paragraph is not a heading). */
const MAX_HEADING_CHARS = 120;
/** Ancestor levels walked when the grid has no preceding sibling with text. */
const MAX_LEVELS = 4;
/** Timestamp lines skipped between the grid and its heading. */
const MAX_SKIPPED = 2;

const NO_TEXT = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT', 'svg', 'SVG']);

/** True when the text stamps a time ("as of …", "Updated 9:45 AM"), not a series. */
export function isTimestampText(text: string): boolean {
  return TIMESTAMP.test(text);
}

/**
 * The grid's own heading text (caption, else the nearest preceding text that is not a
 * timestamp line), or null when there is none or it is too long to be a heading.
 */
export function gridHeading(el: Element): string | null {
  for (let c = el.firstElementChild; c; c = c.nextElementSibling) {
    if (c.tagName === 'CAPTION') {
      const t = cleanText(c.textContent);
      if (t && !isTimestampText(t)) return t.slice(0, MAX_HEADING_CHARS);
    }
  }
  let skipped = 0;
  let node: Element | null = el;
  for (let level = 0; node && level < MAX_LEVELS; level++, node = node.parentElement) {
    for (let sib = node.previousElementSibling; sib; sib = sib.previousElementSibling) {
      if (
        NO_TEXT.has(sib.tagName) ||
        sib.getAttribute('aria-hidden') === 'true' ||
        sib.hasAttribute('hidden')
      )
        continue;
      const t = cleanText(sib.textContent);
      if (!t) continue;
      if (t.length > MAX_HEADING_CHARS) return null;
      if (isTimestampText(t)) {
        if (++skipped > MAX_SKIPPED) return null;
        continue;
      }
      return t;
    }
  }
  return null;
}

/** Expiry named by the grid's own heading ("SPXW Dec 18, 2026", "Expires 2026-12-18"), else null. */
export function headingExpiry(heading: string | null): string | null {
  return heading ? findDate(heading) : null;
}
