/**
 * Issue 6's promises in real Chromium with the built extension, on the bundled demo chain
 * page: overlay badges sit on the right rows; the side panel shows the Layer 1 strikes the
 * engine computes for that chain (computed here, in Node, from the snapshot the background
 * holds); the popup's break-evens match; a risk limit changed in the options page changes
 * the contracts in an open side panel; an invalid limit is refused with its message; an
 * imported VIX curve turns Layer 2 on; a page without a chain shows the reader's reason.
 * Every test keeps a screenshot under test-results/screenshots/.
 */
import fs from 'node:fs';
import type { Page } from '@playwright/test';
import { plan } from '../../lib/engine';
import { builtinCalendar } from '../../lib/engine/events/builtin-calendar';
import type { Plan } from '../../lib/engine/plan-types';
import type { Settings } from '../../lib/engine/settings-types';
import { DEFAULT_SETTINGS } from '../../lib/schema/settings';
import type { TabState } from '../../lib/schema/tab-state';
import { expect, test } from './fixtures';
import { openDemoChain } from './pages/demo-chain';
import { heldState } from './pages/tab-state';

/** The plan the engine makes for the held chain, at the plan's own time (independent of the UI). */
function expectedPlan(state: TabState, settings: Settings, asOf: string): Plan {
  if (!state.chain) throw new Error('no chain held');
  return plan(
    {
      chain: state.chain,
      vixCurve: state.vixCurve,
      vixChain: null,
      history: [],
      calendar: builtinCalendar(),
      held: null,
    },
    settings,
    asOf,
  );
}

const hasPlan = (s: TabState) => s.plan !== null || s.planError !== null;
const fmt = (x: number) => x.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** A viewport screenshot (the badges in view), kept and attached like keepScreenshot's. */
async function keepViewport(page: Page, name: string): Promise<void> {
  const file = `test-results/screenshots/${name}.png`;
  fs.mkdirSync('test-results/screenshots', { recursive: true });
  await page.screenshot({ path: file });
  await test.info().attach(name, { path: file, contentType: 'image/png' });
}

test('overlay badges sit on the rows of the strikes the engine picks, and the side panel shows them', async ({
  context,
  site,
  tabIdOf,
  serviceWorker,
  openExtensionPage,
  keepScreenshot,
}) => {
  const page = await context.newPage();
  await openDemoChain(page, site);
  const tabId = await tabIdOf(page);
  const state = await heldState(serviceWorker, tabId, hasPlan);
  expect(state.planError).toBeNull();
  const held = state.plan as Plan;
  const expected = expectedPlan(state, DEFAULT_SETTINGS, held.asOf);
  const best = expected.condor.figures?.best;
  if (!best) throw new Error(`engine made no condor: ${expected.condor.reason}`);
  const legs = [best.legs.longPut, best.legs.shortPut, best.legs.shortCall, best.legs.longCall];

  // Overlay: one badge per leg, vertically inside the page's own row for that strike.
  const badges = page.locator('[data-alvh-badge]');
  await expect(badges).toHaveCount(4);
  for (const leg of legs) {
    const badge = page.locator(`[data-alvh-badge][data-strike="${leg.strike}"]`);
    await badge.scrollIntoViewIfNeeded();
    const b = await badge.boundingBox();
    const row = await page.evaluate(
      ({ strike, expiry }) => {
        const [y, m, d] = expiry.split('-').map(Number);
        const label = new Date(Date.UTC(y ?? 0, (m ?? 1) - 1, d ?? 1)).toLocaleDateString('en-US', {
          month: 'short',
          day: 'numeric',
          year: 'numeric',
          timeZone: 'UTC',
        });
        const section = [...document.querySelectorAll('section')].find((s) =>
          s.querySelector('h3')?.textContent?.includes(label),
        );
        const tr = [...(section?.querySelectorAll('tr') ?? [])].find((r) =>
          [...r.children].some((c) => c.textContent?.trim() === strike),
        );
        const r = tr?.getBoundingClientRect();
        return r ? { top: r.top, bottom: r.bottom } : null;
      },
      { strike: fmt(leg.strike), expiry: best.expiry },
    );
    expect(b, `badge for ${leg.strike}`).not.toBeNull();
    expect(row, `row for ${leg.strike} in the ${best.expiry} table`).not.toBeNull();
    const centre = (b?.y ?? 0) + (b?.height ?? 0) / 2;
    expect(centre).toBeGreaterThanOrEqual(row?.top ?? 0);
    expect(centre).toBeLessThanOrEqual(row?.bottom ?? 0);
  }
  await expect(page.locator('[data-alvh-be]')).toHaveCount(2);
  await page
    .locator(`[data-alvh-badge][data-strike="${best.legs.shortPut.strike}"]`)
    .scrollIntoViewIfNeeded();
  await keepViewport(page, 'surfaces-overlay');

  // Side panel: the Layer 1 legs are the engine's.
  const panel = await openExtensionPage(`sidepanel.html?tabId=${tabId}`);
  const strikes = panel.getByTestId('condor-card').locator('table.legs tbody tr');
  await expect(strikes).toHaveCount(4);
  expect(await strikes.evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('data-strike'))))).toEqual(
    legs.map((l) => l.strike),
  );
  await expect(panel.getByTestId('condor-card').getByTestId('break-evens')).toHaveText(
    `${fmt(best.breakEvenLow)} – ${fmt(best.breakEvenHigh)}`,
  );
  await expect(panel.getByTestId('contracts')).toHaveText(String(best.contracts));
  await keepScreenshot(panel, 'surfaces-side-panel');

  // Popup: the same break-evens at a glance.
  const popup = await openExtensionPage(`popup.html?tabId=${tabId}`);
  await expect(popup.getByTestId('popup-break-evens')).toHaveText(
    `${fmt(best.breakEvenLow)} – ${fmt(best.breakEvenHigh)}`,
  );
  await popup.getByRole('button', { name: 'Use the suggested condor' }).click();
  await expect(popup.getByTestId('calc-result')).toContainText(
    `${fmt(best.breakEvenLow)} – ${fmt(best.breakEvenHigh)}`,
  );
  // The calculator prices through the plan's own function on the same quotes: the same POP.
  await expect(popup.getByTestId('calc-pop')).toHaveText(
    `${(100 * best.probabilityOfProfit).toFixed(1)}\u00a0%`,
  );
  await keepScreenshot(popup, 'surfaces-popup');
});

