import { describe, expect, it } from 'vitest';
import { builtinCalendar } from '../../lib/engine/events/builtin-calendar';
import type { EventCalendar } from '../../lib/engine/events/calendar-types';
import type { PlanInputs } from '../../lib/engine/plan/inputs';
import { plan } from '../../lib/engine/plan/plan';
import { planSchema } from '../../lib/schema/plan';
import { DEFAULT_SETTINGS } from '../../lib/schema/settings';
import { syntheticSpxChain, syntheticVixChain, vixCurve } from '../fixtures/engine/synthetic-chain';

const NOW = '2026-11-26T15:00:00Z';
const FUT = (a: number, b: number, c: number): [string, number][] => [
  ['2026-12-16', a],
  ['2027-01-20', b],
  ['2027-02-17', c],
];
/** The built-in calendar plus the user's PPI list (none in December 2026), covering 2026. */
const withPpi: EventCalendar = {
  ...builtinCalendar(),
  coveredThrough: { FOMC: '2027-12-31', CPI: '2026-12-31', PPI: '2026-12-31' },
};
const chain = syntheticSpxChain({ now: NOW });

function inputs(over: Partial<PlanInputs> = {}): PlanInputs {
  return {
    chain,
    vixCurve: null,
    vixChain: null,
    history: [],
    calendar: builtinCalendar(),
    held: null,
    ...over,
  };
}

function expectValid(p: ReturnType<typeof plan>) {
  expect(planSchema.safeParse(p).success).toBe(true);
  expect(p.warnings.filter((w) => w.startsWith('Internal'))).toEqual([]);
}

describe('plan: missing inputs', () => {
  it('switches every layer off with its reason when nothing is given', () => {
    const p = plan(inputs({ chain: null }), DEFAULT_SETTINGS, NOW);
    expect(p.condor).toMatchObject({ status: 'off', figures: null });
    expect(p.condor.reason).toMatch(/option chain/);
    expect(p.hedge.reason).toMatch(/No VIX futures curve/);
    expect(p.press.reason).toMatch(/No VIX futures curve/);
    expect(p.signals.reason).toMatch(/daily history/);
    expect(p.underlying).toEqual({ symbol: 'SPX', price: null, forward: null });
    expectValid(p);
  });
});

describe('plan: Layer 2', () => {
  it.each([
    ['flat', 18, 18.1, 18.5, 17],
    ['inverted', 30, 27, 25.5, 32],
  ])('turns on for a %s curve and sizes VIX calls against the condor', (_name, f1, f2, f3, spot) => {
    const fut = FUT(f1, f2, f3);
    const p = plan(
      inputs({ vixCurve: vixCurve(spot, fut), vixChain: syntheticVixChain(fut) }),
      DEFAULT_SETTINGS,
      NOW,
    );
    expect(p.hedge.status).toBe('suggested');
    const h = p.hedge.figures?.hedge;
    expect(h?.instrument).toBe('vix-call');
    expect(h?.contracts).toBeGreaterThan(0);
    // Within the budget (20 % of the condor credit) and the contract cap.
    expect(h?.costUsd ?? Infinity).toBeLessThanOrEqual(0.2 * (p.condor.figures?.best.creditUsd ?? 0) + 1e-9);
    expect(h?.contracts ?? Infinity).toBeLessThanOrEqual(DEFAULT_SETTINGS.risk.maxContracts);
    expect(h?.scenarios.map((s) => s.name)).toEqual([
      'flat',
      'VIX falls',
      'half stress',
      'stress',
      'double stress',
    ]);
    expectValid(p);
  });

  it('uses VIX futures when there is no VIX option chain', () => {
    const p = plan(inputs({ vixCurve: vixCurve(32, FUT(30, 27, 25.5)) }), DEFAULT_SETTINGS, NOW);
    expect(p.hedge.figures?.hedge?.instrument).toBe('vix-future');
    expect(p.hedge.why.map((w) => w.rule)).toContain('hedge-vix-future');
    expectValid(p);
  });

  it('ignores a VIX curve from another date, saying so (nearest future 384 days out)', () => {
    // 2026-11-26 15:00 UTC → 2027-12-15 09:30 ET (14:30 UTC): 383.98 days.
    const later = vixCurve(15, [
      ['2027-12-15', 20],
      ['2028-01-19', 21],
    ]);
    const p = plan(inputs({ vixCurve: later }), DEFAULT_SETTINGS, NOW);
    expect(p.hedge.status).toBe('off');
    expect(p.hedge.reason).toMatch(
      /^The VIX curve's nearest future \(2027-12-15\) settles 384 days after the plan's date/,
    );
    expect(p.warnings).toContain(p.hedge.reason);
  });

  it('stays off in normal contango, still showing the term structure', () => {
    const p = plan(inputs({ vixCurve: vixCurve(15, FUT(16, 17.2, 18)) }), DEFAULT_SETTINGS, NOW);
    expect(p.hedge.status).toBe('off');
    expect(p.hedge.figures?.termStructure.label).toBe('contango');
    expect(p.hedge.figures?.hedge).toBeNull();
  });
});

