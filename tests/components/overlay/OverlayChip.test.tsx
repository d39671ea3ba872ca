// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { OverlayView, QUIET_CHIP_FOLD_MS } from '../../../components/overlay/OverlayView';
import { StatusLine } from '../../../components/source/StatusLine';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const notAChain = {
  state: 'failed' as const,
  reader: null,
  failure: { reason: 'not-a-chain' as const, detail: 'no option table found' },
};
const chip = () => document.querySelector('[data-alvh-chip]');

describe('the chip on a page without a chain', () => {
  it('is grey, folds after a few seconds, and opens again on click', () => {
    vi.useFakeTimers();
    render(<OverlayView status={notAChain} plan={null} marks={[]} onDismissSite={() => {}} />);
    expect(chip()?.className).toContain('quiet');
    expect(chip()?.textContent).toContain('no option chain on this page');
    act(() => {
      vi.advanceTimersByTime(QUIET_CHIP_FOLD_MS + 10);
    });
    expect(chip()?.getAttribute('data-alvh-chip')).toBe('folded');
    expect(chip()?.textContent).toBe('ALVH');
    fireEvent.click(chip() as Element);
    expect(chip()?.getAttribute('data-alvh-chip')).toBe('');
  });

  it('offers "Hide on this site" and draws nothing once hidden', () => {
    const hide = vi.fn();
    const { rerender } = render(
      <OverlayView status={notAChain} plan={null} marks={[]} onDismissSite={hide} />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Hide on this site' }));
    expect(hide).toHaveBeenCalledTimes(1);
    rerender(<OverlayView status={notAChain} plan={null} marks={[]} onDismissSite={hide} chipHidden />);
    expect(chip()).toBeNull();
  });

  it('stays open and dark on a chain page, and hidden-on-site does not hide it there', () => {
    vi.useFakeTimers();
    render(
      <OverlayView status={{ state: 'read', rows: 62, reader: 'cboe' }} plan={null} marks={[]} chipHidden />,
    );
    act(() => {
      vi.advanceTimersByTime(QUIET_CHIP_FOLD_MS * 2);
    });
    expect(chip()?.className).not.toContain('quiet');
    expect(chip()?.textContent).toContain('ALVH: read 62 rows');
  });
});

describe('reading a big page', () => {
  it('says "Reading… 12,000 rows" in the chip and in the side panel', () => {
    render(<OverlayView status={{ state: 'reading', rows: 12_000 }} plan={null} marks={[]} />);
    expect(chip()?.textContent).toBe('ALVH: Reading… 12,000 rows');
    render(<StatusLine status={{ state: 'reading', rows: 12_000 }} url="https://example.com/chain" />);
    expect(screen.getByTestId('reader-status').textContent).toBe('Reading… 12,000 rows');
  });
});