test('a risk limit changed in the options page changes the contracts in the open side panel', async ({
  context,
  site,
  tabIdOf,
  serviceWorker,
  openExtensionPage,
  keepScreenshot,
}) => {
  const page = await context.newPage();
  await openDemoChain(page, site);
  const tabId = await tabIdOf(page);
  const state = await heldState(serviceWorker, tabId, (s) => s.plan !== null);
  const before = (state.plan as Plan).condor.figures?.best;
  if (!before) throw new Error('no condor');
  const panel = await openExtensionPage(`sidepanel.html?tabId=${tabId}`);
  await expect(panel.getByTestId('contracts')).toHaveText(String(before.contracts));

  // A per-trade loss limit that allows exactly one condor (its max loss per condor × 1.5).
  const perCondorUsd = before.maxLossUsd / before.contracts;
  const limit = Math.round(perCondorUsd * 1.5);
  const settings: Settings = {
    ...DEFAULT_SETTINGS,
    risk: { ...DEFAULT_SETTINGS.risk, maxLossPerTradeUsd: limit },
  };
  const expected = expectedPlan(state, settings, (state.plan as Plan).asOf).condor.figures?.best;
  expect(expected?.contracts).toBe(1);
  expect(expected?.contracts).not.toBe(before.contracts);

  const options = await openExtensionPage('options.html');
  await options.locator('#f-risk-maxLossPerTradeUsd').fill(String(limit));
  await expect(options.getByTestId('save-state')).toHaveText('Saved.');
  await expect(panel.getByTestId('contracts')).toHaveText(String(expected?.contracts), { timeout: 15_000 });
  await keepScreenshot(panel, 'surfaces-side-panel-after-limit');
});

