// @vitest-environment happy-dom
import { cleanup, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { HedgeCard } from '../../../components/hedge/HedgeCard';
import { normBand } from '../../../components/hedge/norm-band';
import { FRONT_SPREAD_NORMS } from '../../../lib/engine/hedge/long-run-norms';
import { loadPlan } from '../fixtures';

afterEach(cleanup);

describe('HedgeCard', () => {
  it('shows the hedge position, cost, payback and the scenario table when Layer 2 is on', () => {
    render(<HedgeCard plan={loadPlan('hedge-on')} />);
    expect(screen.getByText('on')).toBeTruthy();
    expect(screen.getByTestId('hedge-position').textContent).toBe(
      '1 × VIX 2027-01-20 20 call @ 1.45\u00a0pts',
    );
    expect(screen.getByText('$145')).toBeTruthy();
    expect(screen.getByText('23 % of $4,240')).toBeTruthy();
    // The engine reports percentiles 0–100 (lib/engine/hedge/norms.ts): 46.3 → 46th.
    expect(screen.getByText('46th percentile')).toBeTruthy();
    const table = screen.getByRole('table', { name: 'hedge scenarios' });
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(5);
    expect(rows[1]?.textContent).toContain('−10 %');
    expect(rows[1]?.textContent).toContain('−$3,285');
  });

  it('draws the curve (spot + futures) and the norm band', () => {
    render(<HedgeCard plan={loadPlan('hedge-on')} />);
    const chart = screen.getByTestId('term-structure-chart');
    const d = chart.querySelector('path[data-series="curve"]')?.getAttribute('d') ?? '';
    expect(d.match(/[ML]/g)).toHaveLength(6); // VIX spot + 5 futures
    expect(chart.querySelector('path.band')).not.toBeNull();
    expect(chart.querySelector('svg')?.getAttribute('tabindex')).toBe('0');
  });

  it('shows the reason and no figures when Layer 2 is off for lack of a curve', () => {
    render(<HedgeCard plan={loadPlan('no-vix-curve')} />);
    expect(screen.getByText(/No VIX futures curve/)).toBeTruthy();
    expect(screen.queryByTestId('term-structure-chart')).toBeNull();
  });
});

describe('normBand', () => {
  it('spans F1 to F2 at the 25th/75th percentile front spread', () => {
    const curve = [
      { expiry: '2026-12-16', price: 18.4, daysToExpiry: 20 },
      { expiry: '2027-01-20', price: 18.6, daysToExpiry: 50 },
      { expiry: '2027-02-17', price: 18.9, daysToExpiry: 78 },
    ];
    const band = normBand(curve);
    expect(band).toHaveLength(2);
    const [first, second] = band;
    expect(first).toEqual([20, 18.4, 18.4]);
    // F2 at F1 × (1 + p25) … F1 × (1 + p75), knots 5 and 15 of the built-in norms.
    const p25 = FRONT_SPREAD_NORMS.knots[5] ?? 0;
    const p75 = FRONT_SPREAD_NORMS.knots[15] ?? 0;
    expect(Math.abs((second?.[1] ?? 0) - 18.4 * (1 + p25))).toBeLessThan(1e-12);
    expect(Math.abs((second?.[2] ?? 0) - 18.4 * (1 + p75))).toBeLessThan(1e-12);
  });
});
