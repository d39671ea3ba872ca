import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { startHub } from '../../../lib/background/hub';
import type { Plan } from '../../../lib/engine/plan-types';
import type { ChainRow, ChainSnapshot } from '../../../lib/engine/snapshot-types';
import { PARTIAL_REFUSED, type Reply } from '../../../lib/schema/from-background';
import { DEFAULT_SETTINGS } from '../../../lib/schema/settings';
import { settingsItem, tabStateItem } from '../../../lib/storage';
import { syntheticSpxChain } from '../../fixtures/engine/synthetic-chain';

const TAB = 7;
const URL = 'http://127.0.0.1:8080/demo/spx-chain.html';

async function deliver(message: unknown, sender: object): Promise<Reply> {
  return new Promise((resolve) => {
    void fakeBrowser.runtime.onMessage.trigger(message, sender, (r: Reply) => resolve(r));
  });
}
const fromTab = () => ({ id: fakeBrowser.runtime.id, tab: { id: TAB }, url: URL });

async function waitFor<T>(get: () => Promise<T>, ok: (v: T) => boolean): Promise<T> {
  for (let i = 0; i < 100; i++) {
    const v = await get();
    if (ok(v)) return v;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error('timed out');
}

/**
 * The chain after `change` to one row: whole (`changed`), and as the tab sends it after its
 * first read (`partial`: every series listed, only that row).
 */
function changedRead(chain: ChainSnapshot, expiry: number, at: number, change: (row: ChainRow) => void) {
  const changed = structuredClone(chain);
  const row = changed.expiries[expiry]?.rows[at];
  if (!row) throw new Error('fixture without that row');
  change(row);
  const partial = {
    ...changed,
    expiries: changed.expiries.map((e, i) => ({ ...e, rows: i === expiry ? [row] : [] })),
  };
  return { changed, partial };
}

describe('background hub', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    // WXT's fake browser has no in-memory commands API; the hub only registers a listener.
    vi.spyOn(fakeBrowser.commands.onCommand, 'addListener').mockImplementation(() => {});
    startHub();
  });

  it('sends the tab only the part of the plan the overlay draws', async () => {
    const sent: unknown[] = [];
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation(async (_tab: number, m: unknown) => {
      sent.push(m);
    });
    const chain = syntheticSpxChain({ now: new Date().toISOString(), strikesPerExpiry: 160, strikeStep: 10 });
    await deliver({ type: 'snapshot', url: URL, snapshot: chain }, fromTab());
    const stored = (await tabStateItem(TAB).get())?.plan as Plan | null | undefined;
    const best = stored?.condor.figures?.best;
    expect(best).toBeTruthy();
    const last = sent.at(-1) as { type: string; plan: unknown };
    expect(last.type).toBe('overlay');
    const leg = (l: { side: string; strike: number; delta: number }) => ({
      side: l.side,
      strike: l.strike,
      delta: l.delta,
    });
    expect(last.plan).toEqual({
      condor: {
        reason: stored?.condor.reason,
        figures: {
          best: {
            expiry: best?.expiry,
            legs: {
              longPut: leg(best!.legs.longPut),
              shortPut: leg(best!.legs.shortPut),
              shortCall: leg(best!.legs.shortCall),
              longCall: leg(best!.legs.longCall),
            },
            breakEvenLow: best?.breakEvenLow,
            breakEvenHigh: best?.breakEvenHigh,
          },
        },
      },
    });
    expect(JSON.stringify(last.plan).length).toBeLessThan(JSON.stringify(stored).length / 10);
  });

  it('holds a tab’s chain, runs the engine and stores a schema-valid plan', async () => {
    const chain = syntheticSpxChain({ now: new Date().toISOString(), strikesPerExpiry: 160, strikeStep: 10 });
    expect(await deliver({ type: 'snapshot', url: URL, snapshot: chain }, fromTab())).toEqual({ ok: true });
    const state = await tabStateItem(TAB).get();
    expect(state?.status).toEqual({ state: 'read', rows: 1600, reader: 'synthetic' });
    expect(state?.planError).toBeNull();
    expect(state?.plan).toMatchObject({ condor: { status: 'suggested' } });
  });

  it('merges a partial chain (changed rows only) over the held one; refuses it with nothing held', async () => {
    const chain = syntheticSpxChain({ now: new Date().toISOString(), strikesPerExpiry: 60, strikeStep: 25 });
    const { changed, partial } = changedRead(chain, 2, 10, (row) => {
      if (!row.call) throw new Error('fixture without that call');
      row.call.bid = 77.7;
    });
    expect(
      await deliver({ type: 'snapshot', url: URL, snapshot: partial, partial: true }, fromTab()),
    ).toEqual({
      ok: false,
      error: PARTIAL_REFUSED,
    });
    expect((await tabStateItem(TAB).get())?.chain ?? null).toBeNull();
    await deliver({ type: 'snapshot', url: URL, snapshot: chain }, fromTab());
    expect(
      await deliver({ type: 'snapshot', url: URL, snapshot: partial, partial: true }, fromTab()),
    ).toEqual({
      ok: true,
    });
    const state = await tabStateItem(TAB).get();
    // The held chain is now the changed read, row for row; the status counts the page's rows.
    expect(state?.chain?.expiries).toEqual(changed.expiries);
    expect(state?.status).toEqual({ state: 'read', rows: 600, reader: 'synthetic' });
  });

  it('takes a live page’s later reads without reading the tab’s state back from storage', async () => {
    const chain = syntheticSpxChain({ now: new Date().toISOString(), strikesPerExpiry: 60, strikeStep: 25 });
    await deliver({ type: 'snapshot', url: URL, snapshot: chain }, fromTab());
    const { changed, partial } = changedRead(chain, 1, 5, (row) => {
      if (!row.put) throw new Error('fixture without that put');
      row.put.ask = 88.8;
    });
    const get = vi.spyOn(fakeBrowser.storage.session, 'get');
    const tabReads = () =>
      get.mock.calls.filter(([keys]) => keys === null || JSON.stringify(keys).includes(`tab:${TAB}`)).length;
    expect(
      await deliver({ type: 'snapshot', url: URL, snapshot: partial, partial: true }, fromTab()),
    ).toEqual({
      ok: true,
    });
    expect(tabReads()).toBe(0);
    // What storage holds is what the hub took: the side panel reads the same state.
    const state = await tabStateItem(TAB).get();
    expect(state?.chain?.expiries).toEqual(changed.expiries);
    expect(state?.status).toEqual({ state: 'read', rows: 600, reader: 'synthetic' });
  });

  it('keeps the last good chain when a later read fails, and shows why', async () => {
    const chain = syntheticSpxChain({ now: new Date().toISOString(), strikesPerExpiry: 60, strikeStep: 25 });
    await deliver({ type: 'snapshot', url: URL, snapshot: chain }, fromTab());
    const failure = { reason: 'layout-changed', detail: 'Demo: no Strike column' };
    await deliver({ type: 'read-failed', url: URL, reader: 'generic-table', failure }, fromTab());
    const state = await tabStateItem(TAB).get();
    expect(state?.status).toEqual({ state: 'failed', failure, reader: 'generic-table' });
    expect(state?.chain?.expiries.length).toBe(10);
  });

  it('recomputes the plan when a risk limit changes', async () => {
    const chain = syntheticSpxChain({ now: new Date().toISOString(), strikesPerExpiry: 160, strikeStep: 10 });
    await deliver({ type: 'snapshot', url: URL, snapshot: chain }, fromTab());
    await settingsItem.set({ ...DEFAULT_SETTINGS, risk: { ...DEFAULT_SETTINGS.risk, maxContracts: 1 } });
    const state = await waitFor(
      () => tabStateItem(TAB).get(),
      (s) =>
        (s?.plan as { condor?: { figures?: { best?: { contracts?: number } } } })?.condor?.figures?.best
          ?.contracts === 1,
    );
    expect(state?.plan).toMatchObject({
      condor: { figures: { best: { contracts: 1, boundBy: expect.any(String) } } },
    });
  });

  it('ignores a snapshot that fails its schema and keeps what it had', async () => {
    const reply = await deliver(
      { type: 'snapshot', url: URL, snapshot: { kind: 'option-chain', rows: 'x' } },
      fromTab(),
    );
    expect(reply.ok).toBe(false);
    expect(await tabStateItem(TAB).get()).toBeNull();
  });
});

