import { describe, expect, it } from 'vitest';
import { PARITY_COST_POINTS, scanParity } from '../../lib/engine/parity-scan/scan';

const row = (strike: number, residual: number, halfSpread: number, outlier = false) => ({
  strike,
  residual,
  halfSpread,
  outlier,
  reason: outlier ? ('off-line' as const) : null,
  used: !outlier,
});

describe('scanParity', () => {
  it('flags conversions and reversals only beyond the half-spread and fees (hand)', () => {
    const flags = scanParity('2026-12-31', [
      row(4900, 0.3, 0.2), // 0.3 − 0.2 − 0.05 = 0.05 > 0 → conversion
      row(5000, 0.2, 0.2), // 0.2 − 0.2 − 0.05 < 0 → nothing
      row(5100, -1.0, 0.5, true), // reversal: 1.0 − 0.5 − 0.05 = 0.45
      row(5200, 0.1, 0.5, true), // off the line but no edge → outlier
      row(5300, 0, 0.5), // used in the fit: the fitted range is 4900–5300
      row(6000, 3, 0.5, true), // beyond the fitted range: not judged against the line
    ]);
    expect(flags.map((f) => [f.strike, f.kind])).toEqual([
      [4900, 'conversion'],
      [5100, 'reversal'],
      [5200, 'outlier'],
    ]);
    expect(flags[0]?.edge).toBeCloseTo(0.3 - 0.2 - PARITY_COST_POINTS, 12);
    expect(flags[1]?.edge).toBeCloseTo(0.45, 12);
    expect(flags[1]?.text).toMatch(/stale or bad quote/);
  });

  it('flags crossed quotes outside the fitted range, nothing else there', () => {
    const crossed = { ...row(6100, 5, 0.5, true), reason: 'crossed' as const };
    const flags = scanParity('2026-12-31', [
      row(5000, 0, 0.2),
      row(5100, 0, 0.2),
      row(6000, 3, 0.5, true),
      crossed,
    ]);
    expect(flags.map((f) => [f.strike, f.kind])).toEqual([[6100, 'outlier']]);
  });
});
