/**
 * Settlement instants and time to expiry. Independent sources: the runtime's IANA time
 * zone data (Intl, America/New_York) for the DST rule; NYSE's published 2025–2027 holiday
 * calendar; Cboe's VX futures expiry dates as they appear in the shared daily settlement
 * file (../shared/data/cboe-vx-futures-daily-2013-2026, read in place, skipped if absent).
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  daysToExpiry,
  isTradingDay,
  parseIsoDate,
  settlementInstant,
  thirdFriday,
  tradingDaysBetween,
  vixSettlementDate,
  yearsToExpiry,
} from '../../lib/engine/index';
import { isCalendarDate, newYorkToUtcMs } from '../../lib/engine/market/ny-time';

/** New York wall-clock hour of a UTC instant according to the runtime's tz database. */
function intlNewYorkHour(ms: number): number {
  const fmt = new Intl.DateTimeFormat('en-US', {
    timeZone: 'America/New_York',
    hour: 'numeric',
    hourCycle: 'h23',
  });
  return Number(fmt.format(new Date(ms)));
}

describe('parseIsoDate / isCalendarDate', () => {
  it('knows month lengths and the Gregorian leap rule', () => {
    expect(
      ['2000-02-29', '2024-02-29', '2100-02-29', '2023-02-29', '2026-04-31', '2026-13-01'].map(parseIsoDate),
    ).toEqual([{ year: 2000, month: 2, day: 29 }, { year: 2024, month: 2, day: 29 }, null, null, null, null]);
    expect([
      isCalendarDate(2026, 12, 31),
      isCalendarDate(2026, 0, 1),
      isCalendarDate(2026, 1, 0),
      isCalendarDate(2026, 1.5, 1),
    ]).toEqual([true, false, false, false]);
  });
});

