/**
 * Word tables: which words (header texts, row labels) name which field. Written field first, one
 * `|`-separated list of words per field (compact in the content script, whose size has a budget),
 * and looked up in a Map, so a page's text can never hit an inherited object key: with a plain
 * object, a column headed "Constructor" was read as a known column.
 */
export function byWord<F extends string>(lists: Readonly<Record<F, string>>): ReadonlyMap<string, F> {
  const map = new Map<string, F>();
  for (const field in lists) for (const word of lists[field].split('|')) map.set(word, field);
  return map;
}
