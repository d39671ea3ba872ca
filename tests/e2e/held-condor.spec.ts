/**
 * Layer 1's weekly adjustment in real Chromium with the built extension, on the bundled demo
 * chain page: the user enters the condor they hold in the side panel's form, with the short
 * put just under the forward; the background re-plans and the Layer 1 card shows a roll
 * suggestion for the put side — the one the engine computes here, in Node, for the same chain,
 * held condor and plan time. Clearing the form removes it. Screenshot kept as an artifact.
 */
import { plan } from '../../lib/engine';
import type { HeldCondor } from '../../lib/engine/condor/rolls';
import { builtinCalendar } from '../../lib/engine/events/builtin-calendar';
import type { Plan } from '../../lib/engine/plan-types';
import { DEFAULT_SETTINGS } from '../../lib/schema/settings';
import type { TabState } from '../../lib/schema/tab-state';
import { expect, test } from './fixtures';
import { openDemoChain } from './pages/demo-chain';
import { heldState } from './pages/tab-state';

const rollsOf = (s: TabState) => (s.plan as Plan | null)?.condor.figures?.rolls ?? [];

test('a held condor with its short put near the money gets the engine’s roll suggestion in Layer 1', async ({
  context,
  site,
  tabIdOf,
  serviceWorker,
  openExtensionPage,
  keepScreenshot,
}) => {
  const page = await context.newPage();
  await openDemoChain(page, site);
  const tabId = await tabIdOf(page);
  const first = await heldState(serviceWorker, tabId, (s) => s.plan !== null);
  const best = (first.plan as Plan).condor.figures?.best;
  if (!best || !first.chain) throw new Error('no Layer 1 suggestion on the demo page');
  expect(rollsOf(first)).toEqual([]);

  // The held condor: the suggestion's expiry and call side, but its short put moved up to the
  // highest listed strike at or under the forward (at most one 25-point step under it).
  // Demo smile (tests/demo/demo-pages.ts): ATM σ = 0.115 + 0.05·√T. Put |delta| = D·N(−d1),
  // d1 ≤ ln(F/(F−25))/(σ√T) + σ√T/2. At 25 days: σ√T ≈ 0.128·0.262 ≈ 0.034, d1 ≤ 0.107 + 0.017
  // → |delta| ≳ N(−0.12) ≈ 0.45; at 53 days: σ√T ≈ 0.134·0.381 ≈ 0.051, d1 ≤ 0.071 + 0.026
  // → ≳ 0.46. Either way past the 0.35 roll threshold (docs/method.md default).
  const exp = first.chain.expiries.find((e) => e.expiry === best.expiry);
  const under = (exp?.rows ?? [])
    .map((r) => r.strike)
    .filter((k) => k <= best.forward && k < best.legs.shortCall.strike);
  const shortPut = Math.max(...under);
  const longPut = Math.max(...under.filter((k) => k <= shortPut - 50));
  const held: HeldCondor = {
    expiry: best.expiry,
    longPut,
    shortPut,
    shortCall: best.legs.shortCall.strike,
    longCall: best.legs.longCall.strike,
    credit: 20,
    contracts: 1,
  };

  const panel = await openExtensionPage(`sidepanel.html?tabId=${tabId}`);
  const form = panel.getByTestId('held-condor');
  await expect(form).toBeVisible({ timeout: 15_000 });
  // Keyboard: focus the expiry select, choose with the keyboard's select, type the numbers.
  await form.getByLabel('Expiry (date)').focus();
  await form.getByLabel('Expiry (date)').selectOption(held.expiry);
  await form.getByLabel('Long put strike (points)').fill(String(held.longPut));
  await form.getByLabel('Short put strike (points)').fill(String(held.shortPut));
  await form.getByLabel('Short call strike (points)').fill(String(held.shortCall));
  await form.getByLabel('Long call strike (points)').fill(String(held.longCall));
  await form.getByLabel('Opening credit (points per share)').fill(String(held.credit));
  await form.getByLabel('Contracts (count)').fill(String(held.contracts));
  await form.getByLabel('Contracts (count)').press('Enter');
  await expect(form.getByTestId('held-status')).toHaveText(/^Saved/);

  // The background re-planned with the held condor; the engine, run here on the same chain,
  // held condor and plan time, gives the same roll.
  const after = await heldState(serviceWorker, tabId, (s) => rollsOf(s).length > 0);
  if (!after.chain) throw new Error('no chain held');
  const expected = plan(
    {
      chain: after.chain,
      vixCurve: after.vixCurve,
      vixChain: null,
      history: [],
      calendar: builtinCalendar(),
      held,
    },
    DEFAULT_SETTINGS,
    (after.plan as Plan).asOf,
  ).condor.figures?.rolls.find((r) => r.leg === 'put');
  expect(expected?.action).not.toBe('hold');
  expect(rollsOf(after).find((r) => r.leg === 'put')).toEqual(expected);

  const card = panel.getByTestId('condor-card');
  const putRoll = card.getByTestId('roll-put');
  await expect(putRoll).toContainText(expected?.text ?? 'missing', { timeout: 15_000 });
  await expect(putRoll).toContainText(`Roll the short put from ${shortPut}`);
  await expect(card.getByTestId('roll-call')).toBeVisible();
  // Its "why" opens from the keyboard and names the tested side.
  const why = putRoll.getByLabel('why: put side roll');
  await why.focus();
  await why.press('Enter');
  await expect(putRoll).toContainText(`roll-tested-side: Short put ${shortPut} is tested`);
  await putRoll.scrollIntoViewIfNeeded();
  await keepScreenshot(panel, 'held-condor-roll');

  // Clear: the roll suggestions go away.
  await form.getByRole('button', { name: 'Clear' }).click();
  await expect(card.getByTestId('rolls')).toHaveCount(0, { timeout: 15_000 });
});
