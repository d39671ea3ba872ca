/**
 * Accessibility of every surface in real Chromium (issue 13, point 8): axe-core finds no
 * serious or critical violation (WCAG 2.1 A/AA, including text contrast ≥ 4.5:1) on the side
 * panel, the popup, the options page and the in-page overlay, in the light and the dark
 * theme; the side panel and the options page fit 360 px at 200 % zoom (a 180 CSS px
 * viewport) without sideways scrolling; sizes follow the browser's font-size setting (rem).
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import type { TabState } from '../../lib/schema/tab-state';
import { expect, test } from './fixtures';
import { openDemoChain } from './pages/demo-chain';
import { heldState } from './pages/tab-state';

const hasPlan = (s: TabState) => s.plan !== null;
const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** Serious and critical violations as "rule: target" lines (empty when none). */
async function seriousViolations(page: Page, include?: string): Promise<string[]> {
  let builder = new AxeBuilder({ page }).withTags(WCAG);
  if (include) builder = builder.include(include);
  const { violations } = await builder.analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')} — ${n.failureSummary ?? ''}`));
}

for (const scheme of ['light', 'dark'] as const) {
  test(`no serious axe violation on any surface (${scheme} theme)`, async ({
    context,
    site,
    tabIdOf,
    serviceWorker,
    openExtensionPage,
  }) => {
    const page = await context.newPage();
    await page.emulateMedia({ colorScheme: scheme });
    await openDemoChain(page, site);
    const tabId = await tabIdOf(page);
    await heldState(serviceWorker, tabId, hasPlan);
    await expect(page.locator('[data-alvh-badge]')).toHaveCount(4);
    expect(await seriousViolations(page, '[data-alvh-overlay]'), 'page overlay').toEqual([]);

    // The quiet chip of a page without a chain, open and folded.
    await context.route(`${site}/a11y-no-chain.html`, (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: '<!doctype html><html lang="en"><title>News</title><h1>Market news</h1><p>Stocks rose.</p></html>',
      }),
    );
    const quiet = await context.newPage();
    await quiet.emulateMedia({ colorScheme: scheme });
    await quiet.goto(`${site}/a11y-no-chain.html`);
    await expect(quiet.locator('[data-alvh-chip]')).toHaveClass(/quiet/, { timeout: 20_000 });
    expect(await seriousViolations(quiet, '[data-alvh-overlay]'), 'quiet chip').toEqual([]);
    await expect(quiet.locator('[data-alvh-chip="folded"]')).toBeVisible({ timeout: 10_000 });
    expect(await seriousViolations(quiet, '[data-alvh-overlay]'), 'folded chip').toEqual([]);
    await quiet.close();

    for (const file of [`sidepanel.html?tabId=${tabId}`, `popup.html?tabId=${tabId}`, 'options.html']) {
      const surface = await openExtensionPage(file);
      await surface.emulateMedia({ colorScheme: scheme });
      await surface.locator('main').waitFor();
      if (file.startsWith('sidepanel')) await surface.getByTestId('condor-card').waitFor();
      if (file.startsWith('popup')) await surface.getByTestId('calc-result').waitFor();
      expect(await seriousViolations(surface), file).toEqual([]);
      await surface.close();
    }
  });
}

test('side panel and options page fit 360 px at 200 % zoom without sideways scrolling', async ({
  context,
  site,
  tabIdOf,
  serviceWorker,
  openExtensionPage,
}) => {
  const page = await context.newPage();
  await openDemoChain(page, site);
  const tabId = await tabIdOf(page);
  await heldState(serviceWorker, tabId, hasPlan);
  for (const file of [`sidepanel.html?tabId=${tabId}`, 'options.html']) {
    const surface = await openExtensionPage(file);
    // 360 device px at 200 % zoom is a 180 CSS px wide layout viewport.
    await surface.setViewportSize({ width: 180, height: 800 });
    await surface.locator('main').waitFor();
    if (file.startsWith('sidepanel')) await surface.getByTestId('condor-card').waitFor();
    const overflow = await surface.evaluate(() => ({
      scroll: document.documentElement.scrollWidth,
      client: document.documentElement.clientWidth,
      widest: [...document.querySelectorAll('main *')]
        .map((el) => ({ el, r: el.getBoundingClientRect() }))
        .filter(
          ({ el, r }) => r.right > document.documentElement.clientWidth + 1 && !el.closest('.table-scroll'),
        )
        .slice(0, 5)
        .map(
          ({ el, r }) =>
            `${el.tagName.toLowerCase()}.${el.className}[${el.getAttribute('name') ?? ''}] in ${el.parentElement?.tagName.toLowerCase()}.${el.parentElement?.className} right=${Math.round(r.right)} "${(el.textContent ?? '').slice(0, 40)}"`,
        ),
    }));
    expect(overflow.scroll, `${file}: ${overflow.widest.join('; ')}`).toBeLessThanOrEqual(
      overflow.client + 1,
    );
    await surface.close();
  }
});

test("sizes follow the browser's font-size setting (rem, not px)", async ({ openExtensionPage }) => {
  const options = await openExtensionPage('options.html');
  await options.locator('h1').waitFor();
  const sizes = () =>
    options.evaluate(() =>
      ['h1', 'h2', 'button', 'legend', '.disclaimer'].map((sel) => {
        const el = document.querySelector(sel);
        return el ? Number.parseFloat(getComputedStyle(el).fontSize) : Number.NaN;
      }),
    );
  const before = await sizes();
  // The browser's font-size setting is the root element's initial size: 16 px → 32 px.
  await options.evaluate(() => {
    document.documentElement.style.fontSize = '32px';
  });
  const after = await sizes();
  for (const [i, b] of before.entries()) expect(after[i]).toBeCloseTo(b * 2, 1);
});
