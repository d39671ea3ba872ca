import { defineConfig } from '@playwright/test';

// Service workers' own requests reach context.on('request') too (the no-network test counts them).
process.env.PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS = '1';

// One worker: each test launches its own Chromium with the extension, and these machines
// have 2 cores. Screenshots land in test-results/screenshots/ (kept as test artifacts).
export default defineConfig({
  testDir: './tests/e2e',
  testMatch: '**/*.spec.ts',
  globalSetup: './tests/e2e/global-setup.ts',
  timeout: 60_000,
  workers: 1,
  retries: 0,
  reporter: 'list',
});
