// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { App as PopupApp } from '../../../entrypoints/popup/App';
import { App } from '../../../entrypoints/sidepanel/App';
import { DEFAULT_SETTINGS } from '../../../lib/schema/settings';
import { settingsItem, tabStateItem } from '../../../lib/storage';
import { loadPlan, loadTabState } from '../fixtures';

beforeEach(() => {
  fakeBrowser.reset();
  window.history.replaceState({}, '', '/sidepanel.html?tabId=7');
});
afterEach(cleanup);

describe('side panel App', () => {
  it('hydrates from session storage and follows later writes without a reload', async () => {
    const state = { ...loadTabState(), plan: loadPlan('no-vix-curve'), updatedAt: new Date().toISOString() };
    // Quotes read "now" so they are fresh.
    if (state.chain) state.chain.quoteTime = new Date().toISOString();
    await tabStateItem(7).set(state);
    render(<App />);
    await screen.findByTestId('condor-card');
    expect(screen.getByTestId('contracts').textContent).toBe('2');
    expect(screen.queryByTestId('stale-banner')).toBeNull();
    expect(screen.getAllByText('Information, not financial advice.').length).toBeGreaterThan(0);
    // No VIX curve in the tab: the manual-entry form is offered.
    expect(screen.getByRole('form', { name: /VIX curve by hand/ })).toBeTruthy();

    const next = structuredClone(state);
    const best = next.plan && (next.plan as ReturnType<typeof loadPlan>).condor.figures?.best;
    if (best) best.contracts = 1;
    await tabStateItem(7).set(next);
    await waitFor(() => expect(screen.getByTestId('contracts').textContent).toBe('1'));
  });

  it('shows stale data as stale using the configured age beyond the Cboe delay', async () => {
    await settingsItem.set({ ...DEFAULT_SETTINGS, data: { ...DEFAULT_SETTINGS.data, staleAfterMinutes: 5 } });
    const state = { ...loadTabState(), plan: loadPlan('no-vix-curve') };
    // The fixture is a Cboe delayed page: 15 min delay + 5 min setting = stale beyond 20 min.
    if (state.chain) state.chain.quoteTime = new Date(Date.now() - 21 * 60_000).toISOString();
    await tabStateItem(7).set(state);
    render(<App />);
    const banner = await screen.findByTestId('stale-banner');
    expect(banner.textContent).toContain('older than 20 min');
    expect(banner.textContent).toContain('Cboe quotes are delayed 15 min; stale after 5 min beyond that');
  });

  it('reports a stored plan that is not a Plan instead of rendering it', async () => {
    await tabStateItem(7).set({ ...loadTabState(), plan: { asOf: 3 } });
    render(<App />);
    expect((await screen.findByText(/stored plan could not be shown/)).textContent).toContain('asOf');
  });
});

describe('side panel actions', () => {
  it('asks the background to recompute this tab', async () => {
    const received: unknown[] = [];
    fakeBrowser.runtime.onMessage.addListener((msg, _sender, sendResponse) => {
      received.push(msg);
      sendResponse({ ok: true });
      return true;
    });
    await tabStateItem(7).set({ ...loadTabState(), plan: loadPlan('no-vix-curve') });
    render(<App />);
    (await screen.findByRole('button', { name: 'Recompute' })).click();
    await waitFor(() => expect(received).toEqual([{ type: 'recompute', tabId: 7 }]));
  });

  it('sends a hand-entered VIX curve to the background', async () => {
    const received: unknown[] = [];
    fakeBrowser.runtime.onMessage.addListener((msg, _sender, sendResponse) => {
      received.push(msg);
      sendResponse({ ok: true });
      return true;
    });
    await tabStateItem(7).set({ ...loadTabState(), plan: loadPlan('no-vix-curve') });
    const { container } = render(<App />);
    await screen.findByRole('form', { name: /VIX curve by hand/ });
    const set = (name: string, v: string) =>
      fireEvent.input(container.querySelector(`input[name="${name}"]`) as HTMLInputElement, {
        target: { value: v },
      });
    set('vix-expiry-0', '2026-12-16');
    set('vix-price-0', '18.4');
    set('vix-expiry-1', '2027-01-20');
    set('vix-price-1', '18.6');
    fireEvent.click(screen.getByText('Use this curve'));
    await screen.findByText('Curve sent: the plan is being recomputed.');
    expect(received[0]).toMatchObject({ type: 'set-vix-curve', snapshot: { source: { reader: 'manual' } } });
  });
});

describe('settings that failed their check', () => {
  it('says in the side panel and the popup that the plan uses the default settings', async () => {
    await tabStateItem(7).set({ ...loadTabState(), plan: loadPlan('no-vix-curve') });
    // A stored value the schema refuses (contracts must be whole and ≥ 1).
    await fakeBrowser.storage.sync.set({
      settings: { ...DEFAULT_SETTINGS, risk: { ...DEFAULT_SETTINGS.risk, maxContracts: 0.5 } },
    });
    render(<App />);
    const notice = await screen.findByTestId('settings-fallback');
    expect(notice.textContent).toContain('Max contracts');
    expect(notice.textContent).toContain('this plan uses the default settings');
    cleanup();
    render(<PopupApp />);
    expect((await screen.findByTestId('settings-fallback')).textContent).toContain('default settings');
  });

  it('says nothing when the stored settings are fine or were never saved', async () => {
    await tabStateItem(7).set({ ...loadTabState(), plan: loadPlan('no-vix-curve') });
    render(<App />);
    await screen.findByTestId('condor-card');
    expect(screen.queryByTestId('settings-fallback')).toBeNull();
  });
});