describe('plan: Layer 3', () => {
  // VIX 12 ≈ 9th percentile of 1990–2024; front spread (15.5 − 13.5)/13.5 = 14.8 %, z ≈ +1.48.
  const calm = vixCurve(12, FUT(13.5, 15.5, 16.2));

  it('turns on with steep contango and low VIX when the calendar is clear to expiry', () => {
    const p = plan(inputs({ vixCurve: calm, calendar: withPpi }), DEFAULT_SETTINGS, NOW);
    expect(p.press.status).toBe('suggested');
    const c = p.press.figures?.candidates ?? [];
    expect(c.length).toBeGreaterThan(0);
    for (const x of c) {
      expect(x.daysToExpiry).toBeLessThanOrEqual(7);
      expect(Math.abs(x.legs.shortPut.delta)).toBeGreaterThanOrEqual(0.08);
      expect(Math.abs(x.legs.shortCall.delta)).toBeLessThanOrEqual(0.15);
      // Within the press share: $100k × 10 % × 25 % = $2,500.
      expect(x.maxLossUsd).toBeLessThanOrEqual(2500);
    }
    expectValid(p);
  });

  it('on a chain that is not SPX, sizes wings as Layer 1 does: 0.25 × the expected move, not 25 points', () => {
    const ndx = { ...chain, underlying: { symbol: 'NDX', price: 6000 } };
    const p = plan(inputs({ chain: ndx, vixCurve: calm, calendar: withPpi }), DEFAULT_SETTINGS, NOW);
    expect(p.banners[0]).toMatch(/^NDX is not SPX/);
    expect(p.press.why.at(-1)?.rule).toBe('sized-for-spx');
    const c = p.press.figures?.candidates ?? [];
    expect(c.length).toBeGreaterThan(0);
    for (const x of c) {
      expect(x.wingWidth).toBeCloseTo(0.25 * x.expectedMove, 12);
      expect(x.wingWidth).not.toBe(DEFAULT_SETTINGS.condor.wingWidthPoints);
    }
    // The same chain named SPX keeps the 25-point setting.
    const spx = plan(inputs({ vixCurve: calm, calendar: withPpi }), DEFAULT_SETTINGS, NOW);
    for (const x of spx.press.figures?.candidates ?? []) expect(x.wingWidth).toBe(25);
  });

  it('turns off when an FOMC statement falls inside the window', () => {
    // From Mon 2026-12-07 the only 0–7 day expiry is Fri 2026-12-11; FOMC statement 2026-12-09.
    const now = '2026-12-07T15:00:00Z';
    const p = plan(
      inputs({ chain: syntheticSpxChain({ now }), vixCurve: calm, calendar: withPpi }),
      DEFAULT_SETTINGS,
      now,
    );
    expect(p.press.status).toBe('off');
    expect(p.press.reason).toBe('Macro event: FOMC 2026-12-09 falls before the 2026-12-11 expiry.');
  });

  it('opens with the built-in calendar (no PPI dates) when no weekday from the 9th to the 17th is in the window, saying so', () => {
    // From Thu 2026-11-26 the 0–7 day expiries end by 2026-12-04: no possible CPI/PPI day in the window.
    const p = plan(inputs({ vixCurve: calm }), DEFAULT_SETTINGS, NOW);
    expect(p.press.status).toBe('suggested');
    const events = p.press.why.filter((w) => w.rule === 'press-events');
    expect(events.length).toBeGreaterThan(0);
    for (const w of events)
      expect(w.text).toMatch(
        /PPI dates unknown there, so every weekday from the 9th to the 17th counted as a possible release/,
      );
  });

  it('stays off, saying so, when a possible PPI day falls in the window', () => {
    // From Mon 2026-12-14 the 0–7 day expiry (Fri 12-18) spans Monday 14 December, a possible PPI day
    // (FOMC 12-09 and CPI 12-10 are behind).
    const now = '2026-12-14T15:00:00Z';
    const p = plan(inputs({ chain: syntheticSpxChain({ now }), vixCurve: calm }), DEFAULT_SETTINGS, now);
    expect(p.press.status).toBe('off');
    expect(p.press.reason).toMatch(/^Macro event: the event calendar has no PPI dates at all: 2026-12-14/);
  });

  it('stays off when VIX is not in its low band', () => {
    const p = plan(
      inputs({ vixCurve: vixCurve(22, FUT(23, 25.8, 26.5)), calendar: withPpi }),
      DEFAULT_SETTINGS,
      NOW,
    );
    expect(p.press.reason).toMatch(/VIX is not complacent/);
  });
});

