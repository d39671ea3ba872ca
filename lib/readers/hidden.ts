/**
 * Hidden elements are never read: a page must not feed the plan through a table the user
 * cannot see (a `display:none` table on any supported site once replaced every tab's VIX
 * curve). The page walk (scan.ts) skips an element and its whole subtree when this says so.
 *
 * Checked on every element, cheapest first: the `hidden` attribute, `aria-hidden="true"`,
 * an inline `display:none` / `visibility:hidden|collapse`, then, where the DOM computes styles
 * natively (CSS Typed OM, `computedStyleMap`: Chromium), the computed display and visibility,
 * which also cover stylesheet rules. Elsewhere (Firefox, happy-dom in unit tests) the
 * attribute and inline-style checks apply. `<head>` and its children are page furniture
 * (the title names the symbol), not rendered content: exempt.
 *
 * The computed check runs on every element of the page walk, so in Chromium it first asks
 * `checkVisibility` (one native call, no objects made): true means the element has a box
 * (display is not none) and its visibility is `visible`, i.e. the computed check would say
 * "shown". Only when it says false (hidden, or a box-less element such as a display:contents
 * wrapper or a closed select's option) is the computed style read.
 */

const INLINE_HIDDEN =
  /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*(?:hidden|collapse))\s*(?:!important\s*)?(?:;|$)/i;

type StyleMap = { get(property: string): unknown };

/** Visibility checked too (Chromium ≥ 121 names it visibilityProperty, 105–120 checkVisibilityCSS). */
const CHECK_VISIBILITY = { visibilityProperty: true, checkVisibilityCSS: true };

/**
 * True when the DOM `el` lives in computes styles natively (CSS Typed OM: Chromium). The same
 * for every element of a page, so a page walk asks once (see {@link isHiddenElement}).
 */
export function computesStyles(el: Element): boolean {
  return typeof (el as Element & { computedStyleMap?: unknown }).computedStyleMap === 'function';
}

/**
 * True when `el` (and so its subtree) is hidden from the user and must not be read. `native`
 * is {@link computesStyles} of the page, when the caller (the page walk) already knows it.
 */
export function isHiddenElement(el: Element, native = computesStyles(el)): boolean {
  // Most elements of a chain (cells, rows) carry no attribute at all: without computed styles
  // nothing else can hide them, so the page walk asks no more of them.
  const attributes = el.hasAttributes();
  if (!attributes && !native) return false;
  if (el.tagName === 'HEAD' || el.parentElement?.tagName === 'HEAD') return false;
  if (attributes) {
    if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return true;
    const inline = el.getAttribute('style');
    if (inline && INLINE_HIDDEN.test(inline)) return true;
  }
  if (!native) return false;
  // Called as a method (calling it through a detached reference costs half as much again).
  const box = el as Element & { checkVisibility?: (o: object) => boolean };
  try {
    if (typeof box.checkVisibility === 'function' && box.checkVisibility(CHECK_VISIBILITY)) return false;
  } catch {
    // Fall through to the computed style.
  }
  try {
    const map = (el as Element & { computedStyleMap: () => StyleMap }).computedStyleMap();
    const display = String(map.get('display'));
    const visibility = String(map.get('visibility'));
    return display === 'none' || visibility === 'hidden' || visibility === 'collapse';
  } catch {
    return false;
  }
}