describe('userCalendar', () => {
  it('applies removals and additions; coverage is the built-in or the declared one, never the last date entered', async () => {
    const { userCalendar } = await import('../../../lib/background/compute-plan');
    const { builtinCalendar } = await import('../../../lib/engine/events/builtin-calendar');
    const base = builtinCalendar();
    const first = base.events[0]!;
    const cal = userCalendar({
      removed: [{ date: first.date, kind: first.kind }],
      added: [
        { date: '2026-12-11', kind: 'PPI', label: 'PPI release' },
        { date: '2027-01-14', kind: 'PPI', label: 'PPI release' },
      ],
      coveredThrough: { FOMC: null, CPI: '2027-06-30', PPI: null },
    });
    expect(cal.events.some((e) => e.date === first.date && e.kind === first.kind)).toBe(false);
    expect(cal.events.filter((e) => e.kind === 'PPI').map((e) => e.source)).toEqual(['user', 'user']);
    // Two PPI dates say nothing about the months between or after them: PPI stays uncovered.
    expect(cal.coveredThrough.PPI).toBeNull();
    // CPI: the user's declaration (2027-06-30) is later than the built-in 2026-12-31.
    expect(cal.coveredThrough.CPI).toBe('2027-06-30');
    expect(cal.coveredThrough.FOMC).toBe(base.coveredThrough.FOMC);
  });
});
