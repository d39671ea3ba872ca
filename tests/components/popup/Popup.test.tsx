// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { calculateCondor } from '../../../components/popup/calculator';
import { PopupSummary } from '../../../components/popup/PopupSummary';
import { App } from '../../../entrypoints/popup/App';
import { tabStateItem } from '../../../lib/storage';
import { loadPlan, loadTabState } from '../fixtures';

beforeEach(() => {
  fakeBrowser.reset();
  window.history.replaceState({}, '', '/popup.html?tabId=7');
});
afterEach(cleanup);

describe('calculateCondor', () => {
  it('computes break-evens and max profit/loss by hand', () => {
    // 5625/5650/6100/6125 for 3.80: BE 5650 − 3.80 = 5646.20 and 6100 + 3.80 = 6103.80;
    // max profit 3.80 pts = $380; max loss 25 − 3.80 = 21.20 pts = $2,120 (× $100).
    const out = calculateCondor({
      expiry: '',
      longPut: '5625',
      shortPut: '5650',
      shortCall: '6100',
      longCall: '6125',
      credit: '3.80',
    });
    expect(out).toEqual({
      ok: true,
      result: {
        strikes: { longPut: 5625, shortPut: 5650, shortCall: 6100, longCall: 6125 },
        credit: 3.8,
        breakEvenLow: 5646.2,
        breakEvenHigh: 6103.8,
        maxProfit: 3.8,
        maxLoss: 25 - 3.8,
        maxProfitUsd: 380,
        maxLossUsd: (25 - 3.8) * 100,
      },
    });
  });

  it('uses the widest wing for max loss when wings differ', () => {
    // Put wing 50, call wing 25, credit 5: max loss 50 − 5 = 45 pts.
    const out = calculateCondor({
      expiry: '',
      longPut: '5600',
      shortPut: '5650',
      shortCall: '6100',
      longCall: '6125',
      credit: '5',
    });
    expect(out.ok && out.result.maxLoss).toBe(45);
  });

  it.each([
    [{ longPut: '5650', shortPut: '5650' }, 'longPut', 'Long put below the short put'],
    [{ credit: '30' }, 'credit', 'Credit must be below the widest wing (25 pts)'],
    [{ shortCall: 'abc' }, 'shortCall', 'A number above 0'],
  ])('rejects %o with a field message', (patch, field, message) => {
    const base = {
      expiry: '',
      longPut: '5625',
      shortPut: '5650',
      shortCall: '6100',
      longCall: '6125',
      credit: '3.80',
    };
    const out = calculateCondor({ ...base, ...patch });
    expect(out.ok).toBe(false);
    if (!out.ok) expect(out.errors[field as keyof typeof base]).toBe(message);
  });
});

describe('PopupSummary', () => {
  it('shows break-evens, max profit/loss and POP of the suggestion', () => {
    render(<PopupSummary plan={loadPlan('no-vix-curve')} status={null} planError={null} />);
    expect(screen.getByTestId('popup-break-evens').textContent).toBe('5,646.20 – 6,103.80');
    expect(screen.getByText('3.80 pts ($760 for 2)')).toBeTruthy();
    expect(screen.getByText('21.20 pts ($4,240 for 2)')).toBeTruthy();
    expect(screen.getByText('71.2 %')).toBeTruthy();
  });

  it("shows the reader's reason when there is no plan", () => {
    const status = {
      state: 'failed' as const,
      reader: null,
      failure: { reason: 'not-a-chain' as const, detail: 'no option table found' },
    };
    render(<PopupSummary plan={null} status={status} planError={null} />);
    expect(screen.getByTestId('popup-no-plan').textContent).toBe('Reader failed: no option table found');
  });
});

describe('popup App', () => {
  const NBSP = '\u00a0';
  const pick = (name: string, value: string) =>
    fireEvent.input(document.querySelector(`select[name="${name}"]`) as HTMLSelectElement, {
      target: { value },
    });

  it('picks strikes from the listed ones and reprices the condor from the chain', async () => {
    await tabStateItem(7).set({ ...loadTabState(), plan: loadPlan('no-vix-curve') });
    render(<App />);
    fireEvent.click(await screen.findByText('Use the suggested condor'));
    // The 31 listed strikes of the 2026-12-31 SPXW expiry (plus "pick") in every leg's list.
    expect(document.querySelectorAll('select[name="calc-shortPut"] option')).toHaveLength(32);
    // By hand from tab-state.json: mids 11.30 / 13.00 / 8.40 / 6.30 → 13.00 + 8.40 − 11.30 − 6.30 = 3.80;
    // natural 12.80 + 8.20 − 11.50 − 6.50 = 3.00.
    expect(screen.getByTestId('calc-credit').textContent).toBe(`3.80${NBSP}pts mid · 3.00${NBSP}pts natural`);
    expect(screen.getByTestId('calc-result').textContent).toContain('5,646.20 – 6,103.80');
    expect(screen.getByTestId('calc-pop').textContent).toMatch(/^\d+\.\d\u00a0%$/);
    const chart = screen.getByTestId('calc-chart');
    expect(chart.querySelector('path[data-series="expiry"]')).not.toBeNull();
    expect(chart.querySelector('path[data-series="today"]')).not.toBeNull();

    // Moving a strike reprices: the credit is no longer the suggestion's.
    const row = loadTabState().chain?.expiries[0]?.rows.find((r) => r.strike === 6075);
    if (!row?.call?.bid || !row.call.ask) throw new Error('fixture has no 6075 call quote');
    pick('calc-shortCall', '6075');
    const mid6075 = (row.call.bid + row.call.ask) / 2;
    // Short call 6075 instead of 6100: credit 13.00 + mid(6075) − 11.30 − 6.30.
    const credit = 13 + mid6075 - 11.3 - 6.3;
    await waitFor(() =>
      expect(screen.getByTestId('calc-credit').textContent).toContain(`${credit.toFixed(2)}${NBSP}pts mid`),
    );
    expect(screen.getByTestId('calc-result').textContent).toContain(
      `${(6075 + credit).toLocaleString('en-US', { minimumFractionDigits: 2 })}`,
    );
  });

  it('keeps the last valid chart and names the bad leg when a pick is invalid', async () => {
    await tabStateItem(7).set({ ...loadTabState(), plan: loadPlan('no-vix-curve') });
    render(<App />);
    fireEvent.click(await screen.findByText('Use the suggested condor'));
    pick('calc-longPut', '5700');
    expect((await screen.findByTestId('calc-errors')).textContent).toContain(
      'Long put: Pick a long put below the short put',
    );
    expect(screen.queryByTestId('calc-result')).toBeNull();
    const chart = screen.getByTestId('calc-chart');
    expect(chart.getAttribute('data-outdated')).toBe('true');
    expect(chart.querySelector('path[data-series="expiry"]')).not.toBeNull();
  });
});

describe('PopupSummary staleness', () => {
  it('warns when the quotes are older than the configured age', () => {
    render(
      <PopupSummary plan={loadPlan('no-vix-curve')} status={null} planError={null} staleMinutes={42.5} />,
    );
    expect(screen.getByTestId('popup-stale').textContent).toBe('Stale: quotes are 42 min old.');
  });
});