describe('newYorkToUtcMs', () => {
  it('agrees with the IANA tz database at 09:30 and 16:00 on every day of 2025–2027', () => {
    let day = Date.UTC(2025, 0, 1);
    const mismatches: string[] = [];
    while (day < Date.UTC(2028, 0, 1)) {
      const d = new Date(day);
      const civil = { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
      for (const [h, m] of [
        [9, 30],
        [16, 0],
      ] as const) {
        const ms = newYorkToUtcMs(civil, h, m);
        if (intlNewYorkHour(ms) !== h) mismatches.push(`${d.toISOString().slice(0, 10)} ${h}:${m}`);
      }
      day += 86_400_000;
    }
    expect(mismatches).toEqual([]);
  });
});

describe('settlementInstant', () => {
  it.each([
    // SPXW PM: 16:00 EST = 21:00Z in winter, 16:00 EDT = 20:00Z in summer
    ['2026-01-16', 'SPXW', null, '2026-01-16T21:00:00.000Z', 'PM'],
    ['2026-07-17', 'SPXW', null, '2026-07-17T20:00:00.000Z', 'PM'],
    // Standard SPX (AM): 09:30 ET open of the third Friday
    ['2026-01-16', 'SPX', null, '2026-01-16T14:30:00.000Z', 'AM'],
    ['2026-06-18', 'SPX', null, '2026-06-18T13:30:00.000Z', 'AM'], // June 19 2026 is a holiday; given as Thursday
    // Good Friday 2025-04-18: the monthly moves to Thursday 2025-04-17 (AM: the open)
    ['2025-04-18', 'SPX', null, '2025-04-17T13:30:00.000Z', 'AM'],
    ['2025-04-18', 'SPXW', null, '2025-04-17T20:00:00.000Z', 'PM'],
    // Day after Thanksgiving 2025: 13:00 ET early close (EST → 18:00Z)
    ['2025-11-28', 'SPXW', null, '2025-11-28T18:00:00.000Z', 'PM'],
    // VIX: Wednesday 09:30 ET
    ['2026-02-18', 'VIX', 'AM', '2026-02-18T14:30:00.000Z', 'VIX-AM'],
    // explicit settlement when the root is unknown
    ['2026-03-20', null, 'AM', '2026-03-20T13:30:00.000Z', 'AM'],
  ] as const)('%s %s %s → %s', (expiry, root, settlement, iso, style) => {
    const inst = settlementInstant(expiry, root, settlement);
    expect(inst?.instantIso).toBe(iso);
    expect(inst?.style).toBe(style);
  });

  it('reports shifts and assumptions', () => {
    expect(settlementInstant('2025-04-18', 'SPXW', null)).toMatchObject({
      shifted: true,
      settlementDate: '2025-04-17',
    });
    expect(settlementInstant('2026-03-20', null, null)).toMatchObject({ assumed: true, style: 'PM' });
    expect(settlementInstant('2030-03-15', 'SPXW', null)?.calendarCovered).toBe(false);
    expect(settlementInstant('2026-02-30', 'SPXW', null)).toBeNull();
  });
});

describe('yearsToExpiry / daysToExpiry', () => {
  it('counts ACT/365 calendar time to the instant', () => {
    // 2026-01-15T21:00Z → 2026-01-16T21:00Z (SPXW close) is exactly one day.
    expect(daysToExpiry('2026-01-15T21:00:00Z', '2026-01-16', 'SPXW', null)).toBe(1);
    expect(yearsToExpiry('2026-01-15T21:00:00Z', '2026-01-16', 'SPXW', null)).toBe(1 / 365);
    // AM-settled: 6.5 hours less than the PM series of the same date.
    const am = daysToExpiry('2026-01-01T00:00:00Z', '2026-01-16', 'SPX', null) ?? 0;
    const pm = daysToExpiry('2026-01-01T00:00:00Z', '2026-01-16', 'SPXW', null) ?? 0;
    expect(pm - am).toBeCloseTo(6.5 / 24, 12);
    expect(daysToExpiry('2026-02-01T00:00:00Z', '2026-01-16', 'SPXW', null)).toBe(0);
    expect(yearsToExpiry('not a date', '2026-01-16', 'SPXW', null)).toBeNull();
  });
});

describe('NYSE calendar', () => {
  it('knows the published 2025–2027 closures and counts trading days', () => {
    // NYSE: 2025-01-09 National Day of Mourning; 2026-07-03 Independence Day observed;
    // 2027-06-18 Juneteenth observed; 2027-12-24 Christmas observed; 2027-12-31 open.
    for (const d of ['2025-01-09', '2026-07-03', '2027-06-18', '2027-12-24', '2027-03-26'])
      expect(isTradingDay(parseIsoDate(d) ?? { year: 0, month: 0, day: 0 }), d).toBe(false);
    expect(isTradingDay(parseIsoDate('2027-12-31') ?? { year: 0, month: 0, day: 0 })).toBe(true);
    // December 2025: 23 weekdays minus Christmas = 22 sessions (Dec 1 – Dec 31).
    const from = parseIsoDate('2025-11-30');
    const to = parseIsoDate('2025-12-31');
    expect(from && to && tradingDaysBetween(from, to)).toBe(22);
    expect(thirdFriday(2026, 3)).toBe('2026-03-20');
  });
});

const VX = new URL(
  '../../../shared/data/cboe-vx-futures-daily-2013-2026/vx_futures_by_contract_2013_2026.csv',
  import.meta.url,
);
describe.skipIf(!existsSync(VX))('vixSettlementDate vs Cboe VX expiries (shared data)', () => {
  it('gives a contract expiry listed in the file for every month of 2025', () => {
    const expiries = new Set<string>();
    for (const line of readFileSync(VX, 'utf8').split(/\r?\n/).slice(1)) {
      const fut = line.split(',')[2];
      if (fut?.startsWith('2025-')) expiries.add(fut);
    }
    // March 2025 is the holiday case: April 18 (3rd Friday) was Good Friday → Tuesday 18 March.
    expect(vixSettlementDate(2025, 3)).toBe('2025-03-18');
    for (let m = 1; m <= 12; m++) expect(expiries.has(vixSettlementDate(2025, m)), `2025-${m}`).toBe(true);
  });
});
