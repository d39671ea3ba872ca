/**
 * The in-page chip's "hide on this site" choice, for the content script. Reads and writes the
 * same stored value as lib/storage.ts's `uiPrefsItem` (sync:uiPrefs) through the browser's
 * storage directly: the content script stays small (no full zod, no WXT storage item).
 */
import { browser } from 'wxt/browser';
import * as z from 'zod/mini';
import { DEFAULT_UI_PREFS, type UiPrefs, uiPrefsSchema } from '../schema/ui-prefs';

/** storage.sync key of `sync:uiPrefs`. */
const KEY = 'uiPrefs';

async function read(): Promise<UiPrefs> {
  const raw = (await browser.storage.sync.get(KEY))[KEY];
  const parsed = z.safeParse(uiPrefsSchema, raw);
  return parsed.success ? parsed.data : DEFAULT_UI_PREFS;
}

/** Whether the user hid the chip on pages of this host. */
export async function isChipDismissed(host: string): Promise<boolean> {
  return (await read()).chipDismissedHosts.includes(host);
}

/** Hides the chip on pages of this host (the options page can bring it back). */
export async function dismissChip(host: string): Promise<void> {
  const prefs = await read();
  if (prefs.chipDismissedHosts.includes(host)) return;
  const next: UiPrefs = { ...prefs, chipDismissedHosts: [...prefs.chipDismissedHosts, host].slice(-500) };
  await browser.storage.sync.set({ [KEY]: next });
}
