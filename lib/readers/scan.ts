/**
 * One linear walk over a page (document, open shadow roots, same-origin iframes) that indexes
 * elements by tag and role. Readers query this index instead of running document-wide
 * selectors: one pass per read however many readers look, and linear in page size (DOM
 * implementations such as happy-dom make repeated querySelectorAll('*') superlinear).
 *
 * Scans are cached only inside {@link withScanSession} (readPage opens one per read), so a
 * live page that changed between reads is always walked afresh.
 *
 * Hidden elements and their subtrees are not walked (hidden.ts): what the user cannot see is
 * never read. Nor is our own overlay (its host on <html>, marked {@link OVERLAY_ATTRIBUTE}):
 * its badges and chip are ours, not the page's, and its open shadow root would make every
 * page look like one with shadow roots, whose live re-reads cannot be incremental.
 */

import { computesStyles, isHiddenElement } from './hidden';

/** Attribute on our overlay host element (the overlay in components/overlay/ puts it on <html>). */
export const OVERLAY_ATTRIBUTE = 'data-alvh-overlay';

/** Depth of <html>'s children in the walk (the overlay host is one of them). */
const HTML_CHILD_DEPTH = 1;

/** True for our overlay host: a child of <html> carrying {@link OVERLAY_ATTRIBUTE}. */
function isOwnOverlay(el: Element, depth: number): boolean {
  return depth === HTML_CHILD_DEPTH && el.hasAttribute(OVERLAY_ATTRIBUTE);
}

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
  /** The page's DOM computes styles (hidden.ts computesStyles), asked once for the walk. */
  computesStyles: boolean;
}

const sessions = new Map<Document, PageScan | null>();

/** Elements that may host a shadow root besides custom elements (DOM spec, attachShadow). */
const SHADOW_HOSTS = [
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
];
/** Table internals: not indexed (reached through their table; their roles are read by the grid walk). */
const NOT_INDEXED = ['TD', 'TH', 'TR', 'TBODY', 'THEAD', 'TFOOT', 'OPTION'];

/** What the walk does with an element of a tag, as bits (one lookup per element, see {@link kindOf}). */
const INDEXED = 1;
const SHADOW_HOST = 2;
const TABLE = 4;
const ROW = 8;
const CELL = 16;
const FRAME = 32;

const KINDS = new Map<string, number>();
for (const tag of SHADOW_HOSTS) KINDS.set(tag, INDEXED | SHADOW_HOST);
for (const tag of NOT_INDEXED) KINDS.set(tag, 0);
KINDS.set('TABLE', INDEXED | TABLE);
KINDS.set('TR', ROW);
KINDS.set('TD', CELL);
KINDS.set('TH', CELL);
KINDS.set('IFRAME', INDEXED | FRAME);
KINDS.set('iframe', INDEXED | FRAME);
/** Tags learnt beyond the known ones (other HTML tags, custom elements) are kept up to this many. */
const MAX_KINDS = 2_000;

/** The walk's bits for a tag: indexed, may host a shadow root (custom elements too), table part, frame. */
function kindOf(tag: string): number {
  let kind = KINDS.get(tag);
  if (kind === undefined) {
    kind = INDEXED | (tag.includes('-') ? SHADOW_HOST : 0);
    if (KINDS.size < MAX_KINDS) KINDS.set(tag, kind);
  }
  return kind;
}

/** Deeper element nesting than this is not walked (no real page comes close). */
const MAX_DEPTH = 1_000;

/**
 * Work that yields between pieces: `yield` marks a point where a sliced read may pause (see
 * {@link runSteps} and {@link runStepsSliced}). Sync callers drain it in one go.
 */
export type Steps<T> = Generator<void, T, void>;

/** True while {@link runStepsSliced} runs a step (set and cleared synchronously around it). */
let slicing = false;

/** Runs `steps` to the end in one go (the sync read). */
export function runSteps<T>(steps: Steps<T>): T {
  let r = steps.next();
  while (!r.done) r = steps.next();
  return r.value;
}

export interface SliceOptions {
  /** Gives the page its main thread back (e.g. a ctx-bound setTimeout(0)); resolves to resume. */
  yieldEvery: () => Promise<void>;
  /** Longest stretch of work between yields, ms. */
  budgetMs: number;
  /** Clock in ms (default `performance.now`). */
  clock?: () => number;
}

/**
 * Runs `steps` in slices: after each step, if more than `budgetMs` passed since the slice
 * began, awaits `yieldEvery()` before going on. Same result as {@link runSteps}.
 */
