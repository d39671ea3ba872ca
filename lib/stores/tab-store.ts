/**
 * One store per UI context (side panel, popup) holding the tab it shows: the background's
 * per-tab state (session storage `tab:<id>`), the plan read from it, and the settings the UI
 * needs (stale threshold). Hydrates from storage and watches it; writes nothing itself —
 * the few user actions go to the background as messages.
 */
import { createStore } from 'zustand/vanilla';
import type { Plan } from '../engine/plan-types';
import type { Settings } from '../engine/settings-types';
import type { VixCurveSnapshot } from '../engine/snapshot-types';
import { sendToBackground } from '../messaging';
import type { Reply } from '../schema/from-background';
import { DEFAULT_SETTINGS } from '../schema/settings';
import type { TabState } from '../schema/tab-state';
import { settingsItem, tabStateItem } from '../storage';
import { readPlan } from './plan-guard';
import { readSettingsFallback, type SettingsFallback } from './settings-fallback';

export interface TabView {
  tabId: number | null;
  /** False until the first read from storage finished. */
  loaded: boolean;
  tab: TabState | null;
  plan: Plan | null;
  /** Why the stored plan could not be shown (malformed), null otherwise. */
  planInvalid: string | null;
  settings: Settings;
  /** The stored settings failed their check: the plan uses the defaults (null when fine). */
  settingsFallback: SettingsFallback;
  /** Epoch ms, refreshed on a timer so freshness labels age without new data. */
  nowMs: number;
  /** Result of the last message sent (set-vix-curve…), for the UI to show. */
  lastReply: Reply | null;
}

export interface TabActions {
  /** Show this tab (drops the previous watch). */
  showTab(tabId: number): Promise<void>;
  setVixCurve(snapshot: VixCurveSnapshot): Promise<Reply>;
  clearVixCurve(): Promise<Reply>;
  recompute(): Promise<Reply>;
  /** Reads a page on a site without a reader (needs the activeTab grant of a toolbar click). */
  readThisTab(): Promise<Reply>;
  tick(nowMs: number): void;
  /** Stops every watch (page unload / tests). */
  dispose(): void;
}

export type TabStore = ReturnType<typeof createTabStore>;

export function createTabStore(nowMs: number = Date.now()) {
  let unwatchTab: (() => void) | null = null;
  let unwatchSettings: (() => void) | null = null;

  return createStore<TabView & TabActions>()((set, get) => {
    const applyTab = (tab: TabState | null) => {
      const read = readPlan(tab?.plan ?? null);
      set({ tab, plan: read.plan, planInvalid: read.error, loaded: true });
    };
    const send = async (msg: Parameters<typeof sendToBackground>[0]) => {
      const reply = await sendToBackground(msg).catch(
        (err: unknown): Reply => ({ ok: false, error: err instanceof Error ? err.message : String(err) }),
      );
      set({ lastReply: reply });
      return reply;
    };
    return {
      tabId: null,
      loaded: false,
      tab: null,
      plan: null,
      planInvalid: null,
      settings: DEFAULT_SETTINGS,
      settingsFallback: null,
      nowMs,
      lastReply: null,
      async showTab(tabId) {
        unwatchTab?.();
        set({ tabId, loaded: false, tab: null, plan: null, planInvalid: null });
        const item = tabStateItem(tabId);
        unwatchTab = item.watch((tab) => {
          if (get().tabId === tabId) applyTab(tab);
        });
        if (!unwatchSettings) {
          unwatchSettings = settingsItem.watch((settings) => {
            set({ settings });
            void readSettingsFallback().then((settingsFallback) => set({ settingsFallback }));
          });
          set({ settings: await settingsItem.get(), settingsFallback: await readSettingsFallback() });
        }
        const tab = await item.get();
        if (get().tabId === tabId) applyTab(tab);
      },
      setVixCurve: (snapshot) => send({ type: 'set-vix-curve', snapshot }),
      clearVixCurve: () => send({ type: 'clear-vix-curve' }),
      readThisTab: async () => {
        const { tabId } = get();
        if (tabId === null) return { ok: false, error: 'no tab selected' };
        return send({ type: 'read-this-tab', tabId });
      },
      recompute: async () => {
        const { tabId } = get();
        if (tabId === null) return { ok: false, error: 'no tab selected' };
        return send({ type: 'recompute', tabId });
      },
      tick: (now) => set({ nowMs: now }),
      dispose() {
        unwatchTab?.();
        unwatchSettings?.();
        unwatchTab = null;
        unwatchSettings = null;
      },
    };
  });
}
