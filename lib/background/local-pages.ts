/**
 * Local pages (http://127.0.0.1, http://localhost) are read only after the user grants the
 * optional host permission on the options page. A granted optional host gets no manifest
 * content script, so the background registers the supported sites' content script for these
 * hosts when the permission is there and removes it when it goes (checked at every start,
 * since the user can also revoke it in the browser's extension settings).
 */
import { browser } from 'wxt/browser';
import { BROKER_READER_SCRIPT } from '../content-script-paths';
import { LOCAL_PAGE_MATCHES } from '../permissions';

export const LOCAL_SCRIPT_ID = 'alvh-local-pages';

/** Registers or removes the local-pages content script to match the permission. */
export async function syncLocalPagesScript(): Promise<void> {
  const scripting = browser.scripting;
  if (!scripting?.registerContentScripts) return; // a browser without dynamic content scripts
  const granted = await browser.permissions.contains({ origins: [...LOCAL_PAGE_MATCHES] });
  const registered = await scripting.getRegisteredContentScripts({ ids: [LOCAL_SCRIPT_ID] });
  if (granted && registered.length === 0) {
    await scripting.registerContentScripts([
      {
        id: LOCAL_SCRIPT_ID,
        matches: [...LOCAL_PAGE_MATCHES],
        js: [BROKER_READER_SCRIPT.slice(1)],
        runAt: 'document_idle',
        persistAcrossSessions: true,
      },
    ]);
  } else if (!granted && registered.length > 0) {
    await scripting.unregisterContentScripts({ ids: [LOCAL_SCRIPT_ID] });
  }
}

/** Keeps the registration in step with the permission from now on. */
export function startLocalPages(): void {
  const sync = () => void syncLocalPagesScript().catch(() => {});
  sync();
  try {
    browser.permissions.onAdded.addListener(sync);
    browser.permissions.onRemoved.addListener(sync);
  } catch {
    // A browser (or test double) without permission events: checked at each start only.
  }
}
