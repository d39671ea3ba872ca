// @vitest-environment happy-dom
/** The "as of … ET" line near the top of a page: found in one cell, across spans, or not at all. */
import { describe, expect, it } from 'vitest';
import { pageQuoteTime } from '../../lib/readers/page-info';

function page(body: string): Document {
  return new DOMParser().parseFromString(`<!doctype html><html><body>${body}</body></html>`, 'text/html');
}

// Thursday 2026-11-26 9:45 AM EST = 14:45 UTC.
const NINE_45 = '2026-11-26T14:45:00.000Z';
const cells = (n: number) =>
  `<table><tbody>${Array.from({ length: n }, (_, i) => `<tr><td>${i}</td><td>1.20</td></tr>`).join('')}</tbody></table>`;

describe('pageQuoteTime', () => {
  it('reads the line when it is the only text of its element', () => {
    expect(pageQuoteTime(page('<p>Quotes as of Nov 26, 2026 9:45 AM ET</p>'))).toBe(NINE_45);
  });

  it('reads the line when its words sit in several elements of one parent', () => {
    const doc = page('<div><span>Quotes as of</span> <b>Nov 26, 2026</b> <span>9:45 AM ET</span></div>');
    expect(pageQuoteTime(doc)).toBe(NINE_45);
  });

  it('reads a parent whose text and elements are mixed, after a table of single-text cells', () => {
    const doc = page(`${cells(50)}<div>Quotes as of <b>Nov 26, 2026</b> 9:45 AM ET</div>`);
    expect(pageQuoteTime(doc)).toBe(NINE_45);
  });

  it('looks only at the first few hundred text nodes, and says null when there is no line', () => {
    expect(pageQuoteTime(page(cells(300)))).toBeNull();
    expect(pageQuoteTime(page(`${cells(300)}<p>Quotes as of Nov 26, 2026 9:45 AM ET</p>`))).toBeNull();
  });
});
