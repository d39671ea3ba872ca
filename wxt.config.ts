import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { HOST_PERMISSIONS, OPTIONAL_HOST_PERMISSIONS } from './lib/permissions';

/** The Firefox add-on id (tests/firefox reads it from the built manifest). */
const FIREFOX_ADDON_ID = 'alvh-overlay@alvh-overlay';

// Manifest permissions are listed (and justified) in lib/permissions.ts and README.md;
// tests/e2e/manifest.spec.ts checks that the built manifests match that list.
export default defineConfig({
  manifest: ({ browser }) => ({
    name: 'ALVH Overlay',
    description:
      'Reads SPX option chains and the VIX curve from the page and shows an ALVH condor/hedge plan. Information, not financial advice.',
    permissions:
      browser === 'firefox'
        ? ['storage', 'activeTab', 'scripting']
        : ['storage', 'activeTab', 'scripting', 'sidePanel'],
    host_permissions: [...HOST_PERMISSIONS],
    // Local pages: granted by the user on the options page (lib/background/local-pages.ts).
    optional_host_permissions: [...OPTIONAL_HOST_PERMISSIONS],
    // Firefox MV2 has no optional_host_permissions: optional hosts go in optional_permissions.
    ...(browser === 'firefox' && { optional_permissions: [...OPTIONAL_HOST_PERMISSIONS] }),
    // The popup is the toolbar button's default; the options page can make the button open the
    // side panel instead (lib/background/toolbar-action.ts).
    action: { default_title: 'ALVH Overlay' },
    // Firefox: an explicit add-on id (storage.sync refuses temporary ids, and the store wants
    // one) and the declaration that the add-on collects and transmits no data.
    ...(browser === 'firefox' && {
      browser_specific_settings: {
        gecko: { id: FIREFOX_ADDON_ID, data_collection_permissions: { required: ['none'] } },
      },
    }),
    commands: {
      'quick-view': {
        suggested_key: { default: 'Alt+Shift+A' },
        description: 'Open the ALVH quick view (break-evens, calculator)',
      },
    },
  }),
  vite: () => ({
    plugins: [preact()],
    // Inline imported constants (limits, flags, strings) at their uses: the content script's gzipped
    // size has a budget (README, `npm run bench`), and this takes nothing from how the code reads.
    build: { rolldownOptions: { optimization: { inlineConst: { mode: 'all' } } } },
  }),
});
