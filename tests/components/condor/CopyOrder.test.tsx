// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { CondorCard } from '../../../components/condor/CondorCard';
import { HedgeCard } from '../../../components/hedge/HedgeCard';
import { CopyOrder } from '../../../components/ui/CopyOrder';
import { loadPlan } from '../fixtures';

afterEach(cleanup);

describe('Copy order', () => {
  it('shows and copies the suggested condor as a thinkorswim line and as OCC legs', async () => {
    // no-vix-curve.json: SPXW 2026-12-31 5625/5650/6100/6125, credit 3.80 at mid, 2 contracts.
    render(<CondorCard plan={loadPlan('no-vix-curve')} />);
    const card = screen.getByTestId('condor-card');
    const line = 'SELL -2 IRON CONDOR SPX 100 (Weeklys) 31 DEC 26 5625/5650/6100/6125 PUT/CALL @3.80 LMT';
    expect(card.querySelector('[data-testid="order-line"]')?.textContent).toBe(line);
    expect(card.querySelector('[data-testid="order-occ"]')?.textContent).toBe(
      '+2 SPXW  261231P05625000\n-2 SPXW  261231P05650000\n-2 SPXW  261231C06100000\n+2 SPXW  261231C06125000',
    );
  });

  it('puts the line on the clipboard and says so', async () => {
    const copied: string[] = [];
    const ticket = {
      ok: true as const,
      line: 'BUY +1 VIX 100 20 JAN 27 20 CALL @1.45 LMT',
      limitPrice: 1.45,
      legs: [{ symbol: 'VIX   270120C00020000', quantity: 1 }],
    };
    render(<CopyOrder ticket={ticket} what="hedge" copy={async (t) => void copied.push(t)} />);
    fireEvent.click(screen.getByRole('button', { name: 'Copy order: hedge' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Order copied.'));
    fireEvent.click(screen.getByRole('button', { name: 'Copy OCC legs: hedge' }));
    await waitFor(() => expect(copied).toEqual([ticket.line, '+1 VIX   270120C00020000']));
  });

  it('shows the VIX call hedge order when Layer 2 is on', () => {
    // hedge-on.json: 1 × VIX 2027-01-20 20 call at 1.45.
    render(<HedgeCard plan={loadPlan('hedge-on')} />);
    expect(screen.getByTestId('hedge-card').querySelector('[data-testid="order-line"]')?.textContent).toBe(
      'BUY +1 VIX 100 20 JAN 27 20 CALL @1.45 LMT',
    );
  });

  it('says why there is no order when the page did not show the root', () => {
    const plan = loadPlan('no-vix-curve');
    const best = plan.condor.figures?.best;
    if (!best) throw new Error('fixture without a condor');
    best.root = null;
    for (const l of Object.values(best.legs)) {
      l.root = null;
      l.occSymbol = null;
    }
    render(<CondorCard plan={plan} />);
    expect(
      screen.getByTestId('condor-card').querySelector('[data-testid="order-none"]')?.textContent,
    ).toContain('option root (SPX or SPXW)');
  });
});
