import * as z from 'zod/mini';

/**
 * Preferences of the surfaces themselves (not the plan's method, which is `settings`): what
 * the toolbar button opens, and the sites where the in-page chip stays dismissed.
 * zod/mini: the content script reads the dismissed sites.
 */
export const uiPrefsSchema = z.object({
  /** The toolbar button opens the popup (quick view) or the side panel (the whole plan). */
  toolbarOpens: z.enum(['popup', 'side-panel']),
  /** Hosts (e.g. "finance.yahoo.com") where the user dismissed the chip of a page without a chain. */
  chipDismissedHosts: z.array(z.string().check(z.maxLength(253))).check(z.maxLength(500)),
});
export type UiPrefs = z.infer<typeof uiPrefsSchema>;

export const DEFAULT_UI_PREFS: UiPrefs = { toolbarOpens: 'popup', chipDismissedHosts: [] };
