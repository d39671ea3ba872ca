/**
 * The tab states as the background last wrote them, kept in memory. The background is their
 * only writer (lib/schema/tab-state.ts), so what it wrote is what session storage holds: a
 * live page's read then costs no storage read and no schema check of the whole stored state.
 * Before, a 2,000-row page streaming one change a second had the service worker read its own
 * state back and check it twice per read: about a third of the worker's CPU per read in its
 * CPU profile. Storage is read, and parsed with zod, only for a tab not written since this
 * service worker started.
 */
import type { TabState } from '../schema/tab-state';
import { tabStateItem } from '../storage';

const written = new Map<number, TabState | null>();

/** The tab's state: as last written by this service worker, else read (and checked) from storage. */
export async function readTabState(tabId: number): Promise<TabState | null> {
  if (written.has(tabId)) return written.get(tabId) ?? null;
  return tabStateItem(tabId).get();
}

/**
 * Writes the tab's state (checked against its schema by the item) and remembers what was
 * written. A failed write forgets the tab, so the next read asks storage what it holds.
 */
export async function writeTabState(tabId: number, state: TabState): Promise<void> {
  try {
    written.set(tabId, await tabStateItem(tabId).set(state));
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
