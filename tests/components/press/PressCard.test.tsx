// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { PressCard } from '../../../components/press/PressCard';
import { loadPlan } from '../fixtures';

afterEach(cleanup);

describe('PressCard', () => {
  it('shows the short-dated condor and its risk budget when suggested', () => {
    render(<PressCard plan={loadPlan('press-on')} />);
    expect(screen.getByText('suggested')).toBeTruthy();
    expect(screen.getByText(/Risk budget for the press: \$2,500/)).toBeTruthy();
    const strikes = [...document.querySelectorAll('table.legs tbody tr')].map((r) =>
      r.getAttribute('data-strike'),
    );
    expect(strikes).toEqual(['5790', '5800', '5990', '6000']);
  });

  it('shows why it is off', () => {
    render(<PressCard plan={loadPlan('hedge-on')} />);
    expect(screen.getByText('off')).toBeTruthy();
    expect(screen.getByText(/not complacent/)).toBeTruthy();
    expect(document.querySelector('table')).toBeNull();
  });
});
