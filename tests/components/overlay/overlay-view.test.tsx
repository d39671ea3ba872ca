// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  createOverlayView,
  type OverlayViewProps,
  QUIET_CHIP_FOLD_MS,
} from '../../../components/overlay/overlay-view';
import { StatusLine } from '../../../components/source/StatusLine';

afterEach(() => {
  cleanup();
  document.body.replaceChildren();
  vi.useRealTimers();
});

/** A view drawing into a fresh container in the page; returns its render. */
function view(props: OverlayViewProps): (next: OverlayViewProps) => void {
  const root = document.createElement('div');
  document.body.append(root);
  const v = createOverlayView(root);
  v.render(props);
  return (next) => v.render(next);
}

const notAChain = {
  state: 'failed' as const,
  reader: null,
  failure: { reason: 'not-a-chain' as const, detail: 'no option table found' },
};
const chip = () => document.querySelector('[data-alvh-chip]');

describe('the chip on a page without a chain', () => {
  it('is grey, folds after a few seconds, and opens again on click', () => {
    vi.useFakeTimers();
    view({ status: notAChain, plan: null, marks: [], onDismissSite: () => {} });
    expect(chip()?.className).toContain('quiet');
    expect(chip()?.textContent).toContain('no option chain on this page');
    vi.advanceTimersByTime(QUIET_CHIP_FOLD_MS - 10);
    expect(chip()?.getAttribute('data-alvh-chip')).toBe('');
    vi.advanceTimersByTime(20);
    expect(chip()?.getAttribute('data-alvh-chip')).toBe('folded');
    expect(chip()?.textContent).toBe('ALVH');
    fireEvent.click(chip() as Element);
    expect(chip()?.getAttribute('data-alvh-chip')).toBe('');
  });

  it('offers "Hide on this site" and draws nothing once hidden', () => {
    const hide = vi.fn();
    const rerender = view({ status: notAChain, plan: null, marks: [], onDismissSite: hide });
    fireEvent.click(screen.getByRole('button', { name: 'Hide on this site' }));
    expect(hide).toHaveBeenCalledTimes(1);
    rerender({ status: notAChain, plan: null, marks: [], onDismissSite: hide, chipHidden: true });
    expect(chip()).toBeNull();
  });

  it('stays open and dark on a chain page, and hidden-on-site does not hide it there', () => {
    vi.useFakeTimers();
    view({ status: { state: 'read', rows: 62, reader: 'cboe' }, plan: null, marks: [], chipHidden: true });
    vi.advanceTimersByTime(QUIET_CHIP_FOLD_MS * 2);
    expect(chip()?.className).not.toContain('quiet');
    expect(chip()?.textContent).toContain('ALVH: read 62 rows');
  });
});

describe('redrawing the chip', () => {
  it('keeps a folded chip folded through redraws of the same state, opens it for a new state', () => {
    vi.useFakeTimers();
    const props = { status: notAChain, plan: null, marks: [] };
    const rerender = view(props);
    vi.advanceTimersByTime(QUIET_CHIP_FOLD_MS + 10);
    rerender({ ...props });
    expect(chip()?.getAttribute('data-alvh-chip')).toBe('folded');
    rerender({ ...props, status: { state: 'reading' } });
    expect(chip()?.getAttribute('data-alvh-chip')).toBe('');
    expect(chip()?.textContent).toBe('ALVH: Reading…');
  });

  it('leaves the elements drawn as they are when nothing they show changed, redraws one that did', () => {
    const badge = (strike: number, top: number) => ({
      kind: 'badge' as const,
      role: 'short-put' as const,
      strike,
      delta: -0.15,
      box: { left: 10, top, width: 100, height: 20 },
      outside: true,
    });
    const props = {
      status: { state: 'read' as const, rows: 62, reader: 'cboe' },
      plan: null,
      marks: [badge(5650, 100)],
    };
    const rerender = view(props);
    const before = [chip(), document.querySelector('[data-alvh-badge]')];
    rerender({ ...props, marks: [badge(5650, 100)] });
    expect([chip(), document.querySelector('[data-alvh-badge]')]).toEqual(before);
    expect(chip()).toBe(before[0]);
    rerender({ ...props, marks: [badge(5650, 140)] });
    const moved = document.querySelector('[data-alvh-badge]') as HTMLElement;
    expect(moved).not.toBe(before[1]);
    expect(moved.style.top).toBe('150px');
    expect(chip()).toBe(before[0]);
    rerender({ ...props, status: { state: 'read', rows: 63, reader: 'cboe' }, marks: [] });
    expect(chip()).not.toBe(before[0]);
    expect(chip()?.textContent).toBe('ALVH: read 63 rows');
    expect(document.querySelectorAll('[data-alvh-badge]')).toHaveLength(0);
  });

  it('shows text from the page and the background as text, never as markup', () => {
    const failure = { reason: 'reader-error' as const, detail: '<img src=x onerror=alert(1)>' };
    view({ status: { state: 'failed', reader: null, failure }, plan: null, marks: [], notice: '<b>x</b>' });
    expect(chip()?.textContent).toBe('ALVH: reader failed: <img src=x onerror=alert(1)><b>x</b>');
    expect(chip()?.querySelector('img, b')).toBeNull();
    expect(chip()?.querySelector('[data-alvh-notice]')?.textContent).toBe('<b>x</b>');
  });
});

describe('reading a big page', () => {
  it('says "Reading… 12,000 rows" in the chip and in the side panel', () => {
    view({ status: { state: 'reading', rows: 12_000 }, plan: null, marks: [] });
    expect(chip()?.textContent).toBe('ALVH: Reading… 12,000 rows');
    render(<StatusLine status={{ state: 'reading', rows: 12_000 }} url="https://example.com/chain" />);
    expect(screen.getByTestId('reader-status').textContent).toBe('Reading… 12,000 rows');
  });
});
