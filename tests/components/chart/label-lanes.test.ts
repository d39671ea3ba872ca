import { describe, expect, it } from 'vitest';
import { clampLabel, labelLanes } from '../../../components/chart/label-lanes';

describe('labelLanes', () => {
  it('keeps labels that clear each other in one row', () => {
    expect(
      labelLanes([
        { left: 0, width: 40 },
        { left: 50, width: 40 },
        { left: 100, width: 40 },
      ]),
    ).toEqual([0, 0, 0]);
  });
  it('moves an overlapping label to the next free row, and back up when the top row clears', () => {
    // spot at 60 overlaps BE at 40 (40–100); the BE at 200 fits the top row again.
    expect(
      labelLanes([
        { left: 40, width: 60 },
        { left: 60, width: 50 },
        { left: 200, width: 50 },
      ]),
    ).toEqual([0, 1, 0]);
  });
  it('stacks three labels at one price in three rows', () => {
    expect(
      labelLanes([
        { left: 10, width: 30 },
        { left: 10, width: 30 },
        { left: 10, width: 30 },
      ]),
    ).toEqual([0, 1, 2]);
  });
});

describe('clampLabel', () => {
  it('centres a label on x and keeps it inside the chart', () => {
    expect(clampLabel(100, 40, 0, 340)).toBe(80);
    expect(clampLabel(5, 40, 0, 340)).toBe(0);
    expect(clampLabel(335, 40, 0, 340)).toBe(300);
  });
});
