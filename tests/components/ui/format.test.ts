import { describe, expect, it } from 'vitest';
import {
  formatAge,
  formatDelta,
  formatInstant,
  formatPercent,
  formatPercentile,
  formatPoints,
  formatStrike,
  formatUsd,
  ordinal,
} from '../../../components/ui/format';
import { plainText } from '../../../components/ui/plain-text';

const NBSP = '\u00a0';

describe('format helpers', () => {
  it.each([
    [formatStrike(5650), '5,650'],
    [formatStrike(5646.2), '5,646.20'],
    [formatPoints(3.8), `3.80${NBSP}pts`],
    [formatPoints(-1.25), `−1.25${NBSP}pts`],
    [formatUsd(-4240), '−$4,240'],
    [formatUsd(4170), '$4,170'],
    [formatUsd(9.4, true), '$9.40'],
    [formatPercent(0.712), `71.2${NBSP}%`],
    [formatDelta(-0.152), '−0.15'],
    [formatAge(0.5), 'just now'],
    [formatAge(125), `2${NBSP}h 5${NBSP}min`],
    [formatPercentile(93.16), '93rd percentile'],
    [formatPercentile(11), '11th percentile'],
    [formatPercentile(21), '21st percentile'],
    [formatPercentile(61), '61st percentile'],
    [formatPercentile(112), '112th percentile'],
    [formatPercentile(null), '—'],
    [formatUsd(Number.NaN), '—'],
  ])('%s', (got, want) => expect(got).toBe(want));

  // ordinal is the engine's (tests/engine/text-format.test.ts checks it); the surfaces re-export it.
  it('re-exports the engine’s ordinal', () => expect(ordinal(21)).toBe('21st'));
});

describe('formatInstant', () => {
  // 2026-07-15 14:52 UTC is 10:52 EDT; 2026-01-15 15:52 UTC is 10:52 EST.
  it('shows New York time with the zone on the same New York day', () => {
    expect(formatInstant('2026-07-15T14:52:00Z', Date.parse('2026-07-15T20:00:00Z'))).toBe(`10:52${NBSP}ET`);
    expect(formatInstant('2026-01-15T15:52:00Z', Date.parse('2026-01-15T16:00:00Z'))).toBe(`10:52${NBSP}ET`);
  });
  it('adds the New York date on another day (UTC midnight is still the day before in New York)', () => {
    expect(formatInstant('2026-07-16T02:30:00Z', Date.parse('2026-07-16T14:00:00Z'))).toBe(
      `Jul${NBSP}15, 2026 22:30${NBSP}ET`,
    );
  });
  it('prints a dash for a missing or bad instant', () => {
    expect(formatInstant(null)).toBe('—');
    expect(formatInstant('yesterday')).toBe('—');
  });
});

describe('plainText (engine sentences in the surfaces’ number style)', () => {
  it.each([
    [
      'One condor risks $4170, more than the limit allows.',
      'One condor risks $4,170, more than the limit allows.',
    ],
    ['Costs $12345.5 and $300.', 'Costs $12,345.5 and $300.'],
    ['VIX 13 is at the 21th percentile (gate ≤ 20).', 'VIX 13 is at the 21st percentile (gate ≤ 20).'],
    ['at the 12th percentile', 'at the 12th percentile'],
    ['credit 4.35 pts within 25 % of 30 days', `credit 4.35${NBSP}pts within 25${NBSP}% of 30${NBSP}days`],
    ['Already $4,170 stays', 'Already $4,170 stays'],
  ])('%s', (input, want) => expect(plainText(input)).toBe(want));
});
