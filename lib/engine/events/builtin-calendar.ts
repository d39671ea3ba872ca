import type { CalendarEvent, EventCalendar } from './calendar-types';

/*
 * Built-in macro calendar, editable by the user (the plan takes the calendar as input).
 *
 * FOMC: statement day (2nd day of each meeting, 2 p.m. ET).
 *   2026: Federal Reserve press release "FOMC announces tentative meeting schedule for 2025
 *   and 2026" (federalreserve.gov/monetarypolicy/fomccalendars.htm), meetings Jan 27–28,
 *   Mar 17–18, Apr 28–29, Jun 16–17, Jul 28–29, Sep 15–16, Oct 27–28, Dec 8–9.
 *   2027: Federal Reserve press release of 2025-09-05 "FOMC announces its tentative meeting
 *   schedule for 2027": Jan 26–27, Mar 16–17, Apr 27–28, Jun 8–9, Jul 27–28, Sep 14–15,
 *   Oct 26–27, Dec 7–8. Both checked against public copies of the releases (2026-11-26).
 * CPI 2026 (8:30 a.m. ET): BLS "Schedule of releases for the Consumer Price Index" for 2026.
 *   Could not be read from bls.gov here; the dates below are the BLS schedule as two
 *   independent public copies agree on it — check bls.gov/schedule/news_release/cpi.htm.
 * Not built in (coverage null): CPI 2027 and PPI 2026–2027. No reliable copy of the BLS
 *   schedules was found (copies disagreed, one listed a Saturday); the user adds them in the
 *   options page. Until then Layer 3 stays off with that reason: nothing is guessed.
 */

const FED_2026 = 'Federal Reserve FOMC calendar (tentative schedule for 2026)';
const FED_2027 = 'Federal Reserve press release 2025-09-05 (tentative schedule for 2027)';
const BLS_CPI_2026 = 'BLS CPI release schedule 2026 (public copies; verify at bls.gov)';

const FOMC_2026 = ['01-28', '03-18', '04-29', '06-17', '07-29', '09-16', '10-28', '12-09'];
const FOMC_2027 = ['01-27', '03-17', '04-28', '06-09', '07-28', '09-15', '10-27', '12-08'];
const CPI_2026 = [
  '01-13',
  '02-11',
  '03-11',
  '04-10',
  '05-12',
  '06-10',
  '07-14',
  '08-12',
  '09-11',
  '10-14',
  '11-10',
  '12-10',
];

function list(year: number, days: string[], kind: CalendarEvent['kind'], label: string, source: string) {
  return days.map((d): CalendarEvent => ({ date: `${year}-${d}`, kind, label, source }));
}

/** The built-in calendar (a fresh copy each call, so callers may edit it). */
export function builtinCalendar(): EventCalendar {
  return {
    events: [
      ...list(2026, FOMC_2026, 'FOMC', 'FOMC statement', FED_2026),
      ...list(2027, FOMC_2027, 'FOMC', 'FOMC statement', FED_2027),
      ...list(2026, CPI_2026, 'CPI', 'CPI release', BLS_CPI_2026),
    ].sort((a, b) => a.date.localeCompare(b.date)),
    coveredThrough: { FOMC: '2027-12-31', CPI: '2026-12-31', PPI: null },
    // The built-in lists start in 2026: a plan on earlier dates is not covered.
    coveredFrom: { FOMC: '2026-01-01', CPI: '2026-01-01' },
  };
}
