/**
 * The engine's own number wording (lib/engine/text/format.ts): ordinals and grouped dollars,
 * expected values written by hand. Plus one engine sentence that used to read "$10000".
 */
import { describe, expect, it } from 'vitest';
import { formatSignedUsdText, formatUsdText, ordinal } from '../../lib/engine';
import { builtinCalendar } from '../../lib/engine/events/builtin-calendar';
import { plan } from '../../lib/engine/plan/plan';
import { riskShares } from '../../lib/engine/plan/risk-shares';
import { formatInstantText } from '../../lib/engine/text/format';
import { DEFAULT_SETTINGS } from '../../lib/schema/settings';
import { syntheticSpxChain, syntheticVixChain, vixCurve } from '../fixtures/engine/synthetic-chain';

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

describe('formatInstantText', () => {
  it.each([
    // Winter (EST, UTC−5) and summer (EDT, UTC−4), by hand from the UTC instant.
    ['2026-12-02T21:15:00.000Z', 'Wed 2026-12-02 16:15 ET'],
    ['2022-02-04T21:15:00.000Z', 'Fri 2022-02-04 16:15 ET'],
    ['2023-11-07T21:00:00.000Z', 'Tue 2023-11-07 16:00 ET'],
    ['2025-07-03T17:00:00Z', 'Thu 2025-07-03 13:00 ET'],
    // 2026-03-08 07:00 UTC is 03:00 EDT (clocks went 02:00 → 03:00 that night); 06:59 UTC is 01:59 EST.
    ['2026-03-08T07:00:00Z', 'Sun 2026-03-08 03:00 ET'],
    ['2026-03-08T06:59:00Z', 'Sun 2026-03-08 01:59 ET'],
    // 2026-11-01: EDT ends at 06:00 UTC (02:00 EDT → 01:00 EST); 01:30 happens twice.
    ['2026-11-01T05:30:00Z', 'Sun 2026-11-01 01:30 ET'],
    ['2026-11-01T06:30:00Z', 'Sun 2026-11-01 01:30 ET'],
    ['2026-11-01T07:30:00Z', 'Sun 2026-11-01 02:30 ET'],
    ['not a time', 'not a time'],
  ])('%s → %s', (iso, text) => {
    expect(formatInstantText(iso)).toBe(text);
  });
});

describe('no engine sentence writes "$4170" or "21th" (whole plans, every layer on)', () => {
  const NOW = '2026-11-26T15:00:00Z';
  const fut: [string, number][] = [
    ['2026-12-16', 30],
    ['2027-01-20', 27],
    ['2027-02-17', 25.5],
  ];
  const calm: [string, number][] = [
    ['2026-12-16', 13.5],
    ['2027-01-20', 15.5],
    ['2027-02-17', 16.2],
  ];
  const base = {
    chain: syntheticSpxChain({ now: NOW }),
    vixChain: null,
    history: [],
    held: null,
  };
  const withPpi = {
    ...builtinCalendar(),
    coveredThrough: { FOMC: '2027-12-31', CPI: '2026-12-31', PPI: '2026-12-31' },
  };
  const plans = [
    plan(
      { ...base, vixCurve: vixCurve(32, fut), vixChain: syntheticVixChain(fut), calendar: builtinCalendar() },
      DEFAULT_SETTINGS,
      NOW,
    ),
    plan({ ...base, vixCurve: vixCurve(12, calm), calendar: withPpi }, DEFAULT_SETTINGS, NOW),
    plan({ ...base, vixCurve: vixCurve(12, calm), calendar: builtinCalendar() }, DEFAULT_SETTINGS, NOW),
    // VIX spots across the middle of its range: percentiles ending in 1, 2 and 3 among them.
    ...[14, 15, 16, 17, 18, 19, 20, 21, 22].map((spot) =>
      plan({ ...base, vixCurve: vixCurve(spot, calm), calendar: builtinCalendar() }, DEFAULT_SETTINGS, NOW),
    ),
  ];
  const strings = (x: unknown): string[] =>
    typeof x === 'string'
      ? [x]
      : Array.isArray(x)
        ? x.flatMap(strings)
        : x && typeof x === 'object'
          ? Object.values(x).flatMap(strings)
          : [];
  const texts = plans.flatMap((p) => strings(p));

  it('writes dollars of four digits or more with separators', () => {
    expect(plans[0]?.hedge.status).toBe('suggested');
    expect(plans[1]?.press.status).toBe('suggested');
    expect(texts.some((t) => /\$\d{1,3}(,\d{3})+\b/.test(t))).toBe(true);
    expect(texts.filter((t) => /\$\d{4,}/.test(t))).toEqual([]);
  });

  it('writes every ordinal right', () => {
    const ordinals = texts.flatMap((t) => [...t.matchAll(/\b(\d+)(st|nd|rd|th)\b/g)].map((m) => m[0]));
    // Some end in st/nd/rd, so a "21th" could not slip through unseen.
    expect(ordinals.some((o) => !o.endsWith('th'))).toBe(true);
    expect(ordinals.filter((o) => o !== ordinal(Number.parseInt(o, 10)))).toEqual([]);
  });
});