export async function runStepsSliced<T>(steps: Steps<T>, opts: SliceOptions): Promise<T> {
  const clock = opts.clock ?? (() => performance.now());
  const next = (): IteratorResult<void, T> => {
    slicing = true;
    try {
      return steps.next();
    } finally {
      slicing = false;
    }
  };
  let sliceStart = clock();
  let r = next();
  while (!r.done) {
    if (clock() - sliceStart > opts.budgetMs) {
      await opts.yieldEvery();
      sliceStart = clock();
    }
    r = next();
  }
  return r.value;
}

/** Elements walked between pause points. */
const WALK_STEP = 2_000;

/**
 * Walks `root` depth-first in document order with an explicit stack (no recursion limit,
 * pausable). Each element is indexed; `rows` is the row list of the nearest enclosing table
 * (null outside tables) and `cells` the cell list of the enclosing row, so tables come out of
 * the walk already split into rows and cells. A host's shadow root, then a frame's document,
 * follow the host's own subtree. The stack is four parallel arrays (no object per element).
 */
function* walkSteps(scan: PageScan, root: Document | ShadowRoot): Steps<void> {
  const st: WalkStack = { nodes: [root], depths: [-1], rowsOf: [null], cellsOf: [null], kids: [] };
  // The hot loop lives in a plain function: engines optimise it better than a generator body.
  while (!walkSome(scan, st, WALK_STEP)) yield;
}

/**
 * The walk's pending work as four parallel stacks (no object per element): an element to
 * visit, or a shadow root / frame document to enter (depth -1), with the enclosing table's
 * rows and row's cells. `kids` is a reused buffer.
 */
interface WalkStack {
  nodes: (Element | Document | ShadowRoot)[];
  depths: number[];
  rowsOf: (Element[][] | null)[];
  cellsOf: (Element[] | null)[];
  kids: Element[];
}

function pushChildren(
  st: WalkStack,
  parent: Element | Document | ShadowRoot,
  depth: number,
  rows: Element[][] | null,
  cells: Element[] | null,
): void {
  const kids = st.kids;
  // Forward sibling pointers (cheaper than `children` or backward pointers in some DOMs),
  // pushed in reverse so the first child is visited first.
  for (let c = parent.firstElementChild; c; c = c.nextElementSibling) kids.push(c);
  for (let i = kids.length - 1; i >= 0; i--) {
    st.nodes.push(kids[i] as Element);
    st.depths.push(depth);
    st.rowsOf.push(rows);
    st.cellsOf.push(cells);
  }
  kids.length = 0;
}

/** Visits up to `limit` elements; true when the walk is done. */
function walkSome(scan: PageScan, st: WalkStack, limit: number): boolean {
  const { nodes, depths, rowsOf, cellsOf } = st;
  let visited = 0;
  while (nodes.length > 0) {
    if (visited >= limit) return false;
    const node = nodes.pop() as Element | Document | ShadowRoot;
    const depth = depths.pop() as number;
    const rows = rowsOf.pop() as Element[][] | null;
    const cells = cellsOf.pop() as Element[] | null;
    if (depth < 0) {
      scan.roots.push(node as Document | ShadowRoot);
      pushChildren(st, node, 0, null, null);
      continue;
    }
    if (scan.count >= MAX_ELEMENTS) continue;
    const el = node as Element;
    visited++;
    if (isOwnOverlay(el, depth) || isHiddenElement(el, scan.computesStyles)) continue;
    const tag = el.tagName;
    const kind = kindOf(tag);
    indexElement(scan, el, tag, kind, rows, cells);
    const childRows = childContext.rows;
    const childCells = childContext.cells;
    // Pushed in reverse: children first, then the shadow root, then the frame's document.
    const frame = frameDocument(el, kind);
    if (frame) pushRoot(st, frame);
    const shadow = shadowOf(el, kind);
    if (shadow) pushRoot(st, shadow);
    if (depth < MAX_DEPTH) pushChildren(st, el, depth + 1, childRows, childCells);
  }
  return true;
}

/**
 * Table context for the children of the element {@link indexElement} last saw: `rows` of
 * the nearest enclosing table, `cells` of the enclosing row. One reused object (read right
 * after the call), not one per element.
 */
const childContext: { rows: Element[][] | null; cells: Element[] | null } = { rows: null, cells: null };

/**
 * Counts and indexes one element (of `kind`, see {@link kindOf}) and sets {@link childContext}
 * for its children, so tables come out of the walk already split into rows and cells.
 */
