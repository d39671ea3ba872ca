/**
 * The background's one job: keep the latest snapshots per tab, run the engine, publish the
 * plan. It is the only writer of tab state (session storage, so a service-worker restart
 * loses nothing) and the only place the engine runs in the extension.
 */
import { browser } from 'wxt/browser';
import type { ChainSnapshot, VixCurveSnapshot } from '../engine/snapshot-types';
import { onMessage, sendOverlay } from '../messaging';
import type { Message, Reply } from '../schema/messages';
import type { ReaderStatus, TabState } from '../schema/tab-state';
import {
  heldCondorItem,
  latestVixChainItem,
  latestVixCurveItem,
  manualVixCurveItem,
  settingsItem,
  tabStateItem,
} from '../storage';
import { compactForStorage } from './compact-chain';
import { computePlanForTab } from './compute-plan';
import { mergeChainSnapshots } from './merge-chain';

const OK: Reply = { ok: true };

/** Full chains by tab, in memory; session storage holds a compact copy (see compact-chain.ts). */
const fullChains = new Map<number, ChainSnapshot>();

function emptyState(tabId: number, url: string): TabState {
  return {
    tabId,
    url,
    status: { state: 'idle' },
    chain: null,
    vixCurve: null,
    plan: null,
    planError: null,
    updatedAt: new Date().toISOString(),
  };
}

/** The freshest VIX curve: read from a page, or entered by the user, whichever is newer. */
async function currentVixCurve(): Promise<VixCurveSnapshot | null> {
  const [read, manual] = await Promise.all([latestVixCurveItem.get(), manualVixCurveItem.get()]);
  if (!read) return manual;
  if (!manual) return read;
  return Date.parse(read.source.readAt) >= Date.parse(manual.source.readAt) ? read : manual;
}

/** Recomputes a tab's plan from what it holds, saves it and tells the tab's overlay. */
async function publish(state: TabState): Promise<void> {
  const settings = await settingsItem.get();
  const vixCurve = await currentVixCurve();
  const next: TabState = { ...state, vixCurve, updatedAt: new Date().toISOString() };
  const chain = fullChains.get(state.tabId) ?? state.chain;
  if (chain) {
    const result = await computePlanForTab(chain, vixCurve, settings, new Date());
    next.plan = 'plan' in result ? result.plan : null;
    next.planError = 'error' in result ? result.error : null;
  } else {
    next.plan = null;
    next.planError = null;
  }
  await tabStateItem(state.tabId).set({ ...next, chain: next.chain && compactForStorage(next.chain) });
  await sendOverlay(state.tabId, {
    type: 'overlay',
    enabled: settings.overlay.enabled,
    plan: next.plan,
    status: next.status,
  });
}

async function update(tabId: number, url: string, change: (s: TabState) => TabState): Promise<void> {
  const held = await tabStateItem(tabId).get();
  // A navigation to another page starts the tab over.
  const base = held && held.url === url ? held : emptyState(tabId, url);
  if (base !== held) fullChains.delete(tabId);
  await publish(change(base));
}

async function onChain(tabId: number, url: string, chain: ChainSnapshot): Promise<void> {
  const settings = await settingsItem.get();
  const freshMs = settings.data.staleAfterMinutes * 60_000;
  const rows = chain.expiries.reduce((n, e) => n + e.rows.length, 0);
  await update(tabId, url, (s) => {
    const merged = mergeChainSnapshots(fullChains.get(tabId) ?? s.chain, chain, Date.now(), freshMs);
    fullChains.set(tabId, merged);
    return {
      ...s,
      chain: merged,
      status: { state: 'read', rows, reader: chain.source.reader } satisfies ReaderStatus,
    };
  });
  // A VIX option chain also prices every SPX tab's Layer 2 calls.
  if (/^\^?VIX$/i.test(chain.underlying.symbol)) {
    await latestVixChainItem.set(chain);
    await republishAll();
  }
}

