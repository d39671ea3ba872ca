// @vitest-environment happy-dom
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { App } from '../../../entrypoints/options/App';
import { historyItem } from '../../../lib/storage';
import { parseCsvDate, parseHistoryCsv } from '../../../lib/stores/csv-import';
import { curveSnapshotOf, parseVixCurveCsv } from '../../../lib/stores/csv-vix-curve';
import { mergeHistory } from '../../../lib/stores/import-store';
import { SHARED_DATA } from '../../readers/helpers';

beforeEach(() => fakeBrowser.reset());
afterEach(cleanup);

const HISTORY = `Date,SPX Close,Advances,Declines,VIX Close
2026-11-23,"5,880.10",1650,1210,16.9
11/24/2026,5901.55,1802,1080,16.2
2026-11-25,abc,1500,1400,17.0
2026-13-01,5910,1500,1400,17.0
2026-11-26,5912.40,,,17.8
2026-11-27,,1500,1400,17.0
`;

describe('parseHistoryCsv', () => {
  it('keeps good rows and reports bad ones by line with the reason', () => {
    const out = parseHistoryCsv(HISTORY);
    expect(out.error).toBeNull();
    expect(out.rows.map((r) => [r.line, r.error])).toEqual([
      [2, null],
      [3, null],
      [4, 'SPX close is not a number'],
      [5, 'date is not YYYY-MM-DD or M/D/YYYY'],
      [6, null],
      [7, 'SPX close is missing'],
    ]);
    expect(out.rows[0]?.value).toEqual({
      date: '2026-11-23',
      spxClose: 5880.1,
      advances: 1650,
      declines: 1210,
      vixClose: 16.9,
      vxFrontSpread: null,
    });
    expect(out.rows[4]?.value?.advances).toBeNull();
  });

  it('names a missing date column', () => {
    expect(parseHistoryCsv('Close\n5900\n').error).toBe(
      'This looks like a file with columns Close, not SPX closes. The history needs a "Date" column and a "SPX Close" (or "Close") column.',
    );
    expect(parseHistoryCsv('Date,Advances\n2026-11-24,1500\n').error).toBe(
      'This looks like NYSE breadth without SPX closes (columns Date, Advances), not SPX closes. The history needs SPX closes: add a "SPX Close" column beside the advances and declines.',
    );
  });

  it.each([
    ['2026-02-29', null],
    ['2/3/2026', '2026-02-03'],
    ['2026/12/01', '2026-12-01'],
  ])('parseCsvDate(%s) = %s', (text, iso) => expect(parseCsvDate(text)).toBe(iso));
});

describe('mergeHistory', () => {
  it('fills fields by date without dropping what is held', () => {
    const held = [
      {
        date: '2026-11-24',
        spxClose: 5901.55,
        advances: null,
        declines: null,
        vixClose: 16.2,
        vxFrontSpread: 0.05,
      },
    ];
    const incoming = [
      {
        date: '2026-11-24',
        spxClose: 5901.55,
        advances: 1802,
        declines: 1080,
        vixClose: null,
        vxFrontSpread: null,
      },
    ];
    expect(mergeHistory(held, incoming)).toEqual([
      {
        date: '2026-11-24',
        spxClose: 5901.55,
        advances: 1802,
        declines: 1080,
        vixClose: 16.2,
        vxFrontSpread: 0.05,
      },
    ]);
  });
});

describe('VIX curve CSV', () => {
  it('reads spot and futures and builds a valid snapshot', () => {
    const out = parseVixCurveCsv(
      'Symbol,Expiry,Settle\nVIX,spot,17.8\nVX/F7,2027-01-20,18.6\nVX/Z6,2026-12-16,18.4\nVX/G7,2027-02-17,-1\n',
    );
    expect(out.rows.map((r) => r.error)).toEqual([null, null, null, 'price must be a number above 0']);
    const good = out.rows.flatMap((r) => (r.value ? [r.value] : []));
    const snap = curveSnapshotOf(good, { url: 'file:curve.csv', readAt: '2026-11-26T15:00:00.000Z' });
    expect(snap.ok && snap.snapshot.spot).toBe(17.8);
    expect(snap.ok && snap.snapshot.futures.map((f) => f.expiry)).toEqual(['2026-12-16', '2027-01-20']);
  });
});

