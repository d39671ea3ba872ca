/**
 * What the toolbar button opens, as the user chose on the options page (ui prefs): the popup
 * (quick view, the default) or the side panel. The quick-view shortcut always opens the popup.
 * Chrome: the manifest declares the popup; side-panel mode removes it and lets the button open
 * the panel (setPanelBehavior). Firefox: side-panel mode removes the popup and opens the
 * sidebar from the button's click.
 */
import { browser } from 'wxt/browser';
import type { UiPrefs } from '../schema/ui-prefs';
import { uiPrefsItem } from '../storage';

const POPUP = 'popup.html';

interface PanelApis {
  sidePanel?: { setPanelBehavior(b: { openPanelOnActionClick: boolean }): Promise<void> };
  sidebarAction?: { open(): Promise<void> };
}

const apis = () => browser as unknown as PanelApis;

/** MV3 `action`, or MV2's `browserAction` (Firefox build). */
function action(): typeof browser.action | undefined {
  return browser.action ?? (browser as unknown as { browserAction?: typeof browser.action }).browserAction;
}

/** Applies one choice to the browser's action. */
export async function applyToolbarChoice(mode: UiPrefs['toolbarOpens']): Promise<void> {
  await action()?.setPopup({ popup: mode === 'popup' ? POPUP : '' });
  await apis()
    .sidePanel?.setPanelBehavior({ openPanelOnActionClick: mode === 'side-panel' })
    .catch(() => {});
}

/** Opens the popup from the shortcut, whatever the button opens. */
async function openQuickView(): Promise<void> {
  const mode = (await uiPrefsItem.get()).toolbarOpens;
  const a = action();
  if (!a) return;
  if (mode === 'popup') {
    await a.openPopup();
    return;
  }
  await a.setPopup({ popup: POPUP });
  try {
    await a.openPopup();
  } finally {
    await a.setPopup({ popup: '' });
  }
}

/** Wires the toolbar button and the quick-view shortcut to the stored choice. */
export function startToolbarAction(): void {
  // A browser without setPopup (or one that refuses it) keeps its default button: say so, don't reject.
  const apply = (mode: UiPrefs['toolbarOpens']): void =>
    void applyToolbarChoice(mode).catch((err: unknown) =>
      console.warn(
        `ALVH: toolbar button choice not applied (${err instanceof Error ? err.message : String(err)})`,
      ),
    );
  void uiPrefsItem.get().then((p) => apply(p.toolbarOpens));
  uiPrefsItem.watch((p) => apply(p.toolbarOpens));
  // Browsers (or test doubles) without the commands API simply have no shortcut.
  browser.commands?.onCommand?.addListener((command) => {
    if (command === 'quick-view') void openQuickView().catch(() => {});
  });
  // Firefox in side-panel mode: the button has no popup, so its click opens the sidebar.
  action()?.onClicked?.addListener(() => {
    void apis().sidebarAction?.open();
  });
}
