/**
 * Layer 1's expiry choice (lib/engine/condor/select.ts, docs/method.md "Expiry window"): inside
 * the DTE window, Fridays first, then the expiry nearest the window's middle; one contract per
 * date, the PM series over the AM monthly. Hand cases: weekdays of the dates are the calendar's
 * (2026-12-18, 2026-12-25 and 2027-01-01 are Fridays, 2026-12-16/23/30 Wednesdays, 2026-12-31 a Thursday);
 * days to expiry are given, counted from Monday 2026-11-23.
 */
import { describe, expect, it } from 'vitest';
import { chooseExpiry, type DatedExpiry, sameDateSibling } from '../../lib/engine/condor/select';

const PM: DatedExpiry['source'] = { root: 'SPXW', settlement: 'PM' };
const AM: DatedExpiry['source'] = { root: 'SPX', settlement: 'AM' };
const exp = (expiry: string, daysToExpiry: number, source = PM): DatedExpiry => ({
  expiry,
  daysToExpiry,
  source,
});

describe('chooseExpiry (window 21–45 days, middle 33)', () => {
  it('takes a Friday over a Wednesday nearer the middle', () => {
    const list = [exp('2026-12-18', 25), exp('2026-12-23', 30), exp('2026-12-30', 37), exp('2026-12-31', 38)];
    expect(chooseExpiry(list, 21, 45)?.expiry).toBe('2026-12-18');
  });

  it('among Fridays, takes the one nearest the middle (32 days, not 25 or 39)', () => {
    const list = [exp('2026-12-18', 25), exp('2026-12-23', 30), exp('2026-12-25', 32), exp('2027-01-01', 39)];
    expect(chooseExpiry(list, 21, 45)?.expiry).toBe('2026-12-25');
  });

  it('without a Friday in the window, takes the expiry nearest the middle; Fridays outside do not count', () => {
    const list = [
      exp('2026-11-27', 4),
      exp('2026-12-16', 23),
      exp('2026-12-23', 30),
      exp('2026-12-30', 37),
      exp('2027-01-08', 46),
    ];
    expect(chooseExpiry(list, 21, 45)?.expiry).toBe('2026-12-23');
  });

  it('includes both ends of the window and is null when nothing is in it', () => {
    expect(chooseExpiry([exp('2026-12-16', 21)], 21, 45)?.expiry).toBe('2026-12-16');
    expect(chooseExpiry([exp('2026-12-16', 45)], 21, 45)?.expiry).toBe('2026-12-16');
    expect(chooseExpiry([exp('2026-12-16', 20.99), exp('2027-01-08', 45.01)], 21, 45)).toBeNull();
  });

  it('one contract per date: the PM series over the AM monthly, whichever is listed first', () => {
    const am = exp('2026-12-18', 24.7, AM);
    const pm = exp('2026-12-18', 25, PM);
    expect(chooseExpiry([am, pm], 21, 45)).toBe(pm);
    expect(chooseExpiry([pm, am], 21, 45)).toBe(pm);
    expect(sameDateSibling([am, pm], pm)).toBe(am);
    expect(sameDateSibling([pm, exp('2026-12-25', 32)], pm)).toBeNull();
  });
});
