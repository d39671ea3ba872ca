import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { computePlanForTab, listsHeld } from '../../../lib/background/compute-plan';
import { startHub } from '../../../lib/background/hub';
import type { HeldCondor } from '../../../lib/engine/condor/rolls';
import type { Plan } from '../../../lib/engine/plan-types';
import { DEFAULT_SETTINGS } from '../../../lib/schema/settings';
import { heldCondorItem, tabStateItem } from '../../../lib/storage';
import { nextFridays, syntheticSpxChain } from '../../fixtures/engine/synthetic-chain';

const NOW = '2026-11-26T15:00:00Z';
// Spot 6000, strikes 5200–6790 every 10 points, SPXW Fridays after NOW.
const chainAt = (now: string) => syntheticSpxChain({ now, strikesPerExpiry: 160, strikeStep: 10 });
/** The third Friday after `now`: 15–21 days out, so a tested side rolls out in strike (≥ 7 days). */
const heldExpiry = (now: string) => nextFridays(now, 3)[2] ?? '';

/**
 * Short put 5990, 10 points under spot 6000: near the money. Hand estimate of its delta
 * (Black-76, put delta = −D·N(−d1)), for the default 3rd Friday (15 days from NOW):
 * T = 15/365 = 0.041, F ≈ 6000·e^{(0.04−0.013)·0.041} ≈ 6007, σ ≈ 0.13, σ√T ≈ 0.026;
 * d1 = ln(6007/5990)/0.026 + 0.013 ≈ 0.12, N(−0.12) ≈ 0.45: above the 0.35 roll threshold
 * (docs/method.md default). Short call 6300: d1 ≈ ln(6007/6300)/0.026 ≈ −1.8, delta ≈ N(−1.8)
 * ≈ 0.04, and ~310 points from its break-even 6320: not tested.
 */
const heldFor = (now: string): HeldCondor => ({
  expiry: heldExpiry(now),
  longPut: 5940,
  shortPut: 5990,
  shortCall: 6300,
  longCall: 6350,
  credit: 20,
  contracts: 1,
});

function planOf(out: Awaited<ReturnType<typeof computePlanForTab>>): Plan {
  if (!('plan' in out)) throw new Error(out.error);
  return out.plan as Plan;
}

describe('computePlanForTab', () => {
  beforeEach(() => fakeBrowser.reset());

  it('passes the stored held condor: a tested short put gets a roll, the untested call holds', async () => {
    await heldCondorItem.set(heldFor(NOW));
    const plan = planOf(await computePlanForTab(chainAt(NOW), null, DEFAULT_SETTINGS, new Date(NOW)));
    const rolls = plan.condor.figures?.rolls ?? [];
    const put = rolls.find((r) => r.leg === 'put');
    expect(put?.action).toBe('roll-out-in-strike');
    // Rolled further from the money, in the same expiry.
    expect(put?.toStrike).toBeLessThan(5990);
    expect(put?.toExpiry).toBe(heldExpiry(NOW));
    expect(rolls.find((r) => r.leg === 'call')?.action).toBe('hold');
    const why = plan.condor.why.find((w) => w.rule === 'roll-tested-side');
    expect(why?.inputs.strike).toBe(5990);
    // The hand estimate above says ≈ 0.45; the solved smile must agree it is past 0.35.
    expect(why?.inputs.delta).toBeGreaterThan(DEFAULT_SETTINGS.condor.rollDeltaThreshold);
    expect(why?.inputs.delta).toBeLessThan(0.6);
  });

  it('says nothing about a held condor whose expiry is not on the page', async () => {
    await heldCondorItem.set({ ...heldFor(NOW), expiry: '2027-06-18' });
    const plan = planOf(await computePlanForTab(chainAt(NOW), null, DEFAULT_SETTINGS, new Date(NOW)));
    expect(plan.condor.figures?.rolls).toEqual([]);
    expect(plan.condor.why.some((w) => w.rule.startsWith('roll-'))).toBe(false);
  });

  it('gives no rolls without a held condor', async () => {
    const plan = planOf(await computePlanForTab(chainAt(NOW), null, DEFAULT_SETTINGS, new Date(NOW)));
    expect(plan.condor.status).toBe('suggested');
    expect(plan.condor.figures?.rolls).toEqual([]);
  });
});

describe('listsHeld', () => {
  it('needs the expiry and a listed strike between the long wings', () => {
    const chain = chainAt(NOW);
    expect(listsHeld(chain, heldFor(NOW))).toBe(true);
    // Same date, other underlying (strikes 5200–6790 never reach a VIX-sized condor).
    expect(
      listsHeld(chain, { ...heldFor(NOW), longPut: 10, shortPut: 15, shortCall: 30, longCall: 40 }),
    ).toBe(false);
    expect(listsHeld(chain, { ...heldFor(NOW), expiry: '2027-06-18' })).toBe(false);
  });
});

describe('background hub with a held condor', () => {
  const TAB = 9;
  const URL = 'http://127.0.0.1:8080/demo/spx-chain.html';

  beforeEach(() => {
    fakeBrowser.reset();
    // WXT's fake browser has no in-memory commands API; the hub only registers a listener.
    vi.spyOn(fakeBrowser.commands.onCommand, 'addListener').mockImplementation(() => {});
    startHub();
  });

  it('re-plans the tab with roll suggestions when the held condor is saved, and drops them when cleared', async () => {
    const now = new Date().toISOString();
    // Sent as the content script sends it (same shape as hub.test.ts's deliver()).
    const sender: object = { id: fakeBrowser.runtime.id, tab: { id: TAB }, url: URL };
    await new Promise<void>((resolve) => {
      void fakeBrowser.runtime.onMessage.trigger(
        { type: 'snapshot', url: URL, snapshot: chainAt(now) },
        sender,
        () => resolve(),
      );
    });
    const rollsNow = async () =>
      ((await tabStateItem(TAB).get())?.plan as Plan | null)?.condor.figures?.rolls;
    expect(await rollsNow()).toEqual([]);
    await heldCondorItem.set(heldFor(now));
    await vi.waitFor(
      async () => expect((await rollsNow())?.find((r) => r.leg === 'put')?.action).toBe('roll-out-in-strike'),
      {
        timeout: 5_000,
        interval: 20,
      },
    );
    await heldCondorItem.set(null);
    await vi.waitFor(async () => expect(await rollsNow()).toEqual([]), { timeout: 5_000, interval: 20 });
  });
});
