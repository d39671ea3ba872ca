// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { EventsCard } from '../../../components/signals/EventsCard';
import { SignalsCard } from '../../../components/signals/SignalsCard';
import { WarningsCard } from '../../../components/signals/WarningsCard';
import { loadPlan, loadTabState } from '../fixtures';

afterEach(cleanup);

describe('SignalsCard', () => {
  it('shows RSI, MACD, A/D and the tilt, each with a why', () => {
    const { container } = render(<SignalsCard plan={loadPlan('no-vix-curve')} />);
    expect(screen.getByText('58.3')).toBeTruthy();
    expect(screen.getByText('12.40 / signal 9.80 / hist 2.60')).toBeTruthy();
    expect(screen.getByText('no tilt')).toBeTruthy();
    expect(container.querySelectorAll('.fig details').length).toBe(4);
  });
});

describe('EventsCard', () => {
  it('lists FOMC, CPI and PPI dates in the window', () => {
    render(<EventsCard events={loadPlan('no-vix-curve').events} />);
    expect(screen.getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      '2026-12-09 FOMC FOMC rate decision',
      '2026-12-10 CPI CPI (November)',
      '2026-12-11 PPI PPI (November)',
    ]);
  });

  it('says so when there is none', () => {
    render(<EventsCard events={[]} />);
    expect(screen.getByText(/No FOMC, CPI or PPI release/)).toBeTruthy();
  });
});

describe('WarningsCard', () => {
  it('shows plan warnings, parity flags and reader quality flags', () => {
    const plan = loadPlan('no-vix-curve');
    render(
      <WarningsCard
        warnings={plan.warnings}
        parity={plan.parity}
        quality={loadTabState().chain?.flags ?? []}
      />,
    );
    expect(screen.getByText(/zero bid were left out/)).toBeTruthy();
    expect(screen.getByText(/5,400 outlier \(edge 0.85 pts\)/)).toBeTruthy();
    expect(screen.getByText('zero-bid: 6250 call bid 0.00')).toBeTruthy();
  });
});
