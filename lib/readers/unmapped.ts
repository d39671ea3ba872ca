/**
 * True refusals for pages whose chain was not read: a table that looks like an option chain
 * (a word header over rows of numbers, some header words chain fields) but whose header could
 * not be mapped is named as such, with the header cells not understood; a page that says it has
 * no options is quoted. Only called on the failure path.
 */
import { cleanText, mostlyNumeric } from './dom';
import { classifyHeader } from './headers';
import type { TextRow } from './layout';

/** Numeric rows under a header before a table counts as chain-like. */
const MIN_DATA_ROWS = 3;

/**
 * "found a table that looks like an option chain … not understood: “Px ⓘ”, “Sz”", or null when
 * no grid looks like a chain.
 */
export function describeUnmappedChain(grids: { rows: TextRow[] }[]): string | null {
  let best: { cells: string[]; dataRows: number } | null = null;
  for (const g of grids) {
    for (let i = 0; i < g.rows.length && i < 50; i++) {
      const cells = (g.rows[i] as TextRow).cells;
      if (cells.length < 3 || mostlyNumeric(cells)) continue;
      const fields = cells.map(classifyHeader).filter((h) => h.field !== 'other').length;
      if (fields < 1) continue;
      let data = 0;
      for (let k = i + 1; k < g.rows.length; k++) {
        const row = (g.rows[k] as TextRow).cells;
        if (row.length === cells.length && mostlyNumeric(row)) data++;
      }
      if (data >= MIN_DATA_ROWS && (!best || data > best.dataRows)) best = { cells, dataRows: data };
      break;
    }
  }
  if (!best) return null;
  const infos = best.cells.map((c) => ({ text: c, h: classifyHeader(c) }));
  const understood = infos.filter((x) => x.h.field !== 'other').map((x) => x.text);
  const unknown = infos
    .filter((x) => x.h.field === 'other' && !x.h.known && x.text !== '')
    .map((x) => `“${x.text.slice(0, 40)}”`);
  return (
    `found a table that looks like an option chain (${best.dataRows} rows of numbers) but could not map its header` +
    ` (understood: ${understood.join(', ') || 'none'}; not understood: ${unknown.slice(0, 12).join(', ') || 'none'});` +
    ' a chain needs a Strike column and two of Bid, Ask, Last, Volume, Open Int, IV, Delta'
  );
}

/** Most child elements a block holding one sentence has (inline spans, links, icons). */
const MAX_SENTENCE_CHILDREN = 12;

/** Phrases pages use when a symbol has no listed options. */
const NO_OPTIONS =
  /\b(?:options? data is not available|no options? (?:data|chain|contracts?) (?:available|found)|there are no options?(?: contracts?)? (?:available|listed)?[^.]{0,40}|this symbol (?:has|does not have) no options?)\b/i;

/** The page's own "no options" sentence (e.g. Yahoo "Options data is not available"), or null. */
export function pageSaysNoOptions(doc: Document): string | null {
  const body = doc.body;
  if (!body) return null;
  // Shown text only: scripts carry whole message catalogues.
  const walker = doc.createTreeWalker(body, 4 /* NodeFilter.SHOW_TEXT */);
  for (let i = 0; i < 20_000; i++) {
    const node = walker.nextNode();
    if (!node) break;
    const parent = node.parentElement;
    const tag = parent?.tagName;
    if (tag === 'SCRIPT' || tag === 'STYLE' || tag === 'NOSCRIPT' || tag === 'TEMPLATE') continue;
    if (!/\S/.test(node.nodeValue ?? '')) continue;
    // The sentence may be split over elements ("<span>Options</span> data is not available").
    let el: Element | null | undefined = parent;
    for (let up = 0; el && up < 3; up++, el = el.parentElement) {
      // A sentence sits in an element with few children; reading the text of a table body or
      // a row list for every cell under it made this walk quadratic (73 s on a saved chain page).
      if (el.childElementCount > MAX_SENTENCE_CHILDREN) break;
      const text = cleanText(el.textContent);
      if (text.length > 300) break;
      const m = NO_OPTIONS.exec(text);
      if (m) return m[0];
    }
  }
  return null;
}
