// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { CondorCard } from '../../../components/condor/CondorCard';
import { loadPlan } from '../fixtures';

afterEach(cleanup);

describe('CondorCard', () => {
  it('shows the four legs with strikes and deltas of the best candidate', () => {
    render(<CondorCard plan={loadPlan('no-vix-curve')} />);
    const legs = screen.getByRole('table', { name: /legs/ });
    const rows = within(legs).getAllByRole('row').slice(1);
    expect(rows.map((r) => r.getAttribute('data-strike'))).toEqual(['5625', '5650', '6100', '6125']);
    expect(rows[1]?.textContent).toContain('Sell put');
    expect(rows[1]?.textContent).toContain('−0.15');
    expect(rows[2]?.textContent).toContain('0.16');
  });

  it('shows credit, break-evens, POP, max loss and contracts with the binding limit', () => {
    const plan = loadPlan('no-vix-curve');
    render(<CondorCard plan={plan} />);
    // Fixture: shorts 5650/6100, credit 3.80 → break-evens 5650 − 3.80 and 6100 + 3.80.
    expect(screen.getByTestId('break-evens').textContent).toBe('5,646.20 – 6,103.80');
    expect(screen.getByText('3.80 pts ($380 per condor)')).toBeTruthy();
    expect(screen.getByText('3.00 pts')).toBeTruthy();
    expect(screen.getByText('71.2 %')).toBeTruthy();
    expect(screen.getByText('21.20 pts ($4,240 for 2)')).toBeTruthy();
    expect(screen.getByTestId('contracts').textContent).toBe('2');
    expect(screen.getByTestId('contracts').parentElement?.textContent).toContain('max loss per trade');
  });

  it('has a keyboard-reachable "why" on every figure', () => {
    const { container } = render(<CondorCard plan={loadPlan('no-vix-curve')} />);
    const figures = container.querySelectorAll('.figs .fig');
    expect(figures.length).toBeGreaterThanOrEqual(10);
    for (const f of figures) expect(f.querySelector('details > summary')).not.toBeNull();
    const summary = screen.getByLabelText('why: POP');
    fireEvent.click(summary);
    expect(summary.closest('details')?.textContent).toContain('between the break-evens');
  });

  it('lists two alternatives and draws the payoff chart', () => {
    render(<CondorCard plan={loadPlan('no-vix-curve')} />);
    expect(screen.getAllByTestId('alternative')).toHaveLength(2);
    expect(screen.getByTestId('payoff-chart').querySelector('path[data-series="expiry"]')).not.toBeNull();
  });

  it('shows only the reason when the layer is off', () => {
    const plan = loadPlan('no-vix-curve');
    plan.condor = { status: 'off', reason: 'No expiry in the 21–45 DTE window.', why: [], figures: null };
    render(<CondorCard plan={plan} />);
    expect(screen.getByText('No expiry in the 21–45 DTE window.')).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
    expect(screen.getByText('off')).toBeTruthy();
  });
});

describe('CondorCard on real engine output', () => {
  it('renders the demo plan the engine made (legs in order, break-evens shown)', () => {
    const plan = loadPlan('engine-demo');
    const best = plan.condor.figures!.best;
    render(<CondorCard plan={plan} />);
    const rows = within(screen.getByRole('table', { name: /legs/ }))
      .getAllByRole('row')
      .slice(1);
    expect(rows.map((r) => Number(r.getAttribute('data-strike')))).toEqual([
      best.legs.longPut.strike,
      best.legs.shortPut.strike,
      best.legs.shortCall.strike,
      best.legs.longCall.strike,
    ]);
    expect(screen.getByTestId('break-evens').textContent).toContain(
      best.breakEvenLow.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
    );
  });
});
