/**
 * Which browser tab a side panel or popup shows: `?tabId=N` in its URL wins (tests open the
 * panel as a tab); otherwise the active tab of its window, followed as the user switches tabs.
 */
import { browser } from 'wxt/browser';

/** Parses `?tabId=N` (a non-negative integer) from a location search string. */
export function tabIdFromSearch(search: string): number | null {
  const raw = new URLSearchParams(search).get('tabId');
  if (raw === null || !/^\d+$/.test(raw)) return null;
  return Number(raw);
}

/**
 * Calls `cb` with the tab to show now and whenever the active tab of this window changes
 * (not when an override is given). Returns a function that stops following.
 */
export function followActiveTab(search: string, cb: (tabId: number) => void): () => void {
  const fixed = tabIdFromSearch(search);
  if (fixed !== null) {
    cb(fixed);
    return () => {};
  }
  let windowId: number | undefined;
  void browser.tabs.query({ active: true, currentWindow: true }).then(([tab]) => {
    windowId = tab?.windowId;
    if (tab?.id !== undefined) cb(tab.id);
  });
  const onActivated = (info: { tabId: number; windowId: number }) => {
    if (windowId === undefined || info.windowId === windowId) cb(info.tabId);
  };
  browser.tabs.onActivated.addListener(onActivated);
  return () => browser.tabs.onActivated.removeListener(onActivated);
}

/** Opens the side panel for the current window; must run inside a click handler (user gesture). */
export async function openSidePanel(): Promise<void> {
  const api = browser as unknown as {
    sidePanel?: { open(o: { windowId: number }): Promise<void> };
    sidebarAction?: { open(): Promise<void> };
  };
  if (api.sidePanel) {
    const win = await browser.windows.getCurrent();
    if (win.id === undefined) throw new Error('no current window');
    await api.sidePanel.open({ windowId: win.id });
    return;
  }
  if (api.sidebarAction) {
    await api.sidebarAction.open();
    return;
  }
  throw new Error('this browser has no side panel API');
}