test('an invalid limit shows its field message and is not saved', async ({
  openExtensionPage,
  serviceWorker,
  keepScreenshot,
}) => {
  const options = await openExtensionPage('options.html');
  const field = options.locator('#f-risk-maxLossPerTradeUsd');
  await expect(field).toHaveValue('5000');
  await field.fill('-250');
  await expect(options.getByText('Max loss per trade must be above 0')).toBeVisible();
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await expect(options.getByTestId('save-state')).toContainText('Not saved');
  const stored = await serviceWorker.evaluate(
    async () => (await chrome.storage.sync.get('settings')).settings ?? null,
  );
  expect(
    (stored as Settings | null)?.risk.maxLossPerTradeUsd ?? DEFAULT_SETTINGS.risk.maxLossPerTradeUsd,
  ).toBe(5000);
  await keepScreenshot(options, 'surfaces-options-invalid');
});

test('an imported VIX curve reaches Layer 2: term structure, activation and the hedge sized', async ({
  context,
  site,
  tabIdOf,
  serviceWorker,
  openExtensionPage,
  keepScreenshot,
}) => {
  const page = await context.newPage();
  await openDemoChain(page, site);
  const tabId = await tabIdOf(page);
  await heldState(serviceWorker, tabId, (s) => s.plan !== null);
  const panel = await openExtensionPage(`sidepanel.html?tabId=${tabId}`);
  const hedge = panel.getByTestId('hedge-card');
  await expect(hedge.locator('.badge')).toHaveText('off');

  // An inverted (backwardated) curve: stress the hedge rule cannot miss. Dates after today.
  const day = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
  const csv = `Symbol,Expiry,Price\nVIX,spot,31.5\nVX1,${day(20)},28.4\nVX2,${day(48)},26.9\nVX3,${day(76)},25.8\nVX4,${day(104)},25.1\n`;
  const options = await openExtensionPage('options.html');
  await options.locator('select[name="csv-kind"]').selectOption('vix-curve');
  await options
    .locator('input[name="csv-file"]')
    .setInputFiles({ name: 'vix-curve.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await expect(options.getByTestId('csv-summary')).toContainText('5 good rows, 0 with errors');
  await options.getByRole('button', { name: 'Import 5 good rows' }).click();
  await expect(options.getByTestId('csv-message')).toContainText('Layer 2 uses it now');
  await keepScreenshot(options, 'surfaces-options-csv');

  const state = await heldState(serviceWorker, tabId, (s) => s.vixCurve !== null && s.plan !== null);
  const expected = expectedPlan(state, DEFAULT_SETTINGS, (state.plan as Plan).asOf);
  // Inverted curve: the hedge rule activates and sizes a hedge. Without a VIX option chain it is a
  // VX future, which can give back (F − long-run median VIX) × $1,000 — far beyond 20 % of the
  // condor credit — so the budget may allow no contract: the layer then stays off saying so.
  expect(expected.hedge.why.map((w) => w.rule)).toContain('hedge-size');
  await expect(hedge.locator('.badge')).toHaveText(expected.hedge.status, { timeout: 15_000 });
  await expect(hedge.getByTestId('term-structure-chart')).toBeVisible();
  await keepScreenshot(panel, 'surfaces-side-panel-layer2');
});

test("a page with no chain shows the reader's reason", async ({
  context,
  site,
  tabIdOf,
  serviceWorker,
  openExtensionPage,
  keepScreenshot,
}) => {
  await context.route(`${site}/no-chain.html`, (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: '<!doctype html><title>Market news</title><h1>Market news</h1><p>Stocks rose today.</p><table><tr><th>Name</th><th>Price</th></tr><tr><td>ACME</td><td>12.30</td></tr></table>',
    }),
  );
  const page = await context.newPage();
  await page.goto(`${site}/no-chain.html`);
  const tabId = await tabIdOf(page);
  await heldState(serviceWorker, tabId, (s) => s.status.state === 'failed');
  const panel = await openExtensionPage(`sidepanel.html?tabId=${tabId}`);
  const status = panel.getByTestId('reader-status');
  await expect(status).toContainText('Reader could not read 127.0.0.1');
  await keepScreenshot(panel, 'surfaces-side-panel-no-chain');
  // The chip is quiet there: grey, folded after a few seconds, hidden on the site on request.
  const chip = page.locator('[data-alvh-chip]');
  await expect(chip).toContainText('no option chain on this page');
  await expect(chip).toHaveClass(/quiet/);
  await keepViewport(page, 'surfaces-no-chain-page');
  await expect(page.locator('[data-alvh-chip="folded"]')).toBeVisible({ timeout: 10_000 });
  const folded = await page.locator('[data-alvh-chip="folded"]').boundingBox();
  // Folded, it is a small tab in the corner, clear of the page's text.
  expect((folded?.width ?? 999) * (folded?.height ?? 999)).toBeLessThan(60 * 30);
  const h1 = await page.locator('h1').boundingBox();
  expect(
    (folded?.y ?? 0) > (h1?.y ?? 0) + (h1?.height ?? 0) || (folded?.x ?? 0) > (h1?.x ?? 0) + (h1?.width ?? 0),
  ).toBe(true);
  await page.locator('[data-alvh-chip="folded"]').click();
  await page.getByRole('button', { name: 'Hide on this site' }).click();
  await expect(chip).toHaveCount(0);
  await expect
    .poll(() => serviceWorker.evaluate(async () => (await chrome.storage.sync.get('uiPrefs')).uiPrefs))
    .toMatchObject({ chipDismissedHosts: ['127.0.0.1'] });
  await page.reload();
  await heldState(serviceWorker, tabId, (s) => s.status.state === 'failed');
  await page.waitForTimeout(500);
  await expect(page.locator('[data-alvh-chip]')).toHaveCount(0);
  // A chain page on the same site still has its chip: only the quiet one is hidden.
  const chain = await context.newPage();
  await openDemoChain(chain, site);
  await expect(chain.locator('[data-alvh-chip]')).toBeVisible();
});

test('a big page says "Reading… N rows" in the chip while it is read', async ({ context, site }) => {
  const page = await context.newPage();
  // Record every chip text from the page's side (the overlay's shadow root is open).
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { chipTexts: string[] }).chipTexts = seen;
    const watch = () => {
      const root = document.querySelector('[data-alvh-overlay]')?.shadowRoot;
      if (!root) return false;
      const record = () => {
        const t = root.querySelector('[data-alvh-chip]')?.textContent;
        if (t && seen.at(-1) !== t) seen.push(t);
      };
      record(); // the first render happened before this observer existed
      new MutationObserver(record).observe(root, { subtree: true, childList: true, characterData: true });
      return true;
    };
    const outer = new MutationObserver(() => {
      if (watch()) outer.disconnect();
    });
    outer.observe(document, { subtree: true, childList: true });
  });
  await page.goto(`${site}/e2e/generated/chain-20000.html`);
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { chipTexts: string[] }).chipTexts.join(' | ')), {
      timeout: 60_000,
    })
    .toMatch(/read 20,000 rows/);
  const texts = await page.evaluate(() => (window as unknown as { chipTexts: string[] }).chipTexts);
  // 20,000 strikes + 10 header rows on the page.
  expect(
    texts.some((t) => t.includes('Reading… 20,010 rows')),
    texts.join(' | '),
  ).toBe(true);
});