function indexElement(
  scan: PageScan,
  el: Element,
  tag: string,
  kind: number,
  rows: Element[][] | null,
  cells: Element[] | null,
): void {
  scan.count++;
  if (kind & INDEXED) {
    // Table internals are reached through their table, so they are not indexed.
    let list = scan.byTag.get(tag);
    if (!list) {
      list = [];
      scan.byTag.set(tag, list);
    }
    list.push(el);
    if (el.hasAttribute('role')) scan.withRole.push(el);
  }
  childContext.rows = rows;
  childContext.cells = null;
  if (kind & TABLE) {
    childContext.rows = [];
    scan.tableRows.set(el, childContext.rows);
  } else if (kind & ROW) {
    if (rows) {
      childContext.cells = [];
      rows.push(childContext.cells);
    }
  } else if (kind & CELL && cells) cells.push(el);
}

/** The element's open shadow root when it may host one, else null. */
function shadowOf(el: Element, kind: number): ShadowRoot | null {
  return kind & SHADOW_HOST ? el.shadowRoot : null;
}

/** A same-origin frame's document (with content), else null. */
function frameDocument(el: Element, kind: number): Document | null {
  if (!(kind & FRAME)) return null;
  try {
    const inner = (el as HTMLIFrameElement).contentDocument;
    return inner?.documentElement ? inner : null;
  } catch {
    // cross-origin frame: not ours to read
    return null;
  }
}

/**
 * The same walk in one go, recursively (faster than the explicit stack where nothing needs
 * to pause): used by the one-piece read. Same order and index as {@link walkSteps}.
 */
function walkAll(scan: PageScan, root: Document | ShadowRoot): void {
  scan.roots.push(root);
  for (let c = root.firstElementChild; c; c = c.nextElementSibling) visitAll(scan, c, 0, null, null);
}

function visitAll(
  scan: PageScan,
  el: Element,
  depth: number,
  rows: Element[][] | null,
  cells: Element[] | null,
): void {
  if (scan.count >= MAX_ELEMENTS) return;
  if (isOwnOverlay(el, depth) || isHiddenElement(el, scan.computesStyles)) return;
  const tag = el.tagName;
  const kind = kindOf(tag);
  indexElement(scan, el, tag, kind, rows, cells);
  const childRows = childContext.rows;
  const childCells = childContext.cells;
  if (depth < MAX_DEPTH) {
    // Sibling pointers: cheaper than materialising `children` in some DOM implementations.
    for (let c = el.firstElementChild; c; c = c.nextElementSibling)
      visitAll(scan, c, depth + 1, childRows, childCells);
  }
  const shadow = shadowOf(el, kind);
  if (shadow) walkAll(scan, shadow);
  const frame = frameDocument(el, kind);
  if (frame) walkAll(scan, frame);
}

function pushRoot(st: WalkStack, root: Document | ShadowRoot): void {
  st.nodes.push(root);
  st.depths.push(-1);
  st.rowsOf.push(null);
  st.cellsOf.push(null);
}

function emptyScan(doc: Document): PageScan {
  return {
    roots: [],
    memo: new Map(),
    byTag: new Map(),
    withRole: [],
    count: 0,
    tableRows: new Map(),
    computesStyles: doc.documentElement ? computesStyles(doc.documentElement) : false,
  };
}

/** The page's element index (cached within a scan session). */
export function scanPage(doc: Document): PageScan {
  const cached = sessions.get(doc);
  if (cached) return cached;
  const scan = emptyScan(doc);
  walkAll(scan, doc);
  if (sessions.has(doc)) sessions.set(doc, scan);
  return scan;
}

/**
 * {@link scanPage} with pause points when a sliced read drives it (a huge page is walked in
 * pieces); otherwise the faster one-go walk. Same index either way.
 */
export function* scanPageSteps(doc: Document): Steps<PageScan> {
  const cached = sessions.get(doc);
  if (cached) return cached;
  if (!slicing) return scanPage(doc);
  const scan = emptyScan(doc);
  yield* walkSteps(scan, doc);
  if (sessions.has(doc)) sessions.set(doc, scan);
  return scan;
}

/**
 * Opens a scan session for `doc` (scans cached until the returned close is called); a no-op
 * close when one is already open. For reads that span awaits. `reuse` is a scan of this page
 * still valid (live.ts: only cell texts changed since it was walked), used instead of a walk.
 */
export function openScanSession(doc: Document, reuse: PageScan | null = null): () => void {
  if (sessions.has(doc)) return () => {};
  sessions.set(doc, reuse);
  return () => {
    sessions.delete(doc);
  };
}

/** Runs `fn` with scans of `doc` cached (one walk for every reader that looks). */
export function withScanSession<T>(doc: Document, fn: () => T): T {
  const close = openScanSession(doc);
  try {
    return fn();
  } finally {
    close();
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
    if (stopAt?.(el) || isHiddenElement(el)) continue;
    if (keep(el)) out.push(el);
    const kids = el.children;
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i] as Element);
  }
  return out;
}
