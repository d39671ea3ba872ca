/**
 * Playwright fixtures: the built extension (.output/chrome-mv3) in a persistent Chromium
 * context (new headless mode), a static server for the pages under tests/, and helpers to
 * open extension pages, find a page's tab id and keep screenshots as test artifacts.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type BrowserContext, test as base, chromium, type Page, type Worker } from '@playwright/test';
import { DEMO_ROUTES } from '../demo/demo-routes';
import { chromiumArgs } from '../support/find-browser';
import { grantedLocalPagesBuild } from '../support/granted-build';
import { type StaticServer, startStaticServer } from '../support/static-server';
import { bigChainPage } from './pages/big-chain';

/** The production build, as built. */
export const productionBuildPath = path.resolve('.output/chrome-mv3');
/** The production build with "read pages served from this computer" granted (see granted-build.ts). */
export const extensionPath = `${productionBuildPath}-local-granted`;

interface TestFixtures {
  context: BrowserContext;
  serviceWorker: Worker;
  extensionId: string;
  /** Opens chrome-extension://ID/<file> (e.g. 'sidepanel.html?tabId=3') in a new tab. */
  openExtensionPage: (file: string) => Promise<Page>;
  /** The browser tab id of a page (as the extension sees it), found by its URL. */
  tabIdOf: (page: Page) => Promise<number>;
  /** Saves a PNG under test-results/screenshots/ and attaches it to the report. */
  keepScreenshot: (page: Page, name: string) => Promise<string>;
}

interface WorkerFixtures {
  /** Origin of the static server serving tests/ (e.g. `${site}/e2e/pages/chain.html`). */
  site: string;
}

export const test = base.extend<TestFixtures, WorkerFixtures>({
  site: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright requires an object pattern here
    async ({}, use) => {
      const server: StaticServer = await startStaticServer(path.resolve('tests'), {
        ...DEMO_ROUTES,
        '/e2e/generated/chain-20000.html': () => bigChainPage(20_000, false),
        '/e2e/generated/chain-2000-live.html': () => bigChainPage(2_000, true),
      });
      await use(server.origin);
      await server.close();
    },
    { scope: 'worker' },
  ],
  // biome-ignore lint/correctness/noEmptyPattern: Playwright requires an object pattern here
  context: async ({}, use) => {
    if (!fs.existsSync(path.join(productionBuildPath, 'manifest.json')))
      throw new Error('No built extension: run `npm run build` first (npm test and npm run e2e do).');
    grantedLocalPagesBuild(productionBuildPath);
    const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'alvh-e2e-'));
    const context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      headless: true,
      viewport: { width: 1280, height: 900 },
      args: chromiumArgs(extensionPath),
    });
    // Local pages are read once the background has registered their content script (it does
    // so at start when the permission is granted, lib/background/local-pages.ts).
    const sw = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    await expect
      .poll(
        () =>
          sw.evaluate(async () => (await chrome.scripting.getRegisteredContentScripts()).map((s) => s.id)),
        {
          timeout: 10_000,
        },
      )
      .toContain('alvh-local-pages');

    await use(context);
    await context.close();
    fs.rmSync(userDataDir, { recursive: true, force: true });
  },
  serviceWorker: async ({ context }, use) => {
    let [sw] = context.serviceWorkers();
    sw ??= await context.waitForEvent('serviceworker');
    await use(sw);
  },
  extensionId: async ({ serviceWorker }, use) => {
    await use(new URL(serviceWorker.url()).host);
  },
  openExtensionPage: async ({ context, extensionId }, use) => {
    await use(async (file) => {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/${file}`);
      return page;
    });
  },
  tabIdOf: async ({ serviceWorker }, use) => {
    await use(async (page) => {
      const url = page.url();
      const id = await serviceWorker.evaluate(async (u) => {
        const tabs = await chrome.tabs.query({});
        return tabs.find((t) => t.url === u)?.id ?? null;
      }, url);
      if (id === null) throw new Error(`no tab found for ${url}`);
      return id;
    });
  },
  // biome-ignore lint/correctness/noEmptyPattern: Playwright requires an object pattern here
  keepScreenshot: async ({}, use, testInfo) => {
    await use(async (page, name) => {
      const dir = path.resolve('test-results', 'screenshots');
      fs.mkdirSync(dir, { recursive: true });
      const file = path.join(dir, `${name}.png`);
      await page.screenshot({ path: file, fullPage: true });
      await testInfo.attach(name, { path: file, contentType: 'image/png' });
      return file;
    });
  },
});

export const expect = test.expect;