test('the overlay toggle in the options page removes the overlay and brings it back', async ({
  context,
  site,
  openExtensionPage,
  keepScreenshot,
}) => {
  const page = await context.newPage();
  await openDemoChain(page, site);
  await expect(page.locator('[data-alvh-chip]')).toBeVisible();
  const options = await openExtensionPage('options.html');
  const toggle = options.locator('#f-overlay-enabled');
  await expect(toggle).toBeChecked();
  await toggle.uncheck();
  await expect(options.getByTestId('save-state')).toHaveText('Saved.');
  await expect(page.locator('[data-alvh-overlay]')).toHaveCount(0, { timeout: 15_000 });
  await keepScreenshot(page, 'surfaces-overlay-off');
  await toggle.check();
  await expect(page.locator('[data-alvh-chip]')).toBeVisible({ timeout: 15_000 });
});

test('the real side panel follows the active tab', async ({
  context,
  site,
  openExtensionPage,
  serviceWorker,
}) => {
  const chain = await context.newPage();
  await openDemoChain(chain, site);
  const popup = await openExtensionPage('popup.html');
  await popup.getByRole('button', { name: /side panel/i }).click();
  await expect
    .poll(async () =>
      serviceWorker.evaluate(
        async () => (await chrome.runtime.getContexts({ contextTypes: ['SIDE_PANEL'] })).length,
      ),
    )
    .toBe(1);
  await chain.bringToFront();
  // The panel is a CDP target, not a Playwright Page: evaluate and screenshot it over raw CDP.
  const browser = context.browser();
  if (!browser) throw new Error('no browser');
  const cdp = await browser.newBrowserCDPSession();
  const { targetInfos } = (await cdp.send('Target.getTargets')) as {
    targetInfos: { targetId: string; url: string }[];
  };
  const target = targetInfos.find((t) => t.url.includes('/sidepanel.html'));
  if (!target) throw new Error('no side panel target');
  const { sessionId } = (await cdp.send('Target.attachToTarget', {
    targetId: target.targetId,
    flatten: false,
  })) as {
    sessionId: string;
  };
  let nextId = 1;
  const pending = new Map<number, (r: { result?: { value?: unknown }; data?: string }) => void>();
  cdp.on('Target.receivedMessageFromTarget', (e: { message: string }) => {
    const msg = JSON.parse(e.message) as {
      id?: number;
      result?: { result?: { value?: unknown }; data?: string };
    };
    if (msg.id !== undefined) pending.get(msg.id)?.(msg.result ?? {});
  });
  const call = (method: string, params: object) =>
    new Promise<{ result?: { value?: unknown }; data?: string }>((resolve) => {
      const id = nextId++;
      pending.set(id, resolve);
      void cdp.send('Target.sendMessageToTarget', {
        sessionId,
        message: JSON.stringify({ id, method, params }),
      });
    });
  const text = async () =>
    (await call('Runtime.evaluate', { expression: 'document.body.innerText', returnByValue: true })).result
      ?.value;
  await expect.poll(text, { timeout: 15_000 }).toContain('Read ');
  const shot = await call('Page.captureScreenshot', { format: 'png' });
  const file = 'test-results/screenshots/surfaces-real-side-panel.png';
  fs.mkdirSync('test-results/screenshots', { recursive: true });
  fs.writeFileSync(file, Buffer.from(shot.data ?? '', 'base64'));
  await test.info().attach('surfaces-real-side-panel', { path: file, contentType: 'image/png' });
  expect(await text()).toContain('Information, not financial advice.');
});

