/**
 * Issue 12 in real Chromium, one test per attack: each reproduces what a hostile page (or a
 * heavy user) did and checks the defence. VIX pages are the demo's, served at the Cboe VIX
 * addresses by Playwright (nothing goes to Cboe).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Page, type Worker } from '@playwright/test';
import type { TabState } from '../../lib/schema/tab-state';
import { DEMO_VIX_PAGES, routeDemoVixPages } from '../demo/demo-routes';
import { chromiumArgs } from '../support/find-browser';
import { expect, productionBuildPath, test } from './fixtures';
import { DEMO_CHAIN_PAGE, openDemoChain } from './pages/demo-chain';
import { CBOE_QUOTE_TABLE_URL, POST_BIG_CBOE_PAYLOAD } from './pages/page-world-payload';
import { heldState } from './pages/tab-state';

const session = (sw: Worker, key: string) =>
  sw.evaluate(async (k) => (await chrome.storage.session.get(k))[k] ?? null, key);

/** A VIX futures table with absurd prices (0.50): what a hostile page would feed every tab. */
function poisonVixTable(style: string): string {
  const rows = ['2027-01-20', '2027-02-17', '2027-03-17']
    .map((d, i) => `<tr><td>VX/${'FGH'[i]}7</td><td>${d}</td><td>0.50</td><td>0.50</td></tr>`)
    .join('');
  return `<!doctype html><html><head><title>News</title><style>.quiet{display:none}</style></head><body>
<p>Nothing to see.</p><div ${style}><table><thead><tr><th>Symbol</th><th>Expiration</th><th>Last</th><th>Settle</th></tr></thead><tbody>${rows}</tbody></table></div></body></html>`;
}

async function servePage(page: Page, url: string, html: string): Promise<void> {
  await page.route(url, (r) => r.fulfill({ contentType: 'text/html', body: html }));
  await page.goto(url);
}

test('a VIX table on any other page, hidden or not, never becomes the shared VIX curve', async ({
  context,
  site,
  serviceWorker,
  tabIdOf,
  openExtensionPage,
}) => {
  await routeDemoVixPages(context);
  const cboe = await context.newPage();
  await cboe.goto(DEMO_VIX_PAGES.futures);
  await expect.poll(() => session(serviceWorker, 'latestVixCurve'), { timeout: 20_000 }).not.toBeNull();
  const futures = async () =>
    JSON.stringify(
      ((await session(serviceWorker, 'latestVixCurve')) as { futures: unknown } | null)?.futures,
    );
  const before = await futures();

  // Stylesheet-hidden (class rule), hidden attribute, and a visible table on another site.
  for (const [name, style] of [
    ['css', 'class="quiet"'],
    ['attr', 'hidden'],
    ['visible', ''],
  ] as const) {
    const page = await context.newPage();
    await servePage(page, `${site}/e2e/generated/poison-${name}.html`, poisonVixTable(style));
    const tabId = await tabIdOf(page);
    const state = await heldState(
      serviceWorker,
      tabId,
      (s) => s.status.state !== 'idle' && s.status.state !== 'reading',
    );
    if (name === 'visible') {
      // Read, kept in its own tab, and said so.
      expect(state.notices?.map((n) => n.kind)).toEqual(['vix-source']);
    } else {
      expect(state.status.state).toBe('failed');
    }
    await page.close();
  }
  expect(await futures()).toBe(before);

  // Where the curve is used, its source and time are shown.
  const chain = await context.newPage();
  await openDemoChain(chain, site);
  const tabId = await tabIdOf(chain);
  await heldState(serviceWorker, tabId, (s) => s.vixCurve !== null && s.plan !== null);
  const panel = await openExtensionPage(`sidepanel.html?tabId=${tabId}`);
  await expect(panel.getByTestId('source-card')).toContainText(/VIX curve.*from www\.cboe\.com/);
});

test('a chain whose symbol says VIX is every tab’s VIX chain only from the Cboe VIX options page', async ({
  context,
  site,
  serviceWorker,
  tabIdOf,
  openExtensionPage,
}) => {
  const local = await context.newPage();
  await local.goto(`${site}/demo/vix-options.html`);
  await heldState(serviceWorker, await tabIdOf(local), (s) => s.status.state === 'read');
  expect(await session(serviceWorker, 'latestVixChain')).toBeNull();
  await routeDemoVixPages(context);
  const cboe = await context.newPage();
  await cboe.goto(DEMO_VIX_PAGES.options);
  await expect.poll(() => session(serviceWorker, 'latestVixChain'), { timeout: 20_000 }).not.toBeNull();
  const chain = await context.newPage();
  await openDemoChain(chain, site);
  const tabId = await tabIdOf(chain);
  await heldState(serviceWorker, tabId, (s) => s.vixChain != null);
  const panel = await openExtensionPage(`sidepanel.html?tabId=${tabId}`);
  await expect(panel.getByTestId('source-card')).toContainText(/VIX options.*from www\.cboe\.com/);
});

