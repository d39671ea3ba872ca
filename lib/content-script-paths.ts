/**
 * Paths of the built content scripts. Typed as WXT's PublicPath, which WXT generates from
 * the entrypoints it builds (.wxt/types/paths.d.ts): renaming or removing an entrypoint
 * fails the typecheck here instead of failing at run time in the browser.
 */
import type { PublicPath } from 'wxt/browser';

/** entrypoints/generic.content: injected on demand (activeTab) into a tab without a reader. */
export const GENERIC_READER_SCRIPT = '/content-scripts/generic.js' satisfies PublicPath;
/** entrypoints/broker.content: the supported sites' reader (also registered for local pages). */
export const BROKER_READER_SCRIPT = '/content-scripts/broker.js' satisfies PublicPath;
