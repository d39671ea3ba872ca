import type { Worker } from '@playwright/test';
import type { TabState } from '../../../lib/schema/tab-state';
import { expect } from '../fixtures';

/** The tab state the background holds (session storage `tab:<id>`), once `ready` says so. */
export async function heldState(
  sw: Worker,
  tabId: number,
  ready: (s: TabState) => boolean,
): Promise<TabState> {
  let state: TabState | null = null;
  await expect
    .poll(
      async () => {
        state = await sw.evaluate(
          async (key) => ((await chrome.storage.session.get(key))[key] as TabState | undefined) ?? null,
          `tab:${tabId}`,
        );
        return state !== null && ready(state);
      },
      { timeout: 20_000 },
    )
    .toBe(true);
  if (!state) throw new Error('no tab state');
  return state;
}
