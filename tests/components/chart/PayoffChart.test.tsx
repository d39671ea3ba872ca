// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { PayoffChart } from '../../../components/chart/PayoffChart';
import { loadPlan } from '../fixtures';

afterEach(cleanup);
const best = loadPlan('no-vix-curve').condor.figures!.best;

describe('PayoffChart', () => {
  it('draws expiry and today curves with break-evens and spot marked', () => {
    render(<PayoffChart candidate={best} spot={5912.4} forward={best.forward} />);
    const chart = screen.getByTestId('payoff-chart');
    expect(chart.querySelector('path[data-series="expiry"]')).not.toBeNull();
    expect(chart.querySelector('path[data-series="today"]')).not.toBeNull();
    const marks = [...chart.querySelectorAll('[data-marker]')].map((m) => m.getAttribute('data-marker'));
    expect(marks).toEqual(['BE 5,646.20', 'BE 6,103.80', 'spot 5,912.40']);
    expect(chart.querySelector('svg')?.getAttribute('aria-label')).toContain('max profit $760');
  });

  it("uses the expiry's forward as 'now' when the page showed no spot", () => {
    render(<PayoffChart candidate={best} spot={null} forward={best.forward} />);
    const chart = screen.getByTestId('payoff-chart');
    expect(chart.querySelector('path[data-series="today"]')).not.toBeNull();
    expect(chart.querySelector('[data-marker="forward 5,931.80"]')).not.toBeNull();
  });
});
