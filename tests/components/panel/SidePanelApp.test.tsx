// @vitest-environment happy-dom
import { cleanup, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
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

  it('shows stale data as stale using the configured age', async () => {
    await settingsItem.set({ ...DEFAULT_SETTINGS, data: { staleAfterMinutes: 5 } });
    const state = { ...loadTabState(), plan: loadPlan('no-vix-curve') };
    if (state.chain) state.chain.quoteTime = new Date(Date.now() - 6 * 60_000).toISOString();
    await tabStateItem(7).set(state);
    render(<App />);
    const banner = await screen.findByTestId('stale-banner');
    expect(banner.textContent).toContain('older than 5 min');
  });

  it('reports a stored plan that is not a Plan instead of rendering it', async () => {
    await tabStateItem(7).set({ ...loadTabState(), plan: { asOf: 3 } });
    render(<App />);
    expect((await screen.findByText(/stored plan could not be shown/)).textContent).toContain('asOf');
  });
});
