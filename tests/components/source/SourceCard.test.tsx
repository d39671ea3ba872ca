// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { SourceCard } from '../../../components/source/SourceCard';
import { loadTabState } from '../fixtures';

afterEach(cleanup);

// Fixture quote time 2026-11-26T15:29:00Z.
const QUOTE_MS = Date.parse('2026-11-26T15:29:00Z');

describe('SourceCard', () => {
  it('shows site, reader, rows read and dropped with reasons', () => {
    render(<SourceCard tab={loadTabState()} nowMs={QUOTE_MS + 5 * 60_000} staleAfterMinutes={15} />);
    expect(screen.getByTestId('reader-status').textContent).toBe('Read 31 rows with the cboe reader.');
    expect(screen.getByText('www.cboe.com')).toBeTruthy();
    expect(screen.getByText('31 rows, 1 of 12 expiries')).toBeTruthy();
    expect(screen.getByText('3')).toBeTruthy(); // 2 unreadable + 1 duplicate
    expect(screen.getByText('2 × strike could not be read')).toBeTruthy();
    expect(screen.getByTestId('freshness').textContent).toBe('5\u00a0min old');
  });

  it('allows Cboe its 15-minute delay before the setting counts, and says so', () => {
    // Cboe delayed page: 15 min delay + 15 min setting = stale beyond 30 min.
    render(<SourceCard tab={loadTabState()} nowMs={QUOTE_MS + 30 * 60_000} staleAfterMinutes={15} />);
    expect(screen.getByTestId('freshness').textContent).toBe('30\u00a0min old');
    expect(screen.getByTestId('stale-rule').textContent).toContain(
      'Cboe quotes are delayed 15 min; stale after 15 min beyond that',
    );
    expect(screen.queryByRole('status')).toBeNull();
  });

  it('marks Cboe quotes older than delay + setting as stale', () => {
    render(<SourceCard tab={loadTabState()} nowMs={QUOTE_MS + 31 * 60_000} staleAfterMinutes={15} />);
    expect(screen.getByTestId('freshness').textContent).toBe('STALE: 31\u00a0min old');
    expect(screen.getByRole('status').textContent).toContain('older than 30 min');
  });

  it('gives a source without a known delay only the setting', () => {
    const tab = loadTabState();
    if (tab.chain) tab.chain.source.reader = 'barchart';
    render(<SourceCard tab={tab} nowMs={QUOTE_MS + 16 * 60_000} staleAfterMinutes={15} />);
    expect(screen.getByTestId('freshness').textContent).toBe('STALE: 16\u00a0min old');
    expect(screen.getByTestId('stale-rule').textContent).toContain('Quotes are stale after 15 min');
  });

  it('names the site and what was missing when the reader failed', () => {
    const tab = {
      ...loadTabState(),
      url: 'http://127.0.0.1:5000/no-chain.html',
      chain: null,
      status: {
        state: 'failed' as const,
        reader: 'generic-table',
        failure: { reason: 'not-a-chain' as const, detail: 'no table with a strike column' },
      },
    };
    render(<SourceCard tab={tab} nowMs={QUOTE_MS} staleAfterMinutes={15} />);
    expect(screen.getByRole('alert').textContent).toBe(
      'Reader could not read 127.0.0.1:5000: this page shows no option chain — no table with a strike column (reader: generic-table)',
    );
  });
});

describe('SourceCard VIX curve line', () => {
  it('says where the VIX curve came from and how old it is', () => {
    const curve = {
      kind: 'vix-curve' as const,
      source: { reader: 'manual', url: 'manual:', readAt: '2026-11-26T15:20:00.000Z' },
      spot: 17.8,
      indices: {},
      futures: [
        { expiry: '2026-12-16', symbol: null, price: 18.4 },
        { expiry: '2027-01-20', symbol: null, price: 18.6 },
      ],
    };
    render(
      <SourceCard
        tab={{ ...loadTabState(), vixCurve: curve }}
        nowMs={QUOTE_MS + 60_000}
        staleAfterMinutes={15}
      />,
    );
    // Read 15:20, now 15:30 → 10 min.
    expect(screen.getByText('2 futures, entered by hand, 10 min old')).toBeTruthy();
  });
});