test('page-world messages count only on the hosts where that script runs, in their own shape', async ({
  context,
  site,
  serviceWorker,
  tabIdOf,
}) => {
  const json = fs.readFileSync('tests/fixtures/readers/cboe/options-json.json', 'utf8');
  const post = (page: Page, kind: string) =>
    page.evaluate(
      ([k, j]) =>
        window.postMessage(
          { source: 'alvh-page-world', v: 1, kind: k, from: 'x', json: j },
          window.location.origin,
        ),
      [kind, json] as const,
    );
  // A local page posting a perfectly valid Cboe payload: nobody listens.
  const local = await context.newPage();
  await local.goto(`${site}/e2e/pages/not-a-chain.html`);
  const localId = await tabIdOf(local);
  await heldState(serviceWorker, localId, (s) => s.status.state === 'failed');
  await post(local, 'cboe-options-json');
  await local.waitForTimeout(1_500);
  expect((await heldState(serviceWorker, localId, () => true)).chain).toBeNull();
  // On Cboe: Barchart's shape is ignored, Cboe's own is read.
  const cboe = await context.newPage();
  await servePage(
    cboe,
    'https://www.cboe.com/delayed_quotes/spx/quote_table',
    '<html><body><p>loading…</p></body></html>',
  );
  const cboeId = await tabIdOf(cboe);
  await heldState(serviceWorker, cboeId, (s) => s.status.state === 'failed');
  await post(cboe, 'barchart-grid');
  await cboe.waitForTimeout(1_500);
  expect((await heldState(serviceWorker, cboeId, () => true)).chain).toBeNull();
  await post(cboe, 'cboe-options-json');
  const read = await heldState(serviceWorker, cboeId, (s) => s.chain !== null);
  expect(read.chain?.source.reader).toBe('cboe');
});

test('a 12 MB page-world payload is read whole, in slices', async ({ context, serviceWorker, tabIdOf }) => {
  // How long the page's longest task is beside JSON.parse alone is a bench figure
  // (tests/bench/browser.bench.ts, "12 MB page-world payload"); here: it is read at all.
  const page = await context.newPage();
  await servePage(page, CBOE_QUOTE_TABLE_URL, '<html><body><p>x</p></body></html>');
  const tabId = await tabIdOf(page);
  await heldState(serviceWorker, tabId, (s) => s.status.state === 'failed');
  const { chars } = (await page.evaluate(POST_BIG_CBOE_PAYLOAD)) as { chars: number };
  expect(chars).toBeGreaterThan(12_000_000);
  await expect
    .poll(async () => ((await session(serviceWorker, `tab:${tabId}`)) as TabState | null)?.status, {
      timeout: 90_000,
    })
    .toMatchObject({ state: 'read', reader: 'cboe', rows: 31_500 });
});

