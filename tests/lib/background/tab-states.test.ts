/** Tab states kept in memory by their only writer: storage is read only for a tab not written since the start. */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  forgetTabStates,
  readTabState,
  removeTabState,
  writeTabState,
} from '../../../lib/background/tab-states';
import type { TabState } from '../../../lib/schema/tab-state';
import { tabStateItem } from '../../../lib/storage';
import { tabStateOf } from '../../fixtures/tab-state';

const state = (tabId: number, rows: number): TabState =>
  tabStateOf(tabId, { status: { state: 'read', rows, reader: 'synthetic' } });

/** Reads of the tab's key from session storage since the spy was set. */
function storageReads(tabId: number): () => number {
  const get = vi.spyOn(fakeBrowser.storage.session, 'get');
  return () =>
    get.mock.calls.filter(([keys]) => keys === null || JSON.stringify(keys).includes(`tab:${tabId}`)).length;
}

describe('tab states', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.restoreAllMocks();
    forgetTabStates();
  });

  it('gives back what it wrote without reading storage, and storage holds the same', async () => {
    await writeTabState(3, state(3, 10));
    const reads = storageReads(3);
    expect(await readTabState(3)).toEqual(state(3, 10));
    expect(reads()).toBe(0);
    expect(await tabStateItem(3).get()).toEqual(state(3, 10));
  });

  it('reads storage, checked against the schema, for a tab it has not written since it started', async () => {
    await tabStateItem(4).set(state(4, 20)); // written before this start (a service-worker restart)
    const reads = storageReads(4);
    expect(await readTabState(4)).toEqual(state(4, 20));
    expect(reads()).toBeGreaterThan(0);
    // A corrupted stored state is not handed on: the item's fallback (null) is.
    await fakeBrowser.storage.session.set({ 'tab:5': { tabId: 'five' } });
    expect(await readTabState(5)).toBeNull();
  });

  it('after a refused write, reads what storage still holds', async () => {
    await writeTabState(6, state(6, 30));
    vi.spyOn(fakeBrowser.storage.session, 'set').mockRejectedValueOnce(
      new Error('QUOTA_BYTES quota exceeded'),
    );
    await expect(writeTabState(6, state(6, 31))).rejects.toThrow(/QUOTA/);
    expect((await readTabState(6))?.status).toEqual({ state: 'read', rows: 30, reader: 'synthetic' });
    // An invalid state is refused by the schema before anything is written.
    await expect(writeTabState(6, { ...state(6, 32), tabId: -1.5 })).rejects.toThrow();
    expect((await readTabState(6))?.status).toEqual({ state: 'read', rows: 30, reader: 'synthetic' });
  });

  it('forgets a removed tab and, after a new start, asks storage again', async () => {
    await writeTabState(8, state(8, 40));
    await removeTabState(8);
    expect(await readTabState(8)).toBeNull();
    await writeTabState(9, state(9, 50));
    await fakeBrowser.storage.session.set({ 'tab:9': state(9, 51) }); // as after a restart
    expect((await readTabState(9))?.status).toMatchObject({ rows: 50 });
    forgetTabStates();
    expect((await readTabState(9))?.status).toMatchObject({ rows: 51 });
  });
});
