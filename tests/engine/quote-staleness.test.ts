/**
 * The one stale-quote rule (lib/engine/market/quote-staleness.ts) on synthetic quote times
 * around its thresholds. Expected instants are worked by hand: November 2026 is EST (UTC−5),
 * Thu 2026-11-26 is Thanksgiving (NYSE closed), Fri 2026-11-27 opens 09:30 ET = 14:30Z;
 * March 2026 switches to EDT (UTC−4) on Sun 03-08, so Mon 2026-03-09 09:30 ET = 13:30Z.
 */
import { describe, expect, it } from 'vitest';
import { nextSessionOpenMs, quoteStaleness, staleRuleText } from '../../lib/engine/market/quote-staleness';
import { clockWarnings, planClock } from '../../lib/engine/plan/clock';

const MIN = 60_000;

function chain(
  reader: string,
  quoteTime: string | null,
  fromClose = false,
  readAt = '2026-11-24T15:00:00.000Z',
) {
  return {
    quoteTime,
    source: { reader, readAt },
    flags: fromClose ? [{ kind: 'quote-time-from-close' }] : [],
  };
}

describe('quoteStaleness', () => {
  // Tue 2026-11-24 10:00 ET, in session.
  const q = '2026-11-24T15:00:00.000Z';
  const at = (m: number) => Date.parse(q) + m * MIN;

  it('a live source is stale past the setting alone (15 min: 15 is fresh, 16 is stale)', () => {
    expect(quoteStaleness(chain('barchart', q), at(15), 15)).toEqual({
      stale: false,
      ageMinutes: 15,
      allowanceMinutes: 15,
      closedSinceQuote: false,
    });
    expect(quoteStaleness(chain('barchart', q), at(16), 15).stale).toBe(true);
  });

  it('Cboe delayed quotes get 15 min more (30 is fresh, 31 is stale with the 15-min setting)', () => {
    expect(quoteStaleness(chain('cboe', q), at(16), 15).stale).toBe(false);
    expect(quoteStaleness(chain('cboe', q), at(30), 15)).toMatchObject({
      stale: false,
      allowanceMinutes: 30,
    });
    expect(quoteStaleness(chain('cboe', q), at(31), 15).stale).toBe(true);
    // The setting still moves the threshold: 5 min setting → 20 min for Cboe.
    expect(quoteStaleness(chain('cboe', q), at(20), 5).stale).toBe(false);
    expect(quoteStaleness(chain('cboe', q), at(21), 5).stale).toBe(true);
  });

  it('without a quote time, ages from the read time', () => {
    const c = chain('generic-table', null, false, q);
    expect(quoteStaleness(c, at(15), 15).stale).toBe(false);
    expect(quoteStaleness(c, at(16), 15)).toMatchObject({ stale: true, ageMinutes: 16 });
  });

  it('a last-close quote is not stale while the market stays closed, then ages from the next open', () => {
    // Wed 2026-11-25 16:15 ET close (index options) = 21:15Z; Thanksgiving follows.
    const close = '2026-11-25T21:15:00.000Z';
    const thanksgivingNoon = Date.parse('2026-11-26T17:00:00.000Z');
    expect(quoteStaleness(chain('barchart', close, true), thanksgivingNoon, 15)).toMatchObject({
      stale: false,
      closedSinceQuote: true,
    });
    // Fri 09:30 ET = 14:30Z; +15 min fresh, +16 stale; Cboe +30 fresh, +31 stale.
    expect(quoteStaleness(chain('barchart', close, true), Date.parse('2026-11-27T14:45:00Z'), 15).stale).toBe(
      false,
    );
    expect(quoteStaleness(chain('barchart', close, true), Date.parse('2026-11-27T14:46:00Z'), 15).stale).toBe(
      true,
    );
    expect(quoteStaleness(chain('cboe', close, true), Date.parse('2026-11-27T15:00:00Z'), 15).stale).toBe(
      false,
    );
    expect(quoteStaleness(chain('cboe', close, true), Date.parse('2026-11-27T15:01:00Z'), 15).stale).toBe(
      true,
    );
    // The same instant not marked as a close (an in-session stamp) is stale on the holiday.
    expect(quoteStaleness(chain('barchart', close, false), thanksgivingNoon, 15).stale).toBe(true);
  });
});

describe('nextSessionOpenMs', () => {
  it('skips the holiday and the weekend, and follows daylight time', () => {
    expect(nextSessionOpenMs(Date.parse('2026-11-25T21:15:00Z'))).toBe(Date.parse('2026-11-27T14:30:00Z'));
    // After Friday's early close → Monday 2026-11-30 09:30 EST.
    expect(nextSessionOpenMs(Date.parse('2026-11-27T18:15:00Z'))).toBe(Date.parse('2026-11-30T14:30:00Z'));
    // Before the open the same day → that day's open.
    expect(nextSessionOpenMs(Date.parse('2026-11-24T12:00:00Z'))).toBe(Date.parse('2026-11-24T14:30:00Z'));
    // Fri 2026-03-06 close (EST) → Mon 2026-03-09 09:30 EDT.
    expect(nextSessionOpenMs(Date.parse('2026-03-06T21:15:00Z'))).toBe(Date.parse('2026-03-09T13:30:00Z'));
  });
});

describe('staleRuleText', () => {
  it('states the delay and the setting for Cboe, the setting alone otherwise', () => {
    expect(staleRuleText('cboe', 15)).toBe(
      'Cboe quotes are delayed 15 min; stale after 15 min beyond that (a last-close quote is not stale until the next session opens).',
    );
    expect(staleRuleText('yahoo', 10)).toBe(
      'Quotes are stale after 10 min (a last-close quote is not stale until the next session opens).',
    );
  });
});

describe('the plan clock uses the same rule', () => {
  it('names the Cboe delay in the stale warning, and stays quiet at 30 min', () => {
    const c = { ...chain('cboe', '2026-11-24T15:00:00.000Z'), kind: 'option-chain' } as never;
    const fresh = planClock(c, '2026-11-24T15:30:00.000Z', 15);
    expect(fresh.stale).toBe(false);
    expect(clockWarnings(fresh, 'SPX', 15, 'cboe')).toEqual([]);
    const stale = planClock(c, '2026-11-24T15:31:00.000Z', 15);
    expect(clockWarnings(stale, 'SPX', 15, 'cboe')).toEqual([
      'SPX quotes are 31 minutes old (Cboe quotes are delayed 15 minutes; stale after 15 minutes beyond that): priced at their quote time Tue 2026-11-24 10:00 ET, not now.',
    ]);
  });
});
