import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { HOST_PERMISSIONS } from './lib/permissions';

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
    action: { default_title: 'ALVH Overlay' },
  }),
  vite: () => ({ plugins: [preact()] }),
});