test('the toolbar button opens the popup by default, and the side panel when the options page says so', async ({
  serviceWorker,
  openExtensionPage,
}) => {
  const action = () =>
    serviceWorker.evaluate(async () => ({
      popup: await chrome.action.getPopup({}),
      panelOnClick: (await chrome.sidePanel.getPanelBehavior()).openPanelOnActionClick ?? false,
    }));
  const manifest = await serviceWorker.evaluate(() => chrome.runtime.getManifest());
  expect(manifest.action?.default_popup).toBe('popup.html');
  await expect.poll(action).toEqual({ popup: expect.stringMatching(/\/popup\.html$/), panelOnClick: false });

  const options = await openExtensionPage('options.html');
  await options.getByRole('radio', { name: /side panel/ }).check();
  await expect.poll(action).toEqual({ popup: '', panelOnClick: true });
  // The choice is stored, so a restarted service worker applies it again.
  await options.reload();
  await expect(options.getByRole('radio', { name: /side panel/ })).toBeChecked();
  await options.getByRole('radio', { name: /popup/ }).check();
  await expect.poll(action).toEqual({ popup: expect.stringMatching(/\/popup\.html$/), panelOnClick: false });
});

test('no number in the side panel’s tables breaks across lines at the side panel’s narrowest width', async ({
  context,
  site,
  tabIdOf,
  serviceWorker,
  openExtensionPage,
}) => {
  const page = await context.newPage();
  await openDemoChain(page, site);
  const tabId = await tabIdOf(page);
  await heldState(serviceWorker, tabId, (s) => s.plan !== null);
  const panel = await openExtensionPage(`sidepanel.html?tabId=${tabId}`);
  await panel.setViewportSize({ width: 360, height: 900 });
  await expect(panel.getByTestId('condor-card')).toBeVisible();
  // Each numeric cell's text laid out on one line: its text rectangles share one top.
  const broken = await panel.evaluate(() =>
    [...document.querySelectorAll('td.num')]
      .filter((td) => {
        const range = document.createRange();
        range.selectNodeContents(td);
        const tops = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
        return tops.size > 1;
      })
      .map((td) => td.textContent),
  );
  const cells = await panel.locator('td.num').count();
  expect(cells).toBeGreaterThan(8);
  expect(broken).toEqual([]);
});
