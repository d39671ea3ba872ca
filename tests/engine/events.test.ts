import { describe, expect, it } from 'vitest';
import { builtinCalendar } from '../../lib/engine/events/builtin-calendar';
import {
  calendarCoverageWarning,
  eventFlags,
  eventsInWindow,
  uncoveredKinds,
} from '../../lib/engine/events/events-in-window';
import { uncoveredInWindow } from '../../lib/engine/events/possible-releases';
import { applyUserEdits } from '../../lib/engine/events/user-calendar';
import { nyseCoverageWarning } from '../../lib/engine/market/nyse-calendar';
import { eventFree } from '../../lib/engine/press/gate';
import { userEventsSchema } from '../../lib/schema/stored';

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
    // Past coverage (CPI/PPI through 2026-12-31), 1–8 January holds no weekday from the 9th to the 17th.
    expect(eventFree(cal, '2026-12-28', '2027-01-08')).toEqual({
      free: true,
      reason:
        'no FOMC/CPI/PPI release through 2027-01-08; CPI/PPI dates unknown there, so every weekday from the 9th to the 17th counted as a possible release — none in the window',
    });
  });
});

describe('unknown CPI/PPI dates: every weekday from the 9th to the 17th is a possible release', () => {
  const cal = builtinCalendar(); // FOMC through 2027, CPI through 2026, no PPI
  it('opens a window that avoids the 9th–17th (26 Nov – 3 Dec 2026) and says the dates were assumed', () => {
    const r = eventFree(cal, '2026-11-26', '2026-12-03');
    expect(r.free).toBe(true);
    expect(r.reason).toContain('PPI dates unknown there');
  });
  it('blocks at the first possible day: Friday 11 December 2026 itself (PPI unknown)', () => {
    // 2026-12-10 is the built-in CPI day, outside this window; the window starts on a possible day.
    expect(eventFree(cal, '2026-12-11', '2026-12-18')).toEqual({
      free: false,
      reason:
        'the event calendar has no PPI dates at all: 2026-12-11 (a weekday from the 9th to the 17th) may be a release before the 2026-12-18 expiry (add the dates in the options page)',
    });
  });
  it('CPI past its coverage: Monday 11 January 2027 (9–10 January is a weekend)', () => {
    expect(uncoveredInWindow(cal, '2027-01-04', '2027-01-11')).toEqual([
      { kind: 'CPI', coveredThrough: '2026-12-31', possibleDays: ['2027-01-11'] },
      { kind: 'PPI', coveredThrough: null, possibleDays: ['2027-01-11'] },
    ]);
    expect(eventFree(cal, '2027-01-04', '2027-01-08').free).toBe(true);
    expect(eventFree(cal, '2027-01-04', '2027-01-11').reason).toMatch(
      /^the event calendar has no CPI dates after 2026-12-31: 2027-01-11/,
    );
  });
  it('unknown FOMC dates still block (meetings do not follow a day-of-month rule)', () => {
    const noFomc = { ...cal, coveredThrough: { ...cal.coveredThrough, FOMC: null } };
    expect(eventFree(noFomc, '2026-11-26', '2026-12-03').reason).toBe(
      'the event calendar has no FOMC dates through 2026-12-03 (add them in the options page)',
    );
  });
});

describe('user calendar: coverage is declared, never guessed', () => {
  it('a user PPI date alone leaves PPI uncovered; a declaration covers it', () => {
    const added = [{ date: '2026-12-15', kind: 'PPI' as const, label: 'PPI' }];
    const none = { FOMC: null, CPI: null, PPI: null };
    const a = applyUserEdits(builtinCalendar(), { added, removed: [], coveredThrough: none });
    expect(a.coveredThrough.PPI).toBeNull();
    expect(a.events.find((e) => e.kind === 'PPI')?.source).toBe('user');
    const b = applyUserEdits(builtinCalendar(), {
      added,
      removed: [],
      coveredThrough: { ...none, PPI: '2027-03-31' },
    });
    expect(b.coveredThrough.PPI).toBe('2027-03-31');
    // With the list declared complete, 11–18 December is blocked by the real date, not a guess.
    expect(eventFree(b, '2026-12-11', '2026-12-18').reason).toBe(
      'PPI 2026-12-15 falls before the 2026-12-18 expiry',
    );
    // A declaration earlier than the built-in coverage does not shorten it.
    const c = applyUserEdits(builtinCalendar(), {
      added: [],
      removed: [],
      coveredThrough: { ...none, FOMC: '2026-01-31' },
    });
    expect(c.coveredThrough.FOMC).toBe('2027-12-31');
  });
});

