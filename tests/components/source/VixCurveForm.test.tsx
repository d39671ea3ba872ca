// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { VixCurveForm } from '../../../components/source/VixCurveForm';
import { buildVixCurve } from '../../../components/source/vix-form';

afterEach(cleanup);

const NOW = Date.parse('2026-11-26T15:00:00Z');

describe('VixCurveForm', () => {
  it('sends a validated curve snapshot, futures sorted by expiry', () => {
    const onSubmit = vi.fn();
    const { container } = render(<VixCurveForm onSubmit={onSubmit} now={() => NOW} />);
    const set = (name: string, v: string) =>
      fireEvent.input(container.querySelector(`input[name="${name}"]`) as HTMLInputElement, {
        target: { value: v },
      });
    set('vix-spot', '17.8');
    set('vix-expiry-0', '2027-01-20');
    set('vix-price-0', '18.6');
    set('vix-expiry-1', '2026-12-16');
    set('vix-price-1', '18.4');
    fireEvent.click(screen.getByText('Use this curve'));
    expect(onSubmit).toHaveBeenCalledTimes(1);
    const snap = onSubmit.mock.calls[0]?.[0];
    expect(snap.spot).toBe(17.8);
    expect(snap.futures.map((f: { expiry: string }) => f.expiry)).toEqual(['2026-12-16', '2027-01-20']);
    expect(snap.source).toEqual({ reader: 'manual', url: 'manual:', readAt: '2026-11-26T15:00:00.000Z' });
  });

  it('shows field messages and sends nothing for invalid input', () => {
    const onSubmit = vi.fn();
    const { container } = render(<VixCurveForm onSubmit={onSubmit} now={() => NOW} />);
    fireEvent.input(container.querySelector('input[name="vix-expiry-0"]') as HTMLInputElement, {
      target: { value: '12/16/2026' },
    });
    fireEvent.input(container.querySelector('input[name="vix-price-0"]') as HTMLInputElement, {
      target: { value: '-3' },
    });
    fireEvent.click(screen.getByText('Use this curve'));
    expect(onSubmit).not.toHaveBeenCalled();
    expect(screen.getByText('Expiry as YYYY-MM-DD')).toBeTruthy();
  });
});

describe('buildVixCurve', () => {
  it('needs two months', () => {
    const out = buildVixCurve('', [{ expiry: '2026-12-16', price: '18.4' }], '2026-11-26T15:00:00.000Z');
    expect(out).toEqual({
      ok: false,
      errors: { form: 'Enter at least two futures months (Layer 2 needs F1 and F2)' },
    });
  });
  it('rejects the same expiry twice', () => {
    const rows = [
      { expiry: '2026-12-16', price: '18.4' },
      { expiry: '2026-12-16', price: '18.6' },
    ];
    const out = buildVixCurve('', rows, '2026-11-26T15:00:00.000Z');
    expect(out.ok).toBe(false);
    if (!out.ok) expect(out.errors['expiry-1']).toBe('Same expiry twice');
  });
});
