/**
 * One linear walk over a page (document, open shadow roots, same-origin iframes) that indexes
 * elements by tag and role. Readers query this index instead of running document-wide
 * selectors: one pass per read however many readers look, and linear in page size (DOM
 * implementations such as happy-dom make repeated querySelectorAll('*') superlinear).
 *
 * Scans are cached only inside {@link withScanSession} (readPage opens one per read), so a
 * live page that changed between reads is always walked afresh.
 */

/** Most elements walked per page; beyond this the page is treated as too large. */
export const MAX_ELEMENTS = 3_000_000;

export interface PageScan {
  roots: (Document | ShadowRoot)[];
  /** Per-scan memo for derived results (e.g. extracted grids), keyed by a name. */
  memo: Map<string, unknown>;
  /**
   * Elements by tag name as reported (upper-case for HTML), document order; shadow/iframe
   * contents follow their host's subtree. Table internals (TD, TH, TR, T*) are not indexed.
   */
  byTag: Map<string, Element[]>;
  /** Elements carrying a role attribute. */
  withRole: Element[];
  /** Elements walked in total. */
  count: number;
  /** Each table's own rows (cells per row, TD/TH only), gathered during the same walk. */
  tableRows: Map<Element, Element[][]>;
}

const sessions = new Map<Document, PageScan | null>();

/** Elements that may host a shadow root besides custom elements (DOM spec, attachShadow). */
const SHADOW_HOSTS = new Set([
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'BODY',
  'DIV',
  'FOOTER',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'MAIN',
  'NAV',
  'P',
  'SECTION',
  'SPAN',
]);
/** Table internals: not indexed (reached through their table; their roles are read by the grid walk). */
const NO_ROLE_INDEX = new Set(['TD', 'TH', 'TR', 'TBODY', 'THEAD', 'TFOOT', 'OPTION']);

/** Deeper element nesting than this is not walked (no real page comes close). */
const MAX_DEPTH = 1_000;

/**
 * Visits `el` and its subtree. `rows` is the row list of the nearest enclosing table (null
 * outside tables) and `cells` the cell list of the enclosing row, so tables come out of the
 * walk already split into rows and cells.
 */
function visit(
  scan: PageScan,
  el: Element,
  depth: number,
  rows: Element[][] | null,
  cells: Element[] | null,
): void {
  if (scan.count >= MAX_ELEMENTS) return;
  scan.count++;
  const tag = el.tagName;
  if (!NO_ROLE_INDEX.has(tag)) {
    // Table internals are reached through their table, so they are not indexed.
    let list = scan.byTag.get(tag);
    if (!list) {
      list = [];
      scan.byTag.set(tag, list);
    }
    list.push(el);
    if (el.hasAttribute('role')) scan.withRole.push(el);
  }
  let childRows = rows;
  let childCells: Element[] | null = null;
  if (tag === 'TABLE') {
    childRows = [];
    scan.tableRows.set(el, childRows);
  } else if (tag === 'TR' && rows) {
    childCells = [];
    rows.push(childCells);
  } else if ((tag === 'TD' || tag === 'TH') && cells) {
    cells.push(el);
  }
  if (depth < MAX_DEPTH) {
    // Sibling pointers: cheaper than materialising `children` in some DOM implementations.
    for (let c = el.firstElementChild; c; c = c.nextElementSibling)
      visit(scan, c, depth + 1, childRows, childCells);
  }
  if ((SHADOW_HOSTS.has(tag) || tag.includes('-')) && el.shadowRoot) walk(scan, el.shadowRoot);
  if (tag === 'IFRAME' || tag === 'iframe') {
    try {
      const inner = (el as HTMLIFrameElement).contentDocument;
      if (inner?.documentElement) walk(scan, inner);
    } catch {
      // cross-origin frame: not ours to read
    }
  }
}

function walk(scan: PageScan, root: Document | ShadowRoot): void {
  scan.roots.push(root);
  for (let c = root.firstElementChild; c; c = c.nextElementSibling) visit(scan, c, 0, null, null);
}

/** The page's element index (cached within a scan session). */
export function scanPage(doc: Document): PageScan {
  const cached = sessions.get(doc);
  if (cached) return cached;
  const scan: PageScan = {
    roots: [],
    memo: new Map(),
    byTag: new Map(),
    withRole: [],
    count: 0,
    tableRows: new Map(),
  };
  walk(scan, doc);
  if (sessions.has(doc)) sessions.set(doc, scan);
  return scan;
}

/** Runs `fn` with scans of `doc` cached (one walk for every reader that looks). */
export function withScanSession<T>(doc: Document, fn: () => T): T {
  if (sessions.has(doc)) return fn();
  sessions.set(doc, null);
  try {
    return fn();
  } finally {
    sessions.delete(doc);
  }
}

/** Elements of a tag (upper- or lower-case name). */
export function byTag(doc: Document, tag: string): Element[] {
  const index = scanPage(doc).byTag;
  // HTML elements report upper-case tag names; SVG/XML ones keep their case.
  return index.get(tag.toUpperCase()) ?? index.get(tag) ?? [];
}

/** Elements with one of the given roles. */
export function byRole(doc: Document, ...roles: string[]): Element[] {
  return scanPage(doc).withRole.filter((el) => roles.includes(el.getAttribute('role') ?? ''));
}

/**
 * First element whose tag is one of `tags` ("span" or "div,span") and that matches `selector`
 * (the selector is checked on those elements only).
 */
export function firstMatching(doc: Document, tags: string, selector: string): Element | null {
  for (const tag of tags.split(',')) {
    for (const el of byTag(doc, tag.trim())) {
      try {
        if (el.matches(selector)) return el;
      } catch {
        return null;
      }
    }
  }
  return null;
}

/** All elements of `tags` matching `selector`. */
export function allMatching(doc: Document, tags: string, selector: string): Element[] {
  const out: Element[] = [];
  for (const tag of tags.split(',')) {
    for (const el of byTag(doc, tag.trim())) {
      try {
        if (el.matches(selector)) out.push(el);
      } catch {
        return out;
      }
    }
  }
  return out;
}

/** Descendants of `root` (not crossing into nested elements `stopAt` accepts), in document order. */
export function descendants(
  root: Element,
  keep: (el: Element) => boolean,
  stopAt?: (el: Element) => boolean,
): Element[] {
  const out: Element[] = [];
  const stack: Element[] = [];
  for (let i = root.children.length - 1; i >= 0; i--) stack.push(root.children[i] as Element);
  while (stack.length > 0) {
    const el = stack.pop() as Element;
    if (stopAt?.(el)) continue;
    if (keep(el)) out.push(el);
    const kids = el.children;
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i] as Element);
  }
  return out;
}