describe('coverage warnings', () => {
  it('names each uncovered kind and how far it reaches', () => {
    expect(calendarCoverageWarning(builtinCalendar(), '2026-12-20', '2027-01-15')).toBe(
      'Event calendar: CPI dates only through 2026-12-31, no PPI dates, and this plan runs to 2027-01-15: a condor spanning a release there is not flagged. Add the dates, or declare your list complete, on the options page.',
    );
    expect(
      calendarCoverageWarning(
        {
          ...builtinCalendar(),
          coveredThrough: { FOMC: '2027-12-31', CPI: '2027-12-31', PPI: '2027-12-31' },
        },
        '2026-12-20',
        '2027-01-15',
      ),
    ).toBeNull();
  });
  it('NYSE holiday table: warns past 2027 and before 2025, silent inside', () => {
    expect(nyseCoverageWarning('2026-11-26', '2027-12-31')).toBeNull();
    expect(nyseCoverageWarning('2027-12-01', '2028-01-21')).toBe(
      'NYSE holidays are built in for 2025–2027 only; this plan reaches 2028 (through 2028-01-21), where every weekday is taken as a trading day: a settlement time or day count there may be off by a holiday.',
    );
    expect(nyseCoverageWarning('2022-02-04', '2022-03-18')).toMatch(/this plan reaches 2022/);
  });
});

describe('stored calendar edits from before coverage could be declared', () => {
  it('parse with nothing declared', () => {
    const old = { added: [{ date: '2026-12-15', kind: 'PPI', label: 'PPI' }], removed: [] };
    expect(userEventsSchema.parse(old).coveredThrough).toEqual({ FOMC: null, CPI: null, PPI: null });
  });
});

describe('built-in coverage has a start: plans before 2026 are not covered', () => {
  const cal = builtinCalendar();
  it('a 2022 window: FOMC and CPI lists start in 2026, PPI none — the warning says so', () => {
    expect(uncoveredKinds(cal, '2022-03-11', '2022-02-04')).toEqual(['FOMC', 'CPI', 'PPI']);
    expect(calendarCoverageWarning(cal, '2022-02-04', '2022-03-11')).toBe(
      'Event calendar: no FOMC dates before 2026-01-01, no CPI dates before 2026-01-01, no PPI dates, and this plan runs to 2022-03-11: a condor spanning a release there is not flagged. Add the dates, or declare your list complete, on the options page.',
    );
  });
  it('unknown FOMC dates before the list starts block the press', () => {
    expect(eventFree(cal, '2022-02-04', '2022-02-08').reason).toBe(
      'the event calendar has no FOMC dates before 2026-01-01 (add them in the options page)',
    );
  });
  it('CPI before its list starts: possible days are counted there too (10 Feb 2022 was a real CPI day)', () => {
    const fomcKnown = { ...cal, coveredFrom: { CPI: '2026-01-01' } };
    expect(uncoveredInWindow(fomcKnown, '2022-02-07', '2022-02-11')).toEqual([
      { kind: 'CPI', coveredThrough: '2026-12-31', possibleDays: ['2022-02-09', '2022-02-10', '2022-02-11'] },
      { kind: 'PPI', coveredThrough: null, possibleDays: ['2022-02-09', '2022-02-10', '2022-02-11'] },
    ]);
  });
});
