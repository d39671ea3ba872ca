import preact from '@preact/preset-vite';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest(), preact()],
  test: {
    // Engine tests run in node; reader and component tests opt in with
    // `// @vitest-environment happy-dom` at the top of the file.
    environment: 'node',
    include: ['tests/**/*.test.{ts,tsx}'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    server: { deps: { inline: ['zustand'] } }, // zustand imports 'react'; inline so the preact/compat alias applies
    testTimeout: 30_000,
    setupFiles: ['tests/support/fast-check-seed.ts'],
  },
});
