/**
 * Issue 12.5 and 12.7 in real Chromium, on the options page: a history import merges by date
 * (one new day does not wipe 29,999), replaces only when asked, states its limit and refuses
 * more with a message; a corrupted stored day is dropped with a notice while the rest stay;
 * the CSV preview applies the import's checks; editing the calendar re-plans open tabs.
 */
import type { Page, Worker } from '@playwright/test';
import { expect, test } from './fixtures';
import { openDemoChain } from './pages/demo-chain';
import { heldState } from './pages/tab-state';

function days(n: number) {
  return Array.from({ length: n }, (_, i) => ({
    date: new Date(Date.UTC(1900, 0, 1) + i * 86_400_000).toISOString().slice(0, 10),
    spxClose: 100 + (i % 50),
    advances: null,
    declines: null,
    vixClose: null,
    vxFrontSpread: null,
  }));
}

const heldDays = (sw: Worker) =>
  sw.evaluate(
    async () => ((await chrome.storage.local.get('history')).history as { days: unknown[] }).days.length,
  );

async function importHistory(options: Page, csv: string): Promise<void> {
  await options.locator('select[name="csv-kind"]').selectOption('history');
  await options
    .locator('input[name="csv-file"]')
    .setInputFiles({ name: 'history.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await options.getByRole('button', { name: /^Import \d+ good rows$/ }).click();
}

test('a history import merges by date, states its limit, and refuses more with a message', async ({
  serviceWorker,
  openExtensionPage,
}) => {
  // Three imports into 30,000–40,000 stored days on a shared 2-core machine.
  test.setTimeout(180_000);
  const t0 = Date.now();
  await serviceWorker.evaluate(async (d) => chrome.storage.local.set({ history: { days: d } }), days(29_999));
  const options = await openExtensionPage('options.html');
  await options.locator('select[name="csv-kind"]').selectOption('history');
  await expect(options.locator('#csv-h').locator('..')).toContainText('At most 40,000 days in all');
  await importHistory(options, 'Date,SPX Close\n2026-11-25,6000\n');
  await expect(options.getByTestId('csv-message')).toContainText('history now holds 30,000 days', {
    timeout: 20_000,
  });
  expect(await heldDays(serviceWorker)).toBe(30_000);
  console.log(`first import after ${Date.now() - t0} ms`);
  // Past the limit: a message, nothing lost.
  await serviceWorker.evaluate(async (d) => chrome.storage.local.set({ history: { days: d } }), days(40_000));
  await options.reload();
  await importHistory(options, 'Date,SPX Close\n2026-11-25,6000\n');
  await expect(options.getByTestId('csv-message')).toContainText('the limit is 40,000', { timeout: 30_000 });
  expect(await heldDays(serviceWorker)).toBe(40_000);
  // Replace when asked.
  await options.locator('input[name="csv-replace"]').check();
  await importHistory(options, 'Date,SPX Close\n2026-11-25,6000\n');
  await expect(options.getByTestId('csv-message')).toContainText('replacing the stored days', {
    timeout: 30_000,
  });
  expect(await heldDays(serviceWorker)).toBe(1);
});

test('one corrupted stored day is dropped with a notice; the other days stay', async ({
  serviceWorker,
  openExtensionPage,
}) => {
  await serviceWorker.evaluate(async (d) => {
    await chrome.storage.local.set({ history: { days: [...d, { date: 'garbage', spxClose: -1 }] } });
  }, days(3_000));
  const options = await openExtensionPage('options.html');
  await options.locator('select[name="csv-kind"]').selectOption('history');
  await importHistory(options, 'Date,SPX Close\n2026-11-25,6000\n');
  await expect(options.getByTestId('csv-message')).toContainText('history now holds 3,001 days');
  await options.reload();
  await expect(options.getByTestId('backup-notice')).toContainText(
    '1 day failed their check and was dropped',
  );
});

test('a VIX history dropped on the history slot is refused in words; the held history stays', async ({
  serviceWorker,
  openExtensionPage,
}) => {
  await serviceWorker.evaluate(async (d) => chrome.storage.local.set({ history: { days: d } }), days(10));
  const options = await openExtensionPage('options.html');
  await options.locator('select[name="csv-kind"]').selectOption('history');
  // The first rows of Cboe's VIX_History.csv (cboe-vol-indices-history), as published.
  const vix =
    'DATE,OPEN,HIGH,LOW,CLOSE\n01/02/1990,17.240000,17.240000,17.240000,17.240000\n01/03/1990,18.190000,18.190000,18.190000,18.190000\n';
  await options
    .locator('input[name="csv-file"]')
    .setInputFiles({ name: 'VIX_History.csv', mimeType: 'text/csv', buffer: Buffer.from(vix) });
  await expect(options.locator('#csv-h').locator('..').getByRole('alert')).toHaveText(
    /^This looks like a VIX history \(columns DATE, OPEN, HIGH, LOW, CLOSE with values 17\.24–18\.19\), not SPX closes\./,
  );
  await expect(options.getByRole('button', { name: /^Import \d+ good rows$/ })).toHaveCount(0);
  expect(await heldDays(serviceWorker)).toBe(10);
  // The right file on the same slot: its date range and the rows left out, in words.
  await options.locator('input[name="csv-file"]').setInputFiles({
    name: 'spx.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('Date,SPX Close\n2026-11-24,5901.55\n2026-11-25,abc\n2026-11-27,5912.4\n'),
  });
  await expect(options.getByTestId('csv-range')).toHaveText('Dates: 2026-11-24 → 2026-11-27, 2 days');
  await options.getByRole('button', { name: 'Import 2 good rows' }).click();
  await expect(options.getByTestId('csv-message')).toContainText(
    'Imported 2026-11-24 → 2026-11-27, 2 days (merged by date); 1 row left out: 1 × SPX close is not a number; history now holds 12 days',
  );
});

test('the VIX curve CSV preview applies the import’s checks', async ({ openExtensionPage }) => {
  const options = await openExtensionPage('options.html');
  await options.locator('select[name="csv-kind"]').selectOption('vix-curve');
  const csv =
    'Expiry,Price,Symbol\n2027-01-20,18.1,VX/F7\n2027-02-17,19,ABCDEFGHIJKLMNOPQRSTUV\n2027-03-17,19.5,VX/H7\n';
  await options
    .locator('input[name="csv-file"]')
    .setInputFiles({ name: 'curve.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await expect(options.getByTestId('csv-summary')).toContainText('2 good rows, 1 with errors');
  await expect(options.locator('table.csv-preview tr.csv-errors')).toContainText('symbol');
});

test('editing the event calendar re-plans the open tabs', async ({
  context,
  site,
  serviceWorker,
  tabIdOf,
}) => {
  const page = await context.newPage();
  await openDemoChain(page, site);
  const tabId = await tabIdOf(page);
  const before = await heldState(serviceWorker, tabId, (s) => s.plan !== null);
  await serviceWorker.evaluate(async () => {
    await chrome.storage.local.set({
      userEvents: { added: [{ date: '2031-01-15', kind: 'other', label: 'test event' }], removed: [] },
    });
  });
  await heldState(serviceWorker, tabId, (s) => s.updatedAt !== before.updatedAt && s.plan !== null);
});
