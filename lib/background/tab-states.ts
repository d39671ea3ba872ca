/**
 * The tab states as the background last wrote them, kept in memory. The background is their
 * only writer (lib/schema/tab-state.ts), so what it wrote is what session storage holds: a
 * live page's read then costs no storage read and no schema check of the whole stored state.
 * Before, on a 2,000-row page streaming one change a second, the service worker read its own
 * ~1 MB state back from storage eight times per read (wxt reads an item's value twice each
 * time the item is defined: it was defined three times, then read twice) and checked it with
 * zod twice (tests/lib/background/hub.test.ts now counts no read). Storage is read, and
 * parsed with zod, only for a tab not written since this service worker started.
 */
import type { TabState } from '../schema/tab-state';
import { tabStateItem } from '../storage';

/** Each tab's state as this service worker last wrote it (shared: never changed in place). */
const written = new Map<number, TabState>();

/** The tab's state: as last written by this service worker, else read (and checked) from storage. */
export async function readTabState(tabId: number): Promise<TabState | null> {
  return written.get(tabId) ?? tabStateItem(tabId).get();
}

/**
 * Writes the tab's state (checked against its schema by the item) and remembers what was
 * written. A failed write forgets the tab, so the next read asks storage what it holds.
 */
export async function writeTabState(tabId: number, state: TabState): Promise<void> {
  try {
    const stored = await tabStateItem(tabId).set(state);
    if (stored) written.set(tabId, stored);
    else written.delete(tabId);
  } catch (err) {
    written.delete(tabId);
    throw err;
  }
}

/** Removes the tab's stored state. */
export async function removeTabState(tabId: number): Promise<void> {
  written.delete(tabId);
  await tabStateItem(tabId).remove();
}

/** Forgets every remembered state (a new hub start: storage is the truth again). */
export function forgetTabStates(): void {
  written.clear();
}