describe('plan: weekly adjustment and data quality', () => {
  it('gives roll suggestions for a held condor whose short call is tested', () => {
    // Forward ≈ 6016 on 2027-01-01; a 6050 short call has |delta| well above 0.35.
    const held = {
      expiry: '2027-01-01',
      longPut: 5700,
      shortPut: 5750,
      shortCall: 6050,
      longCall: 6075,
      credit: 15,
      contracts: 1,
    };
    const p = plan(inputs({ held }), DEFAULT_SETTINGS, NOW);
    const rolls = p.condor.figures?.rolls ?? [];
    expect(rolls.map((r) => [r.leg, r.action])).toEqual([
      ['put', 'hold'],
      ['call', 'roll-out-in-strike'],
    ]);
    expect(rolls[1]?.toStrike).toBeGreaterThan(6050);
    expect(p.condor.why.map((w) => w.rule)).toContain('roll-tested-side');
  });

  it('warns about stale quotes and reader flags', () => {
    const old = {
      ...chain,
      quoteTime: '2026-11-26T14:00:00Z',
      flags: [{ kind: 'zero-bid' as const, expiry: null, strike: null, side: null, detail: '' }],
    };
    const p = plan(inputs({ chain: old }), DEFAULT_SETTINGS, NOW);
    expect(p.warnings).toEqual([
      'SPX quotes are 60 minutes old (stale after 15 minutes): priced at their quote time Thu 2026-11-26 09:00 ET, not now.',
      'SPX chain: 1 zero bid flag(s) from the reader.',
      // The built-in calendar has no PPI dates and CPI only through 2026 (issue 11.10).
      `Event calendar: CPI dates only through 2026-12-31, no PPI dates, and this plan runs to ${p.condor.figures?.best.expiry}: a condor spanning a release there is not flagged. Add the dates, or declare your list complete, on the options page.`,
    ]);
    expect(p.clock).toEqual({
      pricedAt: '2026-11-26T14:00:00.000Z',
      basis: 'quote-time',
      quoteAgeMinutes: 60,
      stale: true,
      quoteInFuture: false,
    });
  });
});