describe('CsvImport in the options page', () => {
  const upload = (container: Element, text: string, name: string) => {
    const input = container.querySelector('input[name="csv-file"]') as HTMLInputElement;
    Object.defineProperty(input, 'files', { value: [new File([text], name)], configurable: true });
    input.dispatchEvent(new Event('change', { bubbles: true }));
  };

  it('previews history rows with errors and imports only the good ones', async () => {
    const { container } = render(<App />);
    upload(container as HTMLElement, HISTORY, 'history.csv');
    expect((await screen.findByTestId('csv-summary')).textContent).toBe(
      'history.csv: 3 good rows, 3 with errors (left out).',
    );
    expect(screen.getByRole('table', { name: 'CSV preview' }).textContent).toContain(
      'SPX close is not a number',
    );
    expect(screen.getByTestId('csv-range').textContent).toBe('Dates: 2026-11-23 → 2026-11-26, 3 days');
    expect(screen.getByTestId('csv-dropped').textContent).toBe(
      '1 × SPX close is not a number1 × date is not YYYY-MM-DD or M/D/YYYY1 × SPX close is missing',
    );
    fireEvent.click(screen.getByText('Import 3 good rows'));
    await screen.findByText(
      'Imported 2026-11-23 → 2026-11-26, 3 days (merged by date); 3 rows left out: 1 × SPX close is not a number; 1 × date is not YYYY-MM-DD or M/D/YYYY; 1 × SPX close is missing; history now holds 3 days (2026-11-23 → 2026-11-26).',
    );
    expect((await historyItem.get()).days.map((d) => d.date)).toEqual([
      '2026-11-23',
      '2026-11-24',
      '2026-11-26',
    ]);
  });

  it('sends an imported VIX curve to the background', async () => {
    const received: unknown[] = [];
    fakeBrowser.runtime.onMessage.addListener((msg, _sender, sendResponse) => {
      received.push(msg);
      sendResponse({ ok: true });
      return true;
    });
    const { container } = render(<App />);
    fireEvent.input(container.querySelector('[name="csv-kind"]') as HTMLSelectElement, {
      target: { value: 'vix-curve' },
    });
    upload(container, 'Expiry,Price\n2026-12-16,18.4\n2027-01-20,18.6\n', 'curve.csv');
    fireEvent.click(await screen.findByText('Import 2 good rows'));
    await screen.findByText('VIX curve with 2 months imported: Layer 2 uses it now.');
    await waitFor(() => expect(received).toHaveLength(1));
    expect(received[0]).toMatchObject({
      type: 'set-vix-curve',
      snapshot: { kind: 'vix-curve', source: { reader: 'csv' } },
    });
  });
});

describe('parseHistoryCsv header synonyms', () => {
  it('reads the CLI layout (date, spx_close, advances, declines, vix_close, vx_front_spread)', () => {
    const out = parseHistoryCsv(
      'date,spx_close,advances,declines,vix_close,vx_front_spread\n2026-11-24,5901.55,1802,1080,16.2,0.051\n',
    );
    expect(out.rows[0]?.value).toEqual({
      date: '2026-11-24',
      spxClose: 5901.55,
      advances: 1802,
      declines: 1080,
      vixClose: 16.2,
      vxFrontSpread: 0.051,
    });
  });
});

const present = existsSync(SHARED_DATA);
if (!present) console.warn(`history import component test on real files skipped: ${SHARED_DATA} is absent`);

describe.skipIf(!present)('the wrong file on the history slot, in the options page (real files)', () => {
  const upload = (container: Element, text: string, name: string) => {
    const input = container.querySelector('input[name="csv-file"]') as HTMLInputElement;
    Object.defineProperty(input, 'files', { value: [new File([text], name)], configurable: true });
    input.dispatchEvent(new Event('change', { bubbles: true }));
  };
  const real = (dir: string, name: string) => readFileSync(join(SHARED_DATA, dir, name), 'utf8');

  it('imports GSPC.csv with its date range, then refuses VIX_History.csv in words and keeps the SPX history', async () => {
    const { container } = render(<App />);
    upload(container, real('sp500-daily-ohlc-yahoo-1927-2023', 'GSPC.csv'), 'GSPC.csv');
    // By eye: line 2 is 1927-12-30, the last line 2023-12-28, 24,114 rows under the header.
    expect((await screen.findByTestId('csv-range')).textContent).toBe(
      'Dates: 1927-12-30 → 2023-12-28, 24,114 days',
    );
    expect(screen.getByTestId('csv-kind').textContent).toMatch(/^Read as an S&P 500 \(SPX\) history/);
    fireEvent.click(screen.getByText('Import 24114 good rows'));
    await screen.findByText(
      /^Imported 1927-12-30 → 2023-12-28, 24,114 days \(merged by date\); no rows left out;/,
      undefined,
      {
        timeout: 10_000,
      },
    );
    expect((await historyItem.get()).days).toHaveLength(24_114);

    upload(container, real('cboe-vol-indices-history', 'VIX_History.csv'), 'VIX_History.csv');
    // By eye: closes from 9.14 (11/03/2017, line 7015) to 82.69 (03/16/2020, line 7607).
    expect((await screen.findByRole('alert')).textContent).toBe(
      'This looks like a VIX history (columns DATE, OPEN, HIGH, LOW, CLOSE with values 9.14–82.69), not SPX closes. ' +
        'These columns fit several kinds of file, so the range of the closes decided. ' +
        'The history import needs SPX closes; daily VIX closes go in a "VIX Close" column beside them.',
    );
    expect(screen.queryByText(/^Import \d+ good rows$/)).toBeNull();
    expect(screen.getByTestId('csv-unchanged').textContent).toBe(
      'Nothing was imported: the stored history is unchanged.',
    );
    const held = (await historyItem.get()).days;
    expect(held).toHaveLength(24_114);
    expect(held.at(-1)).toMatchObject({ date: '2023-12-28', spxClose: 4783.35009765625, vixClose: null });
  }, 60_000);
});
