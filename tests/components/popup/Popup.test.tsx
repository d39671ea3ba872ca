// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { calculateCondor } from '../../../components/popup/calculator';
import { PopupSummary } from '../../../components/popup/PopupSummary';
import { App } from '../../../entrypoints/popup/App';
import { plan } from '../../../lib/engine/plan/plan';
import { tabStateItem } from '../../../lib/storage';
import { HAND_NOW, HAND_SETTINGS, handChain, handInputs } from '../../fixtures/engine/plan/hand-chain';
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
    [{ credit: '30' }, 'credit', 'Credit must be below the narrower wing (25 pts)'],
    // Put wing 50, call wing 25: a credit of 25 would make the call side riskless.
    [{ longPut: '5600', credit: '25' }, 'credit', 'Credit must be below the narrower wing (25 pts)'],
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

  /**
   * The hand chain (tests/fixtures/engine/plan/hand-chain.ts: 4600–5400 by 100, Black-76 mids at
   * σ = 20 %, ±0.50 markets) with the plan the engine makes on it, so the calculator prices the
   * plan's own condor on the same screened quotes.
   */
  const handTab = () => {
    const p = plan(handInputs(), HAND_SETTINGS, HAND_NOW);
    return { ...loadTabState(), chain: handChain(), plan: p };
  };

  it('picks strikes from the listed ones and reprices the condor from the chain, as the plan does', async () => {
    const tab = handTab();
    await tabStateItem(7).set(tab);
    render(<App />);
    fireEvent.click(await screen.findByText('Use the suggested condor'));
    // The 9 listed strikes of the 2026-12-31 SPXW expiry (plus "pick") in every leg's list.
    expect(document.querySelectorAll('select[name="calc-shortPut"] option')).toHaveLength(10);
    // By hand from the table: 4700/4800/5200/5300, mids 20.90 / 40.75 / 44.45 / 25.00 →
    // 40.75 + 44.45 − 20.90 − 25.00 = 39.30; natural 40.25 + 43.95 − 21.40 − 25.50 = 37.30.
    expect(screen.getByTestId('calc-credit').textContent).toBe(
      `39.30${NBSP}pts mid · 37.30${NBSP}pts natural`,
    );
    expect(screen.getByTestId('calc-result').textContent).toContain('4,760.70 – 5,239.30');
    // The same POP as the plan's Layer 1 (one pricing function, same quotes, same instant).
    const best = tab.plan.condor.figures?.best;
    expect(screen.getByTestId('calc-pop').textContent).toBe(
      `${(100 * (best?.probabilityOfProfit ?? Number.NaN)).toFixed(1)}${NBSP}%`,
    );
    const chart = screen.getByTestId('calc-chart');
    expect(chart.querySelector('path[data-series="expiry"]')).not.toBeNull();
    expect(chart.querySelector('path[data-series="today"]')).not.toBeNull();

    // Moving a strike reprices: short call 5100 (mid 74.10, bid 73.60) instead of 5200:
    // 40.75 + 74.10 − 20.90 − 25.00 = 68.95 at mid, 40.25 + 73.60 − 21.40 − 25.50 = 66.95 natural;
    // break-evens 4800 − 68.95 = 4731.05 and 5100 + 68.95 = 5168.95.
    pick('calc-shortCall', '5100');
    await waitFor(() =>
      expect(screen.getByTestId('calc-credit').textContent).toBe(
        `68.95${NBSP}pts mid · 66.95${NBSP}pts natural`,
      ),
    );
    expect(screen.getByTestId('calc-result').textContent).toContain('4,731.05 – 5,168.95');
  });

  it('keeps the last valid chart and names the bad leg when a pick is invalid', async () => {
    await tabStateItem(7).set(handTab());
    render(<App />);
    fireEvent.click(await screen.findByText('Use the suggested condor'));
    pick('calc-longPut', '4900');
    expect((await screen.findByTestId('calc-errors')).textContent).toContain(
      'Long put: Pick a long put below the short put',
    );
    expect(screen.queryByTestId('calc-result')).toBeNull();
    const chart = screen.getByTestId('calc-chart');
    expect(chart.getAttribute('data-outdated')).toBe('true');
    expect(chart.querySelector('path[data-series="expiry"]')).not.toBeNull();
  });

  it('a leg whose quote the plan leaves out says why, in words', async () => {
    // The bundled tab-state chain is off the parity line at every strike: the plan's screening
    // leaves each quote out, and the calculator says so for the picked legs instead of pricing them.
    await tabStateItem(7).set({ ...loadTabState(), plan: loadPlan('no-vix-curve') });
    render(<App />);
    fireEvent.click(await screen.findByText('Use the suggested condor'));
    expect((await screen.findByTestId('calc-errors')).textContent).toMatch(
      /^Long put: The plan leaves this put out as a bad quote: 2026-12-31 5625: reversal shows [\d.]+ points per share beyond the bid\/ask/,
    );
    expect(screen.queryByTestId('calc-result')).toBeNull();
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
