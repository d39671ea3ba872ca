/**
 * `npm run demo`: builds the extension, serves the bundled demo pages (an SPX chain on
 * "Demo Broker", a VIX futures page and a VIX options page, dated today), opens Chromium with the extension
 * loaded, and shows the plan. With a display it leaves the window open; headless (no
 * DISPLAY) it writes screenshots of the page with its overlay, the side panel, the popup
 * and the options page into demo-output/ and prints where they are; with `--readme` it also
 * copies them to docs/readme/, the images the README shows.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { chromiumArgs, findBrowser } from '../support/find-browser';
import { grantedLocalPagesBuild } from '../support/granted-build';
import { startStaticServer } from '../support/static-server';
import { DEMO_ROUTES, DEMO_VIX_PAGES, routeDemoVixPages } from './demo-routes';

const OUT = path.resolve('demo-output');
const extensionPath = path.resolve('.output/chrome-mv3');
const headless = !process.env.DISPLAY;

const build = spawnSync('npx', ['wxt', 'build'], { stdio: 'inherit' });
if (build.status !== 0) throw new Error('wxt build failed');

const executablePath = await findBrowser();
const server = await startStaticServer(path.resolve('tests'), DEMO_ROUTES);
const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'alvh-demo-'));
const context = await chromium.launchPersistentContext(userDataDir, {
  executablePath,
  headless,
  viewport: { width: 1400, height: 900 },
  // The demo pages are served from this computer: granted, as on the options page.
  args: chromiumArgs(grantedLocalPagesBuild(extensionPath)),
});
let [sw] = context.serviceWorkers();
sw ??= await context.waitForEvent('serviceworker');
const extensionId = new URL(sw.url()).host;

async function tabIdOf(page: Page): Promise<number> {
  const url = page.url();
  const id = await sw?.evaluate(
    async (u) => (await chrome.tabs.query({})).find((t) => t.url === u)?.id ?? null,
    url,
  );
  if (typeof id !== 'number') throw new Error(`no tab for ${url}`);
  return id;
}

// The VIX pages first, so the SPX page's plan has a curve and VIX calls for Layer 2. VIX
// inputs come only from VIX pages: the demo's are served at the Cboe VIX addresses.
await routeDemoVixPages(context);
for (const url of [DEMO_VIX_PAGES.futures, DEMO_VIX_PAGES.options]) {
  const tab = await context.newPage();
  await tab.goto(url);
  await tab.waitForTimeout(1_500);
}
const chainPage = await context.newPage();
await chainPage.goto(`${server.origin}/demo/spx-chain.html`);
await chainPage.locator('[data-alvh-overlay]').first().waitFor({ state: 'attached', timeout: 20_000 });
await chainPage.waitForTimeout(1_500);
const tabId = await tabIdOf(chainPage);

if (headless) {
  fs.mkdirSync(OUT, { recursive: true });
  const shots: string[] = [];
  const shoot = async (page: Page, name: string, fullPage = false) => {
    const file = path.join(OUT, name);
    await page.screenshot({ path: file, fullPage });
    shots.push(file);
  };
  // Scroll to where the suggested short put sits, so the badges are in view.
  await chainPage.evaluate(() => {
    const badge = document.querySelector('[data-alvh-overlay]');
    const target = badge?.shadowRoot?.querySelector('[data-alvh-badge]');
    target?.scrollIntoView({ block: 'center' });
  });
  await chainPage.waitForTimeout(500);
  await shoot(chainPage, 'page-with-overlay.png');
  const panel = await context.newPage();
  await panel.setViewportSize({ width: 420, height: 1000 });
  await panel.goto(`chrome-extension://${extensionId}/sidepanel.html?tabId=${tabId}`);
  await panel.waitForTimeout(2_000);
  await shoot(panel, 'side-panel.png', true);
  const popup = await context.newPage();
  await popup.setViewportSize({ width: 380, height: 640 });
  await popup.goto(`chrome-extension://${extensionId}/popup.html?tabId=${tabId}`);
  await popup.waitForTimeout(1_000);
  await shoot(popup, 'popup.png', true);
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await options.waitForTimeout(1_000);
  await shoot(options, 'options.png', true);
  await context.close();
  await server.close();
  fs.rmSync(userDataDir, { recursive: true, force: true });
  console.log('\nDemo screenshots:');
  for (const s of shots) console.log(`  ${path.relative(process.cwd(), s)}`);
  // `npm run demo -- --readme` refreshes the README's images (committed under docs/readme/).
  if (process.argv.includes('--readme')) {
    const readmeDir = path.resolve('docs', 'readme');
    fs.mkdirSync(readmeDir, { recursive: true });
    for (const s of shots) fs.copyFileSync(s, path.join(readmeDir, path.basename(s)));
    console.log(`Copied to ${path.relative(process.cwd(), readmeDir)}/ for the README.`);
  }
} else {
  console.log(
    `Demo running: ${server.origin}/demo/spx-chain.html — click the ALVH toolbar button for the side panel.`,
  );
  console.log('Close the browser window (or press Ctrl+C) to end.');
  await new Promise<void>((resolve) => context.on('close', () => resolve()));
  await server.close();
}
