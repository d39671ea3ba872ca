import { describe, expect, it } from 'vitest';
import {
  formatAge,
  formatDelta,
  formatPercent,
  formatPercentile,
  formatPoints,
  formatStrike,
  formatUsd,
} from '../../../components/ui/format';

describe('format helpers', () => {
  it.each([
    [formatStrike(5650), '5,650'],
    [formatStrike(5646.2), '5,646.20'],
    [formatPoints(3.8), '3.80 pts'],
    [formatPoints(-1.25), '−1.25 pts'],
    [formatUsd(-4240), '−$4,240'],
    [formatUsd(9.4, true), '$9.40'],
    [formatPercent(0.712), '71.2 %'],
    [formatDelta(-0.152), '−0.15'],
    [formatAge(0.5), 'just now'],
    [formatAge(125), '2 h 5 min'],
    [formatPercentile(93.16), '93rd percentile'],
    [formatPercentile(11), '11th percentile'],
    [formatPercentile(21), '21st percentile'],
    [formatPercentile(null), '—'],
    [formatUsd(Number.NaN), '—'],
  ])('%s', (got, want) => expect(got).toBe(want));
});
