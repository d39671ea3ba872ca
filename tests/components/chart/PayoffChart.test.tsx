// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
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

describe('PayoffChart reading', () => {
  it('labels max profit and max loss, and puts no two marker labels on top of each other', () => {
    render(<PayoffChart candidate={best} spot={5912.4} forward={best.forward} />);
    const chart = screen.getByTestId('payoff-chart');
    // 2 condors: max profit 3.80 × $100 × 2 = $760; max loss (25 − 3.80) × $100 × 2 = $4,240.
    const hlines = [...chart.querySelectorAll('[data-hline]')].map((h) => h.getAttribute('data-hline'));
    expect(hlines).toEqual(['max profit $760', 'max loss −$4,240']);
    // Labels sit in rows above the plot: two labels in one row never overlap.
    const labels = [...chart.querySelectorAll('[data-marker]')].map((g) => ({
      lane: Number(g.getAttribute('data-lane')),
      x: Number(g.querySelector('text')?.getAttribute('x')),
      text: g.querySelector('text')?.textContent ?? '',
    }));
    for (const a of labels)
      for (const b of labels)
        if (a !== b && a.lane === b.lane) {
          const [l, r] = a.x < b.x ? [a, b] : [b, a];
          expect(r.x - l.x).toBeGreaterThanOrEqual(l.text.length * 5.4);
        }
  });

  it('moves a crosshair with the arrow keys and reads P/L at expiry and today', () => {
    render(<PayoffChart candidate={best} spot={5912.4} forward={best.forward} />);
    const svg = screen.getByTestId('payoff-chart').querySelector('svg') as SVGSVGElement;
    fireEvent.keyDown(svg, { key: 'Home' });
    fireEvent.keyDown(svg, { key: 'ArrowRight' });
    const x = Number(
      screen.getByTestId('payoff-chart').querySelector('[data-crosshair]')?.getAttribute('data-crosshair'),
    );
    const readout = screen.getByTestId('chart-readout').textContent ?? '';
    // Far below the long put: the full loss at expiry, −$4,240 for the 2 condors.
    expect(x).toBeLessThan(best.legs.longPut.strike);
    expect(readout).toContain('at expiry −$4,240');
    expect(readout).toMatch(/today [+−]\$[\d,]+/);
    fireEvent.keyDown(svg, { key: 'Escape' });
    expect(screen.getByTestId('payoff-chart').querySelector('[data-crosshair]')).toBeNull();
  });

  it('moves the curve before expiry with the date slider and the IV shift', () => {
    render(<PayoffChart candidate={best} spot={5912.4} forward={best.forward} />);
    const chart = screen.getByTestId('payoff-chart');
    const today = chart.querySelector('path[data-series="today"]')?.getAttribute('d');
    fireEvent.input(chart.querySelector('input[name="payoff-days"]') as HTMLInputElement, {
      target: { value: '10' },
    });
    expect(screen.getByTestId('payoff-day').textContent).toBe('T+10 days');
    const later = chart.querySelector('path[data-series="today"]')?.getAttribute('d');
    expect(later).not.toBe(today);
    fireEvent.input(chart.querySelector('input[name="payoff-iv"]') as HTMLInputElement, {
      target: { value: '3' },
    });
    expect(screen.getByTestId('payoff-iv').textContent).toBe('+3 vol pts');
    expect(chart.querySelector('path[data-series="today"]')?.getAttribute('d')).not.toBe(later);
    expect(chart.textContent).toContain('T+10 d, IV +3 pts');
  });
});
