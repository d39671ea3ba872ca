/** Tab state within the storage budget: rows cut to fit, least-recent tabs cleared, failures reported. */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  fitToBudget,
  saveTabState,
  TAB_BUDGET_CHARS,
  TOTAL_BUDGET_CHARS,
} from '../../../lib/background/save-tab';
import type { TabState } from '../../../lib/schema/tab-state';
import { tabStateItem } from '../../../lib/storage';
import { syntheticSpxChain } from '../../fixtures/engine/synthetic-chain';
import { tabStateOf } from '../../fixtures/tab-state';

function state(tabId: number, strikes: number): TabState {
  return tabStateOf(tabId, {
    status: { state: 'read', rows: strikes * 10, reader: 'synthetic' },
    chain: syntheticSpxChain({ now: '2026-11-26T15:00:00.000Z', strikesPerExpiry: strikes, strikeStep: 1 }),
    updatedAt: new Date().toISOString(),
  });
}

describe('saveTabState', () => {
  beforeEach(() => fakeBrowser.reset());

  it('cuts a big chain’s stored rows until the tab fits its budget', () => {
    const big = state(1, 2_000);
    expect(JSON.stringify(big).length).toBeGreaterThan(TAB_BUDGET_CHARS);
    const { stored, chars } = fitToBudget(big);
    expect(chars).toBeLessThanOrEqual(TAB_BUDGET_CHARS);
    expect(stored.chain?.expiries.length).toBe(10);
    expect(stored.chain?.coverage.note).toMatch(/rows kept for this tab's saved state/);
  });

  it('clears the least-recently written tabs when all tabs together would pass the budget', async () => {
    const evicted: number[] = [];
    const tabs = Math.ceil(TOTAL_BUDGET_CHARS / TAB_BUDGET_CHARS) + 2;
    for (let id = 100; id < 100 + tabs; id++) {
      expect(await saveTabState(state(id, 2_000), (x) => evicted.push(x))).toBeNull();
      await new Promise((r) => setTimeout(r, 2));
    }
    expect(evicted.length).toBeGreaterThan(0);
    expect(evicted[0]).toBe(100);
    const first = await tabStateItem(100).get();
    expect(first?.chain).toBeNull();
    expect(first?.notices?.[0]?.detail).toMatch(/cleared to make room/);
    expect((await tabStateItem(100 + tabs - 1).get())?.chain).not.toBeNull();
  });

  it('reports a write the browser refuses, with its reason', async () => {
    // Storage full of something we may not clear: only a small write still fits.
    const real = fakeBrowser.storage.session.set.bind(fakeBrowser.storage.session);
    vi.spyOn(fakeBrowser.storage.session, 'set').mockImplementation(async (items) => {
      if (JSON.stringify(items).length > 5_000) throw new Error('QUOTA_BYTES quota exceeded');
      return real(items);
    });
    const problem = await saveTabState(state(7, 50), () => {});
    expect(problem?.kind).toBe('storage');
    expect(problem?.detail).toMatch(/QUOTA_BYTES quota exceeded/);
    expect((await tabStateItem(7).get())?.notices?.[0]?.kind).toBe('storage');
  });
});