test('local pages: no standing access in the production build; read once granted', async ({ site }) => {
  // The production build as shipped: nobody granted "read pages served from this computer".
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'alvh-prod-'));
  const prod = await chromium.launchPersistentContext(dir, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: chromiumArgs(productionBuildPath),
  });
  try {
    const sw = prod.serviceWorkers()[0] ?? (await prod.waitForEvent('serviceworker'));
    const page = await prod.newPage();
    await page.goto(`${site}${DEMO_CHAIN_PAGE}`);
    await page.waitForTimeout(2_500);
    await expect(page.locator('[data-alvh-overlay]')).toHaveCount(0);
    expect(await sw.evaluate(() => chrome.permissions.contains({ origins: ['http://127.0.0.1/*'] }))).toBe(
      false,
    );
    expect(await sw.evaluate(async () => (await chrome.scripting.getRegisteredContentScripts()).length)).toBe(
      0,
    );
  } finally {
    await prod.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('storage full of other tabs: the least-recent are cleared and the new tab is read', async ({
  context,
  site,
  serviceWorker,
  tabIdOf,
}) => {
  // Two earlier tabs' big states fill storage.session (as two 20,000-row chains once did).
  await serviceWorker.evaluate(async () => {
    const filler = 'x'.repeat(4_500_000);
    await chrome.storage.session.set({ 'tab:900001': { updatedAt: '2026-01-01T00:00:00Z', filler } });
    await chrome.storage.session.set({ 'tab:900002': { updatedAt: '2026-01-02T00:00:00Z', filler } });
  });
  const page = await context.newPage();
  await openDemoChain(page, site);
  const state = await heldState(serviceWorker, await tabIdOf(page), (s) => s.plan !== null);
  expect(state.notices ?? []).toEqual([]);
  const cleared = (await session(serviceWorker, 'tab:900001')) as TabState | null;
  expect(cleared?.notices?.[0]?.detail).toMatch(/cleared to make room/);
});

test('storage that cannot be cleared: the failure shows in the side panel and the chip', async ({
  context,
  site,
  serviceWorker,
  tabIdOf,
  openExtensionPage,
}) => {
  // Something that is not a tab's state fills storage.session to the last few KB.
  await serviceWorker.evaluate(async () => {
    const quota = (chrome.storage.session as unknown as { QUOTA_BYTES: number }).QUOTA_BYTES;
    await chrome.storage.session.set({ other: 'x'.repeat(quota - 40_000) });
  });
  const page = await context.newPage();
  await openDemoChain(page, site);
  const tabId = await tabIdOf(page);
  const state = await heldState(serviceWorker, tabId, (s) =>
    (s.notices ?? []).some((n) => n.kind === 'storage'),
  );
  expect(state.notices?.[0]?.detail).toMatch(/refused to store/);
  await expect(page.locator('[data-alvh-overlay]')).toHaveCount(1);
  const chip = await page.evaluate(
    () =>
      document.querySelector('[data-alvh-overlay]')?.shadowRoot?.querySelector('[data-alvh-notice]')
        ?.textContent ?? '',
  );
  expect(chip).toMatch(/refused to store/);
  const panel = await openExtensionPage(`sidepanel.html?tabId=${tabId}`);
  await expect(panel.getByTestId('notice-storage')).toContainText(/refused to store/);
});

test('a tab past 200 merged expiries keeps reading; a refused read marks the plan stale', async ({
  context,
  site,
  serviceWorker,
  tabIdOf,
  openExtensionPage,
}) => {
  const page = await context.newPage();
  await openDemoChain(page, site);
  const tabId = await tabIdOf(page);
  const first = await heldState(serviceWorker, tabId, (s) => s.plan !== null);
  // 200 expiries already merged for this tab (a page that showed one expiry after another).
  await serviceWorker.evaluate(
    async ([key, s]) => {
      const held = s as TabState;
      const base = held.chain?.expiries[0];
      if (!held.chain || !base) throw new Error('no chain');
      const expiries = Array.from({ length: 200 }, (_, i) => ({
        ...base,
        rows: base.rows.slice(0, 3),
        expiry: new Date(Date.UTC(2030, 0, 1 + i)).toISOString().slice(0, 10),
      }));
      await chrome.storage.session.set({ [key as string]: { ...held, chain: { ...held.chain, expiries } } });
    },
    [`tab:${tabId}`, first] as const,
  );
  // A worker restart: the merged chain comes back from storage (the memory copy is gone).
  const cdp = await context.newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await openExtensionPage(`sidepanel.html?tabId=${tabId}`);
  const sw = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  // The page's quotes change: the read must still be taken.
  await page.evaluate(() => {
    const td = document.querySelector('table.chain tbody tr td');
    if (td) td.textContent = (Number(td.textContent) + 0.05).toFixed(2);
  });
  const after = await heldState(
    sw,
    tabId,
    (s) =>
      (s.chain?.expiries.length ?? 0) === 200 &&
      s.updatedAt !== first.updatedAt &&
      s.chain?.expiries[0]?.expiry !== '2030-01-01',
  );
  expect(after.notices ?? []).toEqual([]);
  expect(after.chain?.expiries.some((e) => first.chain?.expiries.some((f) => f.expiry === e.expiry))).toBe(
    true,
  );
  // A read the background refuses (the page's own address grew past 4,000 characters).
  await page.evaluate(() => {
    history.pushState({}, '', `${location.pathname}?q=${'a'.repeat(4_100)}`);
    const td = document.querySelector('table.chain tbody tr td');
    if (td) td.textContent = (Number(td.textContent) + 0.05).toFixed(2);
  });
  await heldState(sw, tabId, (s) => (s.notices ?? []).some((n) => n.kind === 'stale'));
  const panel = await openExtensionPage(`sidepanel.html?tabId=${tabId}`);
  await expect(panel.getByTestId('notice-stale')).toContainText(/Plan is stale/);
});
