/**
 * Issue 11, Layer 1 points, on hand-checkable inputs: OCC symbols (2), the quote's clock (3),
 * the score (7), the parity rate band (8), unknown is not zero (9), 0DTE decay (11) and
 * stale history (12). Expected values are worked by hand in the comments.
 */
import { describe, expect, it } from 'vitest';
import { condorCandidates } from '../../lib/engine/condor/candidates';
import { contractNote, occSymbol } from '../../lib/engine/condor/occ';
import { condorScore, deltaTargets } from '../../lib/engine/condor/score';
import { black76Greeks, decayToExpiry } from '../../lib/engine/greeks/greeks';
import { fitForwardFromParity } from '../../lib/engine/parity/forward-fit';
import { guardNonFinite } from '../../lib/engine/plan/finite';
import { datedExpiries, solveSmile } from '../../lib/engine/plan/market';
import { plan } from '../../lib/engine/plan/plan';
import type { DailyRecord } from '../../lib/engine/signals/history-types';
import type { ChainRow } from '../../lib/engine/snapshot-types';
import { planSchema } from '../../lib/schema/plan';
import { DEFAULT_SETTINGS } from '../../lib/schema/settings';
import {
  HAND_EXPIRY,
  HAND_NOW,
  HAND_SETTINGS,
  handChain,
  handInputs,
} from '../fixtures/engine/plan/hand-chain';
import { quote, syntheticSpxChain } from '../fixtures/engine/synthetic-chain';

describe('OCC symbols (OSI: root padded to 6, yymmdd, C/P, strike × 1000 in 8 digits)', () => {
  it.each([
    ['SPXW', '2024-02-09', 'put', 4620, 'SPXW  240209P04620000'],
    ['SPX', '2022-03-18', 'call', 4500, 'SPX   220318C04500000'],
    ['AAPL', '2020-10-16', 'put', 112.5, 'AAPL  201016P00112500'],
    ['XSP', '2026-12-31', 'call', 602.5, 'XSP   261231C00602500'],
  ] as const)('%s %s %s %d → %s', (root, expiry, side, strike, want) => {
    expect(occSymbol(root, expiry, side, strike)).toBe(want);
  });
  it('is null without a root or when the strike does not fit 8 digits', () => {
    expect(occSymbol(null, '2024-02-09', 'put', 4620)).toBeNull();
    expect(occSymbol('SPXW', '2024-02-09', 'put', 123_456)).toBeNull();
    expect(occSymbol('TOOLONGX', '2024-02-09', 'put', 100)).toBeNull();
  });
  it('says monthly AM or weekly PM in words', () => {
    expect(contractNote('SPX', 'AM')).toBe('SPX monthly, AM-settled');
    expect(contractNote('SPXW', 'PM')).toBe('SPXW weekly, PM-settled');
  });
});