async function onVixCurve(tabId: number, url: string, curve: VixCurveSnapshot): Promise<void> {
  await latestVixCurveItem.set(curve);
  await update(tabId, url, (s) => ({
    ...s,
    status: { state: 'read', rows: curve.futures.length, reader: curve.source.reader },
  }));
  await republishAll();
}

/**
 * Injects the generic reader into one tab. Works only after the user invoked the extension
 * on that tab (activeTab); otherwise the browser refuses and we say so.
 */
async function injectGenericReader(tabId: number): Promise<Reply> {
  try {
    await browser.scripting.executeScript({ target: { tabId }, files: ['/content-scripts/generic.js'] });
    return OK;
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    return {
      ok: false,
      error: `Could not read this tab (${why}). Click the ALVH toolbar button on that page first.`,
    };
  }
}

/** Every tab we hold state for (session storage keys `tab:<id>`). */
async function heldTabIds(): Promise<number[]> {
  const all = await browser.storage.session.get(null);
  return Object.keys(all)
    .map((k) => /^tab:(\d+)$/.exec(k)?.[1])
    .filter((id): id is string => id !== undefined)
    .map(Number);
}

async function republishAll(): Promise<void> {
  for (const id of await heldTabIds()) {
    const s = await tabStateItem(id).get();
    if (s) await publish(s);
  }
}

async function handle(
  message: Message,
  sender: { tabId: number | null; url: string | null },
): Promise<Reply> {
  const tabId = sender.tabId;
  switch (message.type) {
    case 'hello':
    case 'reading':
      if (tabId === null) return { ok: false, error: 'content message without a tab' };
      await update(tabId, message.url, (s) =>
        message.type === 'reading' && s.status.state === 'idle' ? { ...s, status: { state: 'reading' } } : s,
      );
      return OK;
    case 'snapshot':
      if (tabId === null) return { ok: false, error: 'content message without a tab' };
      if (message.snapshot.kind === 'vix-curve') await onVixCurve(tabId, message.url, message.snapshot);
      else await onChain(tabId, message.url, message.snapshot);
      return OK;
    case 'read-failed':
      if (tabId === null) return { ok: false, error: 'content message without a tab' };
      // The last good chain stays: a failed re-read never wipes what was read before.
      await update(tabId, message.url, (s) => ({
        ...s,
        status: { state: 'failed', failure: message.failure, reader: message.reader },
      }));
      return OK;
    case 'set-vix-curve':
      await manualVixCurveItem.set(message.snapshot);
      await republishAll();
      return OK;
    case 'clear-vix-curve':
      await manualVixCurveItem.set(null);
      await republishAll();
      return OK;
    case 'read-this-tab':
      return injectGenericReader(message.tabId);
    case 'recompute': {
      const s = await tabStateItem(message.tabId).get();
      if (s) await publish(s);
      return OK;
    }
  }
}

/** Opens the popup from the keyboard shortcut (Chrome has no popup on the toolbar button). */
async function openQuickView(): Promise<void> {
  if (!browser.sidePanel) return; // Firefox: the shortcut's popup is the button's own
  await browser.action.setPopup({ popup: 'popup.html' });
  try {
    await browser.action.openPopup();
  } finally {
    await browser.action.setPopup({ popup: '' });
  }
}

/** Wires the hub: messages, settings changes, closed tabs, the toolbar action. */
export function startHub(): void {
  onMessage(handle);
  settingsItem.watch(() => void republishAll());
  heldCondorItem.watch(() => void republishAll());
  browser.tabs.onRemoved.addListener((tabId) => {
    fullChains.delete(tabId);
    void tabStateItem(tabId).remove();
  });
  // Browsers (or test doubles) without the commands API simply have no shortcut.
  browser.commands?.onCommand?.addListener((command) => {
    if (command === 'quick-view') void openQuickView();
  });
  // Chrome: the toolbar button opens the side panel. (Firefox uses sidebar_action instead;
  // a browser without the API just has no panel behaviour to set.)
  try {
    browser.sidePanel?.setPanelBehavior({ openPanelOnActionClick: true }).catch(() => {});
  } catch {
    // no sidePanel API here
  }
}
