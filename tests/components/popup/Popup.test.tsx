// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
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
    const base = { longPut: '5625', shortPut: '5650', shortCall: '6100', longCall: '6125', credit: '3.80' };
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
  it('fills the calculator from the suggestion and draws its payoff', async () => {
    await tabStateItem(7).set({ ...loadTabState(), plan: loadPlan('no-vix-curve') });
    render(<App />);
    fireEvent.click(await screen.findByText('Use the suggested condor'));
    const result = screen.getByTestId('calc-result');
    expect(result.textContent).toContain('5,646.20 – 6,103.80');
    expect(screen.getByTestId('calc-chart').querySelector('path[data-series="expiry"]')).not.toBeNull();
    expect(document.querySelectorAll('#chain-strikes option')).toHaveLength(31);
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
