/**
 * The engine's own number wording (lib/engine/text/format.ts): ordinals and grouped dollars,
 * expected values written by hand. Plus one engine sentence that used to read "$10000".
 */
import { describe, expect, it } from 'vitest';
import { formatSignedUsdText, formatUsdText, ordinal } from '../../lib/engine';
import { riskShares } from '../../lib/engine/plan/risk-shares';
import { DEFAULT_SETTINGS } from '../../lib/schema/settings';

describe('ordinal', () => {
  it.each([
    [1, '1st'],
    [2, '2nd'],
    [3, '3rd'],
    [4, '4th'],
    [11, '11th'],
    [12, '12th'],
    [13, '13th'],
    [21, '21st'],
    [22, '22nd'],
    [61, '61st'],
    [111, '111th'],
    [112, '112th'],
    [0, '0th'],
    [100, '100th'],
    [101, '101st'],
  ])('%d → %s', (n, text) => expect(ordinal(n)).toBe(text));

  it('rounds a fractional percentile first (20.6 → 21st)', () => expect(ordinal(20.6)).toBe('21st'));
});

describe('formatUsdText', () => {
  it.each([
    [4170, false, '$4,170'],
    [-1250.5, true, '−$1,250.50'],
    [999, false, '$999'],
    [1000, false, '$1,000'],
    [1234567.891, true, '$1,234,567.89'],
    [4169.6, false, '$4,170'],
    [-0.2, false, '$0'],
    [0, true, '$0.00'],
    [Number.NaN, false, '$—'],
  ])('%d (cents %s) → %s', (v, cents, text) => expect(formatUsdText(v, cents)).toBe(text));

  it('signed: +$1,200, −$350, +$0', () => {
    expect(formatSignedUsdText(1200)).toBe('+$1,200');
    expect(formatSignedUsdText(-350)).toBe('−$350');
    expect(formatSignedUsdText(0)).toBe('+$0');
  });
});

describe('engine sentences use it', () => {
  it('the risk-share sentence groups the budget', () => {
    const settings = {
      ...DEFAULT_SETTINGS,
      risk: { ...DEFAULT_SETTINGS.risk, accountSizeUsd: 250_000, maxRiskFractionOfAccount: 0.05 },
    };
    const out = riskShares(settings, { status: 'off', reason: 'VIX is not complacent.' });
    expect(out.why.text).toContain('the whole $12,500 risk budget');
  });
});
