/**
 * The hub under abuse (issue 12): shared VIX inputs only from VIX pages, one job at a time
 * per tab, a merge that never locks a tab, a refused snapshot marking the plan stale, a
 * closed tab taking its backup along.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { startHub } from '../../../lib/background/hub';
import type { VixCurveSnapshot } from '../../../lib/engine/snapshot-types';
import type { Reply } from '../../../lib/schema/from-background';
import { latestVixChainItem, latestVixCurveItem, tabStateItem } from '../../../lib/storage';
import { syntheticSpxChain } from '../../fixtures/engine/synthetic-chain';

const TAB = 11;
const LOCAL = 'http://127.0.0.1:8080/any-page.html';
const VIX_PAGE = 'https://www.cboe.com/tradable_products/vix/vix_futures/';
const VIX_OPTIONS = 'https://www.cboe.com/delayed_quotes/vix/quote_table';

async function deliver(message: unknown, sender: object): Promise<Reply> {
  return new Promise((resolve) => {
    void fakeBrowser.runtime.onMessage.trigger(message, sender, (r: Reply) => resolve(r));
  });
}
const from = (url: string, tab = TAB) => ({ id: fakeBrowser.runtime.id, tab: { id: tab }, url });

function curve(reader: string, price: number): VixCurveSnapshot {
  const now = new Date().toISOString();
  return {
    kind: 'vix-curve',
    source: { reader, url: 'claimed-by-content-script', readAt: now },
    spot: 16,
    indices: {},
    futures: [
      { expiry: '2027-01-20', symbol: 'VX/F7', price },
      { expiry: '2027-02-17', symbol: 'VX/G7', price: price + 1 },
    ],
  };
}

describe('hub: shared VIX inputs', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.spyOn(fakeBrowser.commands.onCommand, 'addListener').mockImplementation(() => {});
    startHub();
  });

  it('a VIX table on any other page stays in its tab and says so', async () => {
    await deliver({ type: 'snapshot', url: LOCAL, snapshot: curve('generic-vix-table', 0.5) }, from(LOCAL));
    expect(await latestVixCurveItem.get()).toBeNull();
    const s = await tabStateItem(TAB).get();
    expect(s?.notices?.map((n) => n.kind)).toEqual(['vix-source']);
  });

  it('a VIX reader claiming its id on a page that is not its own is not trusted', async () => {
    await deliver({ type: 'snapshot', url: VIX_PAGE, snapshot: curve('cboe-vix-futures', 0.5) }, from(LOCAL));
    expect(await latestVixCurveItem.get()).toBeNull();
  });

  it('the Cboe VIX futures reader on its page sets the shared curve', async () => {
    await deliver(
      { type: 'snapshot', url: VIX_PAGE, snapshot: curve('cboe-vix-futures', 17) },
      from(VIX_PAGE),
    );
    expect((await latestVixCurveItem.get())?.futures[0]?.price).toBe(17);
  });

  it('a chain whose symbol says VIX is every tab’s VIX chain only from the Cboe VIX options page', async () => {
    const vix = syntheticSpxChain({
      now: new Date().toISOString(),
      strikesPerExpiry: 20,
      spot: 18,
      strikeStep: 1,
    });
    vix.underlying.symbol = 'VIX';
    await deliver({ type: 'snapshot', url: LOCAL, snapshot: vix }, from(LOCAL));
    expect(await latestVixChainItem.get()).toBeNull();
    const real = { ...vix, source: { ...vix.source, reader: 'cboe' } };
    await deliver({ type: 'snapshot', url: VIX_OPTIONS, snapshot: real }, from(VIX_OPTIONS, TAB + 1));
    expect((await latestVixChainItem.get())?.underlying.symbol).toBe('VIX');
  });
});

describe('hub: order, bounds, refusals', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.spyOn(fakeBrowser.commands.onCommand, 'addListener').mockImplementation(() => {});
    startHub();
  });

  it('a newer snapshot’s plan is never overwritten by an older, slower one', async () => {
    const now = new Date().toISOString();
    const slow = syntheticSpxChain({ now, strikesPerExpiry: 400, strikeStep: 5 });
    const fast = syntheticSpxChain({ now, strikesPerExpiry: 20, strikeStep: 50 });
    fast.underlying.symbol = 'XSP';
    // Sent back to back without waiting: the second must win.
    const a = deliver({ type: 'snapshot', url: LOCAL, snapshot: slow }, from(LOCAL));
    const b = deliver({ type: 'snapshot', url: LOCAL, snapshot: fast }, from(LOCAL));
    await Promise.all([a, b]);
    expect((await tabStateItem(TAB).get())?.chain?.underlying.symbol).toBe('XSP');
  });

  it('reading one expiry after another past 200 expiries keeps taking new reads', async () => {
    const now = new Date().toISOString();
    const base = syntheticSpxChain({ now, strikesPerExpiry: 4, strikeStep: 25, expiries: ['2027-01-15'] });
    for (let i = 0; i < 205; i++) {
      const d = new Date(Date.UTC(2027, 0, 15 + i)).toISOString().slice(0, 10);
      const snap = { ...base, expiries: [{ ...base.expiries[0]!, expiry: d }] };
      expect(await deliver({ type: 'snapshot', url: LOCAL, snapshot: snap }, from(LOCAL))).toEqual({
        ok: true,
      });
    }
    const s = await tabStateItem(TAB).get();
    expect(s?.chain?.expiries.length).toBe(200);
    // The newest read is in, the earliest-dated ones went first.
    expect(s?.chain?.expiries.at(-1)?.expiry).toBe('2027-08-07');
    expect(s?.chain?.expiries[0]?.expiry).toBe('2027-01-20');
    expect(s?.notices ?? []).toEqual([]);
  }, 60_000);

  it('a refused snapshot marks the held plan stale, and the next good read clears it', async () => {
    const chain = syntheticSpxChain({ now: new Date().toISOString(), strikesPerExpiry: 60, strikeStep: 25 });
    await deliver({ type: 'snapshot', url: LOCAL, snapshot: chain }, from(LOCAL));
    const bad = { ...chain, expiries: [{ ...chain.expiries[0]!, rows: 'x' }] };
    expect((await deliver({ type: 'snapshot', url: LOCAL, snapshot: bad }, from(LOCAL))).ok).toBe(false);
    await vi.waitFor(async () => {
      const s = await tabStateItem(TAB).get();
      expect(s?.notices?.[0]?.kind).toBe('stale');
      expect(s?.plan).not.toBeNull();
    });
    await deliver({ type: 'snapshot', url: LOCAL, snapshot: chain }, from(LOCAL));
    expect((await tabStateItem(TAB).get())?.notices ?? []).toEqual([]);
  });

  it('a closed tab takes its state and its backup with it', async () => {
    const chain = syntheticSpxChain({ now: new Date().toISOString(), strikesPerExpiry: 20, strikeStep: 50 });
    await deliver({ type: 'snapshot', url: LOCAL, snapshot: chain }, from(LOCAL));
    await fakeBrowser.storage.local.set({ [`backup:session:tab:${TAB}`]: { raw: 'x' } });
    await fakeBrowser.tabs.onRemoved.trigger(TAB, { windowId: 1, isWindowClosing: false });
    await vi.waitFor(async () => {
      expect(await tabStateItem(TAB).get()).toBeNull();
      expect(Object.keys(await fakeBrowser.storage.local.get(null))).toEqual([]);
    });
  });
});
