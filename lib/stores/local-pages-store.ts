/**
 * The options page's "Read pages served from this computer" switch: the optional host
 * permission for http://127.0.0.1 and http://localhost (lib/permissions.ts). Asking must
 * happen inside the user's click, so `grant` calls the browser before any await.
 */
import { browser } from 'wxt/browser';
import { createStore } from 'zustand/vanilla';
import { LOCAL_PAGE_MATCHES } from '../permissions';

export interface LocalPagesState {
  /** null until checked. */
  granted: boolean | null;
  message: string | null;
  load(): Promise<void>;
  grant(): Promise<void>;
  revoke(): Promise<void>;
}

const origins = () => [...LOCAL_PAGE_MATCHES];

export function createLocalPagesStore() {
  return createStore<LocalPagesState>()((set) => ({
    granted: null,
    message: null,
    async load() {
      try {
        set({ granted: await browser.permissions.contains({ origins: origins() }) });
      } catch (err) {
        set({
          granted: null,
          message: `Could not check the permission: ${err instanceof Error ? err.message : String(err)}`,
        });
      }
    },
    grant() {
      const asked = browser.permissions.request({ origins: origins() });
      return asked.then(
        (granted) =>
          set({
            granted,
            message: granted
              ? 'Granted: pages on 127.0.0.1 and localhost are read when you open them (reload pages already open).'
              : 'Not granted: pages served from this computer are not read.',
          }),
        (err: unknown) =>
          set({ message: `The browser refused: ${err instanceof Error ? err.message : String(err)}` }),
      );
    },
    async revoke() {
      const removed = await browser.permissions.remove({ origins: origins() });
      set({
        granted: !removed,
        message: removed ? 'Removed: pages served from this computer are no longer read.' : null,
      });
    },
  }));
}
