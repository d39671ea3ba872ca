// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { useStore } from 'zustand';
import { HeldCondorForm } from '../../../components/condor/HeldCondorForm';
import type { CondorCandidate } from '../../../lib/engine/plan-types';
import { heldCondorItem } from '../../../lib/storage';
import { createHeldCondorStore, type HeldCondorStore } from '../../../lib/stores/held-condor-store';
import { loadPlan } from '../fixtures';

const EXPIRIES = ['2026-12-04', '2026-12-11', '2026-12-18'];

/** The form wired to a real store over WXT's in-memory storage, as the side panel wires it. */
function Bound({ store, suggestion }: { store: HeldCondorStore; suggestion: CondorCandidate | null }) {
  const s = useStore(store);
  return (
    <HeldCondorForm
      {...s}
      expiries={EXPIRIES}
      suggestion={suggestion}
      onField={s.setField}
      onUseSuggestion={s.fill}
      onSave={() => void s.save()}
      onClear={() => void s.clear()}
    />
  );
}

async function mount(suggestion: CondorCandidate | null = null) {
  const store = createHeldCondorStore();
  await store.getState().load();
  const view = render(<Bound store={store} suggestion={suggestion} />);
  return { store, view };
}

function type(label: RegExp, value: string) {
  fireEvent.input(screen.getByLabelText(label), { target: { value } });
}

function enter(v: {
  expiry: string;
  lp: string;
  sp: string;
  sc: string;
  lc: string;
  credit: string;
  n: string;
}) {
  type(/^expiry/i, v.expiry);
  type(/^long put strike/i, v.lp);
  type(/^short put strike/i, v.sp);
  type(/^short call strike/i, v.sc);
  type(/^long call strike/i, v.lc);
  type(/^opening credit/i, v.credit);
  type(/^contracts/i, v.n);
}

beforeEach(() => fakeBrowser.reset());
afterEach(cleanup);

describe('HeldCondorForm', () => {
  it('refuses strikes out of order with a message and writes nothing', async () => {
    await mount();
    // Short put above the short call: not a condor.
    enter({ expiry: '2026-12-11', lp: '5900', sp: '6100', sc: '6050', lc: '6200', credit: '12.5', n: '2' });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect((await screen.findByTestId('held-strikes-error')).textContent).toMatch(
      /strikes must rise: long put < short put < short call < long call/,
    );
    expect(screen.getByTestId('held-status').textContent).toMatch(/Not saved/);
    expect(await heldCondorItem.get()).toBeNull();
  });

  it('names each unreadable field', async () => {
    await mount();
    enter({ expiry: '', lp: 'abc', sp: '5950', sc: '6050', lc: '6100', credit: '-1', n: '1.5' });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Choose the expiry of the condor you hold')).toBeTruthy();
    expect(screen.getByText('Long put strike: a number of points above 0')).toBeTruthy();
    expect(screen.getByText('Credit: points per share, 0 or more')).toBeTruthy();
    expect(screen.getByText('Contracts: a whole number, 1 or more')).toBeTruthy();
    expect(await heldCondorItem.get()).toBeNull();
  });

  it('saves a valid condor to storage, shows it with units, and clears it', async () => {
    await mount();
    enter({ expiry: '2026-12-11', lp: '5900', sp: '5950', sc: '6050', lc: '6100', credit: '12.5', n: '2' });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.getByTestId('held-status').textContent).toMatch(/^Saved/));
    expect(await heldCondorItem.get()).toEqual({
      expiry: '2026-12-11',
      longPut: 5900,
      shortPut: 5950,
      shortCall: 6050,
      longCall: 6100,
      credit: 12.5,
      contracts: 2,
    });
    expect(screen.getByTestId('held-summary').textContent).toMatch(
      /credit 12\.50\spts per share, 2 contracts/,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Clear' }));
    await waitFor(() => expect(screen.getByTestId('held-status').textContent).toMatch(/Cleared/));
    expect(await heldCondorItem.get()).toBeNull();
  });

  it('fills the form from the suggestion (not saved until Save)', async () => {
    const best = loadPlan('engine-demo').condor.figures?.best;
    if (!best) throw new Error('fixture plan has no Layer 1 suggestion');
    await mount(best);
    fireEvent.click(screen.getByRole('button', { name: 'Use the suggestion' }));
    expect((screen.getByLabelText(/^short put strike/i) as HTMLInputElement).value).toBe(
      String(best.legs.shortPut.strike),
    );
    expect((screen.getByLabelText(/^long call strike/i) as HTMLInputElement).value).toBe(
      String(best.legs.longCall.strike),
    );
    expect(await heldCondorItem.get()).toBeNull();
  });

  it('says when the held expiry is not on this page', async () => {
    await heldCondorItem.set({
      expiry: '2027-03-19',
      longPut: 5900,
      shortPut: 5950,
      shortCall: 6050,
      longCall: 6100,
      credit: 10,
      contracts: 1,
    });
    await mount();
    expect(screen.getByTestId('held-summary').textContent).toMatch(/2027-03-19 is not on this page/);
    expect(screen.getByRole('option', { name: '2027-03-19 (not on this page)' })).toBeTruthy();
  });
});