describe("the quote's clock", () => {
  const settings = HAND_SETTINGS;
  it('prices a week-old hand chain at its quote time: 31 days to expiry, not 24, and says it is stale', () => {
    // HAND_NOW Monday 2026-11-30 16:00 NY → Thursday 2026-12-31 16:00 NY = 31 days exactly.
    const weekLater = '2026-12-07T21:00:00Z';
    const p = plan(handInputs(), settings, weekLater);
    expect(p.condor.figures?.best.daysToExpiry).toBeCloseTo(31, 12);
    expect(p.clock).toEqual({
      pricedAt: '2026-11-30T21:00:00.000Z',
      basis: 'quote-time',
      quoteAgeMinutes: 7 * 24 * 60,
      stale: true,
      quoteInFuture: false,
    });
    expect(p.warnings[0]).toBe(
      'SPX quotes are 7.0 days old (stale after 15 minutes): priced at their quote time Mon 2026-11-30 16:00 ET, not now.',
    );
    expect(p.condor.figures?.best).toEqual(plan(handInputs(), settings, HAND_NOW).condor.figures?.best);
  });
  it('warns when the quote time is after now, and prices at now only without a quote time', () => {
    const early = plan(handInputs(), settings, '2026-11-30T20:00:00Z');
    expect(early.clock.quoteInFuture).toBe(true);
    expect(early.warnings[0]).toMatch(/^SPX quote time Mon 2026-11-30 16:00 ET is 60 minutes after now/);
    const chain = { ...handChain(), quoteTime: null };
    const p = plan({ ...handInputs(), chain }, settings, HAND_NOW);
    expect(p.clock.basis).toBe('now');
    expect(p.warnings[0]).toMatch(/no quote time: priced at the plan's own time/);
  });
});

describe('the condor score (lib/engine/condor/score.ts)', () => {
  it('sums reward, slippage and distance from the delta targets', () => {
    // reward 0.6·10/15 = 0.4; slippage −(10 − 9)/15 = −0.0667; distance −2·(0.02 + 0.03) = −0.1.
    const { score, parts } = condorScore(
      {
        probabilityOfProfit: 0.6,
        creditMid: 10,
        creditNatural: 9,
        maxLoss: 15,
        shortPutDelta: 0.22,
        shortCallDelta: 0.17,
      },
      { put: 0.2, call: 0.2 },
    );
    expect(parts.reward).toBeCloseTo(0.4, 12);
    expect(parts.slippage).toBeCloseTo(-1 / 15, 12);
    expect(parts.deltaDistance).toBeCloseTo(-0.1, 12);
    expect(score).toBeCloseTo(0.4 - 1 / 15 - 0.1, 12);
  });
  it('moves the feared side 0.05 further out, never below the band', () => {
    expect(deltaTargets(0.2, 'puts-further', 0.15)).toEqual({ put: expect.closeTo(0.15, 12), call: 0.2 });
    expect(deltaTargets(0.17, 'calls-further', 0.15)).toEqual({ put: 0.17, call: 0.15 });
    expect(deltaTargets(0.2, 'neutral', 0.15)).toEqual({ put: 0.2, call: 0.2 });
  });
});

describe('parity discount kept in a plausible band', () => {
  // Two hours to expiry; quotes obey C − P = D·(F − K) with D = e^{+2.96·T} (r = −296 %),
  // F = 5000, strikes 4950–5050 symmetric about F, equal spreads.
  const T = 2 / 8760;
  const dTrue = 1.0006760274904096; // e^{2.96·2/8760}
  const rows: ChainRow[] = [];
  for (let k = 4950; k <= 5050; k += 10) {
    const p = 10 + dTrue * Math.max(k - 5000, 0);
    const c = 10 + dTrue * Math.max(5000 - k, 0);
    rows.push({
      strike: k,
      call: { ...quote(c), bid: c - 0.1, ask: c + 0.1 },
      put: { ...quote(p), bid: p - 0.1, ask: p + 0.1 },
    });
  }
  it('uses the rate setting outside −1 %…15 % and refits the forward with it', () => {
    const fit = fitForwardFromParity(rows, 30, { tYears: T, min: -0.01, max: 0.15, fallback: 0.04 });
    if ('error' in fit) throw new Error(fit.detail);
    expect(fit.rateSource).toBe('setting');
    expect(fit.impliedRate).toBeCloseTo(-2.96, 6);
    expect(fit.discount).toBeCloseTo(0.999990867621609, 14); // e^{−0.04·2/8760}
    // Equal weights, symmetric strikes: mean of K + (D_true/D)(F − K) is F.
    expect(fit.forward).toBeCloseTo(5000, 9);
  });
  it('keeps the parity discount inside the band', () => {
    const fit = fitForwardFromParity(rows, 30, { tYears: T, min: -4, max: 0.15, fallback: 0.04 });
    if ('error' in fit) throw new Error(fit.detail);
    expect([fit.rateSource, fit.discount]).toEqual(['parity', expect.closeTo(dTrue, 12)]);
  });
});

describe('unknown is not zero', () => {
  it('switches the layer holding a NaN off with its path, and an infinite price to null', () => {
    const p = plan(handInputs(), HAND_SETTINGS, HAND_NOW);
    const best = p.condor.figures?.best;
    if (!best) throw new Error('no condor');
    best.creditMid = Number.NaN;
    p.underlying.price = Number.POSITIVE_INFINITY;
    const signals = p.signals;
    const warnings = guardNonFinite(p);
    expect(p.condor).toMatchObject({ status: 'off', figures: null });
    expect(p.condor.reason).toContain('$.condor.figures.best.creditMid');
    expect(p.underlying.price).toBeNull();
    expect(p.signals).toBe(signals);
    expect(warnings).toHaveLength(2);
    expect(planSchema.safeParse(p).success).toBe(true);
  });
});

describe('0DTE theta is the decay to expiry', () => {
  it('for one option: value now at F unchanged, not a per-day rate (hand: ATM call, 2 hours, 20 %)', () => {
    // Price = F·(2Φ(σ√T/2) − 1) = 6.02799 points; per-day theta −Fφ(d₁)σ/(2√T)/365 = −36.17.
    const T = 2 / 8760;
    expect(decayToExpiry('call', 5000, 5000, T, 1, 0.2)).toBeCloseTo(-6.027994471183851, 9);
    expect(black76Greeks('call', 5000, 5000, T, 1, 0.2)?.theta).toBeCloseTo(-36.1679393020257, 6);
  });
  it('for a condor 2 hours before the close: +100 × the credit, named "to expiry"', () => {
    // Every leg OTM and priced at its own solved vol: at expiry with F unchanged all four are
    // worth 0, so the decay of the short condor is the credit at mid × $100.
    const now = '2026-12-01T19:00:00Z'; // Tuesday 14:00 New York; SPXW settles 16:00
    const chain = syntheticSpxChain({ now, expiries: ['2026-12-01'] });
    const d = datedExpiries(chain, now).expiries[0];
    if (!d) throw new Error('expiry');
    const all = condorCandidates(solveSmile(d), {
      ...DEFAULT_SETTINGS.condor,
      shortDeltaMin: 0.08,
      shortDeltaMax: 0.15,
      risk: DEFAULT_SETTINGS.risk,
      layerShare: 1,
      tilt: 'neutral',
      flags: [],
    });
    expect(all.length).toBeGreaterThan(0);
    for (const c of all) {
      expect(c.greeks.thetaUnit).toBe('usd-to-expiry');
      expect(c.greeks.thetaUsd).toBeCloseTo(100 * c.creditMid, 6);
    }
  });
});

describe('stale history', () => {
  /** `n` weekday sessions ending on `last` (YYYY-MM-DD), closes on a gentle wave. */
  function history(last: string, n: number): DailyRecord[] {
    const out: DailyRecord[] = [];
    let t = Date.parse(`${last}T12:00:00Z`);
    while (out.length < n) {
      const day = new Date(t).getUTCDay();
      if (day !== 0 && day !== 6)
        out.unshift({
          date: new Date(t).toISOString().slice(0, 10),
          spxClose: 6000 + 40 * Math.sin(out.length / 5),
          advances: null,
          declines: null,
          vixClose: null,
          vxFrontSpread: null,
        });
      t -= 86_400_000;
    }
    return out;
  }
  const now = '2026-11-26T15:00:00Z'; // plan date Thursday 2026-11-26 (Thanksgiving, no session)
  const chain = syntheticSpxChain({ now });
  const run = (h: DailyRecord[]) => plan({ ...handInputs(), chain, history: h }, DEFAULT_SETTINGS, now);
  it('is off when it ends more than 5 trading days before the plan date, with the last date', () => {
    // After Fri 11-13: 16, 17, 18, 19, 20, 23, 24, 25 = 8 sessions (26th a holiday).
    const p = run(history('2026-11-13', 60));
    expect(p.signals.status).toBe('off');
    expect(p.signals.reason).toContain('History ends 2026-11-13, 8 trading days before');
    expect(p.signals.why[0]?.inputs).toMatchObject({ lastDate: '2026-11-13', tradingDaysBehind: 8 });
  });
  it('is on when it ends 5 trading days before (Wed 11-18: 19, 20, 23, 24, 25)', () => {
    const p = run(history('2026-11-18', 60));
    expect(p.signals.status).toBe('on');
    expect(p.signals.reason).toContain('History ends 2026-11-18.');
  });
});

describe('hand chain still names its contract', () => {
  it('legs carry SPXW, PM and the OCC symbol', () => {
    const best = plan(handInputs(), HAND_SETTINGS, HAND_NOW).condor.figures?.best;
    expect(best?.legs.shortPut).toMatchObject({
      root: 'SPXW',
      settlement: 'PM',
      occSymbol: 'SPXW  261231P04800000',
    });
    expect(best?.expiry).toBe(HAND_EXPIRY);
  });
});

describe('an unnamed underlying is not taken for SPX', () => {
  it('gets the banner and wings a share of the expected move, not 100 "SPX points"', () => {
    const chain = { ...handChain(), underlying: { symbol: '', price: 5000 } };
    const p = plan({ ...handInputs(), chain }, HAND_SETTINGS, HAND_NOW);
    expect(p.banners[0]).toMatch(/^The chain does not name its underlying, so it is not taken for SPX/);
    expect(p.warnings[0] ?? '').not.toMatch(/^ /);
    // Expected move 5000 × 20 % × √(31/365) ≈ 291 points → wings ≈ 73, snapped to the 100-point grid.
    const best = p.condor.figures?.best;
    expect(best?.wingWidth).toBeCloseTo(0.25 * (best?.expectedMove ?? 0), 12);
    expect(best?.wingWidth).toBeGreaterThan(70);
    expect(best?.wingWidth).toBeLessThan(76);
  });
});
