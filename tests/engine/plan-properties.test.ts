import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { builtinCalendar } from '../../lib/engine/events/builtin-calendar';
import { plan } from '../../lib/engine/plan/plan';
import type { CondorCandidate, Plan } from '../../lib/engine/plan-types';
import type { Settings } from '../../lib/engine/settings-types';
import { planSchema } from '../../lib/schema/plan';
import { DEFAULT_SETTINGS } from '../../lib/schema/settings';
import {
  nextFridays,
  syntheticSpxChain,
  syntheticVixChain,
  vixCurve,
} from '../fixtures/engine/synthetic-chain';

const NOW = '2026-11-26T15:00:00Z';

/** Random market, chain shape, quote damage and risk limits. */
const arb = fc.record({
  spot: fc.integer({ min: 1000, max: 8000 }),
  calmVol: fc.double({ min: 0.06, max: 0.5, noNaN: true }),
  crashVol: fc.double({ min: 0.1, max: 0.9, noNaN: true }),
  crashWeight: fc.double({ min: 0, max: 0.3, noNaN: true }),
  crashDrop: fc.double({ min: 0, max: 0.5, noNaN: true }),
  step: fc.constantFrom(1, 5, 10, 25),
  damage: fc.array(fc.nat(), { maxLength: 20 }),
  /** Zero every bid of one expiry (a closed or unread expiry). */
  wipe: fc.option(fc.nat({ max: 5 }), { nil: null }),
  account: fc.integer({ min: 20_000, max: 2_000_000 }),
  perTrade: fc.integer({ min: 500, max: 100_000 }),
  fraction: fc.double({ min: 0.02, max: 1, noNaN: true }),
  maxContracts: fc.integer({ min: 1, max: 100 }),
  deltaLo: fc.double({ min: 0.05, max: 0.3, noNaN: true }),
  deltaWidth: fc.double({ min: 0.02, max: 0.15, noNaN: true }),
  wing: fc.integer({ min: 5, max: 150 }),
  vix: fc.double({ min: 9, max: 60, noNaN: true }),
  slope: fc.double({ min: -0.2, max: 0.2, noNaN: true }),
});

type Case = typeof arb extends fc.Arbitrary<infer T> ? T : never;

function build(c: Case): { p: Plan; s: Settings } {
  const s: Settings = {
    ...DEFAULT_SETTINGS,
    risk: {
      accountSizeUsd: c.account,
      maxLossPerTradeUsd: c.perTrade,
      maxRiskFractionOfAccount: c.fraction,
      maxContracts: c.maxContracts,
    },
    condor: {
      ...DEFAULT_SETTINGS.condor,
      shortDeltaMin: c.deltaLo,
      shortDeltaMax: c.deltaLo + c.deltaWidth,
      wingWidthPoints: c.wing,
    },
  };
  const chain = syntheticSpxChain({
    now: NOW,
    spot: c.spot,
    strikeStep: c.step,
    strikesPerExpiry: 120,
    expiries: nextFridays(NOW, 6),
    model: { calmVol: c.calmVol, crashVol: c.crashVol, crashWeight: c.crashWeight, crashDrop: c.crashDrop },
  });
  // Damage: drop quotes, zero bids and cross a few markets, as pages do.
  for (const [i, n] of c.damage.entries()) {
    const exp = chain.expiries[n % chain.expiries.length];
    const row = exp?.rows[(n * 7 + i) % (exp?.rows.length ?? 1)];
    if (!row) continue;
    if (n % 3 === 0) row.put = null;
    else if (n % 3 === 1 && row.call) row.call = { ...row.call, bid: 0 };
    else if (row.call) row.call = { ...row.call, bid: (row.call.ask ?? 0) + 1 };
  }
  const wiped = c.wipe === null ? undefined : chain.expiries[c.wipe];
  for (const row of wiped?.rows ?? []) {
    if (row.call) row.call = { ...row.call, bid: 0 };
    if (row.put) row.put = { ...row.put, bid: 0 };
  }
  const fut: [string, number][] = [
    ['2026-12-16', c.vix * (1 + c.slope)],
    ['2027-01-20', c.vix * (1 + 2 * c.slope)],
  ];
  const p = plan(
    {
      chain,
      vixCurve: vixCurve(c.vix, fut),
      vixChain: syntheticVixChain(fut),
      history: [],
      calendar: builtinCalendar(),
      held: null,
    },
    s,
    NOW,
  );
  return { p, s };
}

