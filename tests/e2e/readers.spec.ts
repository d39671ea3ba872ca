/**
 * Issue 4 in real Chromium: the content script reads a served reader fixture, follows the
 * page when it changes its rows, and the side panel lists what was read and what was dropped
 * (with the reason).
 */
import { expect, test } from './fixtures';

const PAGE = '/fixtures/readers/generic-table/sections-missing-header-cell.html';

test('live page: read, re-read after the page adds a row, and the side panel lists read and dropped rows', async ({
  context,
  site,
  serviceWorker,
  tabIdOf,
  openExtensionPage,
  keepScreenshot,
}) => {
  const page = await context.newPage();
  await page.goto(`${site}${PAGE}`);
  const tabId = await tabIdOf(page);
  const rowsRead = () =>
    serviceWorker.evaluate(async (key) => {
      const s = (await chrome.storage.session.get(key))[key] as {
        chain?: { coverage: { rowsRead: number } } | null;
      };
      return s?.chain?.coverage.rowsRead ?? null;
    }, `tab:${tabId}`);
  // The fixture's expected JSON (tests/fixtures/readers/generic-table/…expected.json): 4 rows
  // read, 3 dropped because the second section's header lost a cell.
  await expect.poll(rowsRead, { timeout: 20_000 }).toBe(4);
  const panel = await openExtensionPage(`sidepanel.html?tabId=${tabId}`);
  const source = panel.getByTestId('source-card');
  await expect(source).toContainText('4 rows');
  await expect(source).toContainText('3 × header is missing a cell (columns not guessed)');

  // The page streams a new strike into the first section: copy its last row at 6200.
  await page.evaluate(() => {
    const rows = [...document.querySelectorAll('tr')].filter((r) =>
      r.querySelector('a[href*="SPXW261217P"]'),
    );
    const last = rows[rows.length - 1];
    if (!last) throw new Error('fixture row not found');
    const copy = last.cloneNode(true) as HTMLTableRowElement;
    const cells = copy.querySelectorAll('td');
    cells[0]!.textContent = '6200';
    cells[cells.length - 1]!.textContent = '6200';
    copy.querySelector('a')?.setAttribute('href', '/quotes/option-prices?optsym=SPXW261217P06200000');
    last.after(copy);
  });
  await expect.poll(rowsRead, { timeout: 20_000 }).toBe(5);
  await expect(source).toContainText('5 rows');
  await keepScreenshot(panel, 'readers-live-side-panel');
});
