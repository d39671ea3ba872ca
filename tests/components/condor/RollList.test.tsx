// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { CondorCard } from '../../../components/condor/CondorCard';
import { plan } from '../../../lib/engine';
import { builtinCalendar } from '../../../lib/engine/events/builtin-calendar';
import { DEFAULT_SETTINGS } from '../../../lib/schema/settings';
import { nextFridays, syntheticSpxChain } from '../../fixtures/engine/synthetic-chain';

afterEach(cleanup);

const NOW = '2026-11-26T15:00:00Z';

/**
 * The engine's own plan for a synthetic SPX chain (spot 6000) with a held condor whose short
 * put 5990 sits 10 points under spot: |delta| ≈ 0.45 by hand (see
 * tests/lib/background/compute-plan.test.ts), past the 0.35 threshold; the 6300 call is far.
 */
function planWithHeld() {
  const chain = syntheticSpxChain({ now: NOW, strikesPerExpiry: 160, strikeStep: 10 });
  const expiry = nextFridays(NOW, 3)[2] ?? '';
  const held = {
    expiry,
    longPut: 5940,
    shortPut: 5990,
    shortCall: 6300,
    longCall: 6350,
    credit: 20,
    contracts: 1,
  };
  return plan(
    { chain, vixCurve: null, vixChain: null, history: [], calendar: builtinCalendar(), held },
    DEFAULT_SETTINGS,
    NOW,
  );
}

describe('CondorCard roll suggestions', () => {
  it('shows each side’s roll text with a "why" that names the tested delta', () => {
    const p = planWithHeld();
    const put = p.condor.figures?.rolls.find((r) => r.leg === 'put');
    if (!put) throw new Error('the engine made no put roll');
    render(<CondorCard plan={p} />);
    const rolls = screen.getByTestId('rolls');
    const putItem = within(rolls).getByTestId('roll-put');
    expect(putItem.getAttribute('data-action')).toBe('roll-out-in-strike');
    expect(putItem.textContent).toContain(put.text);
    expect(putItem.textContent).toContain(`(to ${put.toStrike?.toLocaleString('en-US')} points`);
    const why = within(putItem).getByLabelText('why: put side roll');
    fireEvent.click(why);
    expect(putItem.textContent).toMatch(/roll-tested-side: Short put 5990 is tested \(\|delta\| 0\.4\d/);
    expect(within(rolls).getByTestId('roll-call').textContent).toContain(
      'Short call 6300 is not tested: hold.',
    );
    expect(within(rolls).getByLabelText('why: call side hold')).toBeTruthy();
  });

  it('shows no roll section without a held condor', () => {
    const p = planWithHeld();
    const without = {
      ...p,
      condor: { ...p.condor, figures: p.condor.figures && { ...p.condor.figures, rolls: [] } },
    };
    render(<CondorCard plan={without} />);
    expect(screen.queryByTestId('rolls')).toBeNull();
  });
});
