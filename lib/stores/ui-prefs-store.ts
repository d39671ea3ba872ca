/**
 * The surfaces' own preferences (lib/schema/ui-prefs.ts) for the options page: what the
 * toolbar button opens, and the sites where the chip was dismissed. Storage is the truth;
 * this store hydrates from it and follows changes.
 */
import { createStore } from 'zustand/vanilla';
import { DEFAULT_UI_PREFS, type UiPrefs } from '../schema/ui-prefs';
import { uiPrefsItem } from '../storage';

export interface UiPrefsState {
  prefs: UiPrefs;
  error: string | null;
  load(): Promise<void>;
  setToolbarOpens(mode: UiPrefs['toolbarOpens']): Promise<void>;
  /** Shows the chip again on a site where it was dismissed. */
  undismissHost(host: string): Promise<void>;
  dispose(): void;
}

export function createUiPrefsStore() {
  let unwatch: (() => void) | null = null;
  return createStore<UiPrefsState>()((set, get) => {
    const save = async (next: UiPrefs) => {
      try {
        await uiPrefsItem.set(next);
        set({ prefs: next, error: null });
      } catch {
        set({ error: 'That preference could not be saved.' });
      }
    };
    return {
      prefs: DEFAULT_UI_PREFS,
      error: null,
      async load() {
        unwatch ??= uiPrefsItem.watch((prefs) => set({ prefs }));
        set({ prefs: await uiPrefsItem.get() });
      },
      setToolbarOpens: (toolbarOpens) => save({ ...get().prefs, toolbarOpens }),
      undismissHost: (host) =>
        save({
          ...get().prefs,
          chipDismissedHosts: get().prefs.chipDismissedHosts.filter((h) => h !== host),
        }),
      dispose() {
        unwatch?.();
        unwatch = null;
      },
    };
  });
}
