import { describe, expect, it } from 'vitest';
import { builtinCalendar } from '../../lib/engine/events/builtin-calendar';
import { eventFlags, eventsInWindow, uncoveredKinds } from '../../lib/engine/events/events-in-window';
import { eventFree } from '../../lib/engine/press/gate';

describe('builtin calendar', () => {
  const cal = builtinCalendar();
  it('holds the 16 FOMC statement days of 2026–2027 (Federal Reserve schedules) on Wednesdays', () => {
    const fomc = cal.events.filter((e) => e.kind === 'FOMC');
    expect(fomc).toHaveLength(16);
    for (const e of fomc) expect(new Date(`${e.date}T12:00:00Z`).getUTCDay()).toBe(3);
    expect(fomc.map((e) => e.date)).toContain('2027-09-15'); // Sep 14–15, 2027 per the 2025-09-05 release
  });
  it('holds 12 CPI days in 2026, all weekdays, and says PPI is not built in', () => {
    const cpi = cal.events.filter((e) => e.kind === 'CPI');
    expect(cpi).toHaveLength(12);
    for (const e of cpi) expect([0, 6]).not.toContain(new Date(`${e.date}T12:00:00Z`).getUTCDay());
    expect(cal.coveredThrough.PPI).toBeNull();
    expect(uncoveredKinds(cal, '2026-12-31')).toEqual(['PPI']);
    expect(uncoveredKinds(cal, '2027-01-15')).toEqual(['CPI', 'PPI']);
  });
  it('is a fresh copy each call (the user edits theirs)', () => {
    const a = builtinCalendar();
    a.events.pop();
    expect(builtinCalendar().events.length).toBe(a.events.length + 1);
  });
});

describe('eventsInWindow / eventFree', () => {
  const cal = {
    ...builtinCalendar(),
    coveredThrough: { FOMC: '2027-12-31', CPI: '2026-12-31', PPI: '2026-12-31' },
  };
  it('includes events on the expiry day and flags them', () => {
    const ev = eventsInWindow(cal, '2026-12-01', '2026-12-09');
    expect(ev.map((e) => e.kind)).toEqual(['FOMC']);
    expect(eventFlags(ev)).toEqual(['spans FOMC 2026-12-09']);
  });
  it('calls a window free only when nothing falls in it and the calendar reaches it', () => {
    expect(eventFree(cal, '2026-12-11', '2026-12-18').free).toBe(true);
    expect(eventFree(cal, '2026-12-07', '2026-12-11').reason).toBe(
      'FOMC 2026-12-09 falls before the 2026-12-11 expiry',
    );
    expect(eventFree(cal, '2026-12-28', '2027-01-08').reason).toMatch(/no CPI\/PPI dates through 2027-01-08/);
  });
});