function candidates(p: Plan): CondorCandidate[] {
  const f = p.condor.figures;
  return [...(f ? [f.best, ...f.alternatives] : []), ...(p.press.figures?.candidates ?? [])];
}

function allFinite(x: unknown): boolean {
  if (typeof x === 'number') return Number.isFinite(x);
  if (Array.isArray(x)) return x.every(allFinite);
  if (x && typeof x === 'object') return Object.values(x).every(allFinite);
  return true;
}

describe('plan properties (fast-check)', () => {
  it('break-evens lie between the long strikes; max loss = widest wing − credit ≥ 0', () => {
    let checked = 0;
    fc.assert(
      fc.property(arb, (c) => {
        for (const x of candidates(build(c).p)) {
          checked++;
          const { longPut, shortPut, shortCall, longCall } = x.legs;
          expect(x.breakEvenLow).toBeGreaterThan(longPut.strike);
          expect(x.breakEvenHigh).toBeLessThan(longCall.strike);
          const widest = Math.max(shortPut.strike - longPut.strike, longCall.strike - shortCall.strike);
          expect(Math.abs(x.maxLoss - (widest - x.creditMid))).toBeLessThan(1e-9);
          expect(x.maxLoss).toBeGreaterThanOrEqual(0);
        }
      }),
      { numRuns: 60 },
    );
    // Not vacuous: the random cases do produce candidates (typically 25–80 over 60 runs).
    expect(checked).toBeGreaterThan(10);
  });

  it('contracts never exceed any limit, and the hedge stays within its budget and cap', () => {
    let checked = 0;
    fc.assert(
      fc.property(arb, (c) => {
        const { p, s } = build(c);
        const budget = s.risk.accountSizeUsd * s.risk.maxRiskFractionOfAccount;
        // The press holds its share only when suggested; otherwise Layer 1 has the whole budget.
        const pressOn = p.press.status === 'suggested';
        const share = { condor: pressOn ? 1 - s.press.riskShare : 1, press: s.press.riskShare };
        const check = (x: CondorCandidate, layerShare: number) => {
          checked++;
          expect(x.contracts).toBeGreaterThanOrEqual(1);
          expect(x.contracts).toBeLessThanOrEqual(s.risk.maxContracts);
          expect(x.maxLossUsd).toBeLessThanOrEqual(s.risk.maxLossPerTradeUsd + 1e-6);
          expect(x.maxLossUsd).toBeLessThanOrEqual(budget * layerShare + 1e-6);
        };
        const f = p.condor.figures;
        for (const x of f ? [f.best, ...f.alternatives] : []) check(x, share.condor);
        for (const x of p.press.figures?.candidates ?? []) check(x, share.press);
        const h = p.hedge.figures?.hedge;
        if (h && f) {
          expect(h.contracts).toBeLessThanOrEqual(s.risk.maxContracts);
          expect(h.costUsd).toBeLessThanOrEqual(s.hedge.budgetShareOfCredit * f.best.creditUsd + 1e-6);
        }
      }),
      { numRuns: 60 },
    );
    expect(checked).toBeGreaterThan(10);
  });

  it('never contains NaN or Infinity and always parses', () => {
    fc.assert(
      fc.property(arb, (c) => {
        const { p } = build(c);
        expect(allFinite(p)).toBe(true);
        expect(p.warnings.filter((w) => w.startsWith('Internal'))).toEqual([]);
        expect(planSchema.safeParse(p).success).toBe(true);
      }),
      { numRuns: 40 },
    );
  });
});
