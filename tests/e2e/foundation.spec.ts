/**
 * Issue 2's promises, in real Chromium with the built extension: the content script runs on
 * a served page, its snapshot reaches the background and the side panel renders it; a
 * setting saved in the options page survives a reload and reaches the background; the
 * popup's button opens the real side panel.
 */
import { expect, test } from './fixtures';

test('content script → background → side panel', async ({
  context,
  site,
  tabIdOf,
  openExtensionPage,
  serviceWorker,
  keepScreenshot,
}) => {
  const page = await context.newPage();
  await page.goto(`${site}/demo/spx-chain.html`);
  // The overlay host is ours: the content script ran on this page.
  await expect(page.locator('[data-alvh-overlay]')).toHaveCount(1, { timeout: 15_000 });
  const tabId = await tabIdOf(page);
  // The background holds what the reader sent.
  await expect
    .poll(async () =>
      serviceWorker.evaluate(async (key) => {
        const v = (await chrome.storage.session.get(key))[key] as { status?: { state?: string } } | undefined;
        return v?.status?.state ?? null;
      }, `tab:${tabId}`),
    )
    .toBe('read');
  const panel = await openExtensionPage(`sidepanel.html?tabId=${tabId}`);
  await expect(panel.getByTestId('reader-status')).toContainText(/read/i);
  await expect(panel.getByText('Information, not financial advice', { exact: false }).first()).toBeVisible();
  await keepScreenshot(panel, 'foundation-side-panel');
});

test('a setting saved in the options page survives a reload and reaches the background', async ({
  openExtensionPage,
  serviceWorker,
}) => {
  const options = await openExtensionPage('options.html');
  const field = options.locator('#f-risk-maxContracts');
  await field.fill('7');
  await expect(options.getByTestId('save-state')).toContainText(/saved/i);
  await options.reload();
  await expect(options.locator('#f-risk-maxContracts')).toHaveValue('7');
  const stored = await serviceWorker.evaluate(async () => {
    const v = (await chrome.storage.sync.get('settings')).settings as
      | { risk?: { maxContracts?: number } }
      | undefined;
    return v?.risk?.maxContracts ?? null;
  });
  expect(stored).toBe(7);
});

test('the popup button opens the real side panel', async ({ openExtensionPage, serviceWorker }) => {
  const popup = await openExtensionPage('popup.html');
  await popup.getByRole('button', { name: /side panel/i }).click();
  await expect
    .poll(async () =>
      serviceWorker.evaluate(
        async () => (await chrome.runtime.getContexts({ contextTypes: ['SIDE_PANEL'] })).length,
      ),
    )
    .toBe(1);
});
