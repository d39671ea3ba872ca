/**
 * Layer 2 truth (issue 11). On the quote's clock: days to every VX/VIX expiry, Black-76 time
 * and "outlives the condor" run from the quotes' time, never from `now`, so the same inputs give
 * the same hedge a week later. Only good VIX quotes are bought. The term-structure norms read no
 * session after the plan's date. Expected values: days by hand from the
 * settlement instants (VIX expiries settle 09:30 ET = 14:30 UTC in winter), option values from
 * the independent `black-scholes` package (r = 0: Black-76 on the future with D = 1).
 */
import { blackScholes } from 'black-scholes';
import { describe, expect, it } from 'vitest';
import { hedgeClock } from '../../lib/engine/plan/hedge-clock';
import { plan } from '../../lib/engine/plan/plan';
import type { DailyRecord } from '../../lib/engine/signals/history-types';
import type { ChainSnapshot } from '../../lib/engine/snapshot-types';
import { HAND_NOW, HAND_SETTINGS, handInputs } from '../fixtures/engine/plan/hand-chain';
import { vixCurve } from '../fixtures/engine/synthetic-chain';

const DAY_MS = 86_400_000;
const WEEK_LATER = '2026-12-07T21:00:00Z'; // HAND_NOW + 7 days
const VIX_EXPIRY = '2027-01-20';
const VIX_SETTLES = Date.parse('2027-01-20T14:30:00Z'); // 09:30 ET, Wednesday
const VOL = 0.8;
const STRIKES = [15, 18, 20, 22, 25, 30, 35, 40];

/** VIX 18, F1 20 (2026-12-16), F2 20.1: front spread 0.5 % → flat → Layer 2 on, expansion 1. */
const curve = (readAt: string) =>
  vixCurve(
    18,
    [
      ['2026-12-16', 20],
      [VIX_EXPIRY, 20.1],
    ],
    readAt,
  );

type Side = { bid: number; ask: number };
/** A VIX 2027-01-20 chain on F = 20 (r = 0), calls priced at 80 % vol with `tauDays` to settle. */
function vixChain(quoteTime: string, tauDays: number, override: Record<number, Side> = {}): ChainSnapshot {
  const mid = (k: number) => blackScholes(20, k, tauDays / 365, VOL, 0, 'call');
  const q = (s: Side) => ({ ...s, last: null, volume: null, openInterest: null, iv: null, delta: null });
  return {
    kind: 'option-chain',
    source: { reader: 'hand', url: 'file:vix', readAt: quoteTime },
    underlying: { symbol: 'VIX', price: 18 },
    quoteTime,
    expiries: [
      {
        expiry: VIX_EXPIRY,
        root: 'VIX',
        settlement: 'AM',
        rows: STRIKES.map((k) => {
          const m = mid(k);
          const put = m - (20 - k);
          return {
            strike: k,
            call: q(override[k] ?? { bid: m - 0.05, ask: m + 0.05 }),
            put: q({ bid: put - 0.05, ask: put + 0.05 }),
          };
        }),
      },
    ],
    coverage: { expiriesListed: 1, expiriesRead: 1, rowsRead: STRIKES.length, note: null },
    dropped: [],
    flags: [],
  };
}

/**
 * The call the hedge should pick and its value per contract in a scenario, by hand: among the
 * calls at or above F = 20 whose 0.10 spread is within 25 % of the mid (mid ≥ 0.40), the most
 * (value at VIX 33 − ask) / ask, valued with the remaining τᵢ − τc days on the stressed future
 * v + (20 − 18)(τᵢ − τc)/τᵢ.
 */
function expected(tauI: number, tauC: number, exclude: number[] = []) {
  const mid = (k: number) => blackScholes(20, k, tauI / 365, VOL, 0, 'call');
  const fAt = (v: number) => v + (2 * (tauI - tauC)) / tauI;
  const valueAt = (v: number, k: number) => blackScholes(fAt(v), k, (tauI - tauC) / 365, VOL, 0, 'call');
  const best = STRIKES.filter((k) => k >= 20 && mid(k) >= 0.4 && !exclude.includes(k))
    .map((k) => ({ k, ask: mid(k) + 0.05 }))
    .map((c) => ({ ...c, eff: (valueAt(33, c.k) - c.ask) / c.ask }))
    .sort((a, b) => b.eff - a.eff)[0];
  if (!best) throw new Error('no call');
  return { strike: best.k, perContract: (v: number) => (valueAt(v, best.k) - best.ask) * 100 };
}

const tauFrom = (iso: string) => (VIX_SETTLES - Date.parse(iso)) / DAY_MS;

describe('Layer 2 on the quote clock', () => {
  const inputs = {
    ...handInputs(),
    vixCurve: curve(HAND_NOW),
    vixChain: vixChain(HAND_NOW, tauFrom(HAND_NOW)),
  };

  it('gives the identical hedge when the plan runs a week after the quotes', () => {
    const atQuote = plan(inputs, HAND_SETTINGS, HAND_NOW);
    const weekLater = plan(inputs, HAND_SETTINGS, WEEK_LATER);
    expect(atQuote.hedge.status).toBe('suggested');
    expect(weekLater.clock.stale).toBe(true);
    expect(weekLater.hedge).toEqual(atQuote.hedge);
    expect(weekLater.quotesLeftOut).toEqual(atQuote.quotesLeftOut);
  });

  it('run a week later: days and Black-76 values from the quote time, by hand', () => {
    const p = plan(inputs, HAND_SETTINGS, WEEK_LATER);
    // 2026-11-30 21:00 UTC → 2026-12-16 14:30 UTC = 15 d 17.5 h; → 2027-01-20 14:30 UTC = 50 d 17.5 h.
    expect(p.hedge.figures?.termStructure.curve.map((c) => c.daysToExpiry)).toEqual([
      expect.closeTo(15 + 17.5 / 24, 9),
      expect.closeTo(50 + 17.5 / 24, 9),
    ]);
    const h = p.hedge.figures?.hedge;
    if (!h) throw new Error('no hedge');
    const want = expected(50 + 17.5 / 24, 31); // the condor settles 2026-12-31 16:00 ET: 31 days
    expect(h.instrument).toBe('vix-call');
    expect(h.expiry).toBe(VIX_EXPIRY);
    expect(h.strike).toBe(want.strike);
    const byName = Object.fromEntries(h.scenarios.map((r) => [r.name, r.hedgePnlUsd / h.contracts]));
    expect(byName.flat).toBeCloseTo(want.perContract(18), 4);
    expect(byName.stress).toBeCloseTo(want.perContract(33), 4);
    expect(byName['double stress']).toBeCloseTo(want.perContract(48), 4);
  });

  it('a VIX chain quoted 2 hours before the SPX chain: priced at its own quote time, and warned', () => {
    const vixAt = '2026-11-30T19:00:00Z'; // 14:00 ET, during the session
    const tauI = tauFrom(vixAt); // 50 d 19.5 h
    expect(tauI).toBeCloseTo(50 + 19.5 / 24, 12);
    const p = plan(
      { ...inputs, vixCurve: curve(vixAt), vixChain: vixChain(vixAt, tauI) },
      HAND_SETTINGS,
      WEEK_LATER,
    );
    // Every Layer 2 time runs from the VIX quotes: the condor's 31 days become 31 d 2 h.
    expect(p.hedge.figures?.termStructure.curve[0]?.daysToExpiry).toBeCloseTo(15 + 19.5 / 24, 9);
    const h = p.hedge.figures?.hedge;
    if (!h) throw new Error('no hedge');
    const want = expected(tauI, 31 + 2 / 24);
    expect(h.strike).toBe(want.strike);
    const stress = h.scenarios.find((r) => r.name === 'stress');
    expect((stress?.hedgePnlUsd ?? 0) / h.contracts).toBeCloseTo(want.perContract(33), 4);
    expect(p.warnings).toContain(
      'The VIX option chain is quoted Mon 2026-11-30 14:00 ET, 2.0 hours before the SPX quotes (Mon 2026-11-30 16:00 ET): Layer 2 prices the calls at their own quote time, but the two markets were not seen together.',
    );
    expect(
      p.warnings.some((w) =>
        w.startsWith(
          'The VIX futures curve carries no quote time; it was read Mon 2026-11-30 14:00 ET, 2.0 hours before',
        ),
      ),
    ).toBe(true);
  });

  it('no out-of-step warning when the curve and VIX chain are read with the SPX quotes', () => {
    const p = plan(inputs, HAND_SETTINGS, WEEK_LATER);
    expect(
      p.warnings.filter((w) => w.includes('VIX option chain') || w.includes('VIX futures curve')),
    ).toEqual([]);
  });
});

describe('Layer 2 buys only good VIX quotes', () => {
  const tau = tauFrom(HAND_NOW);
  const best = expected(tau, 31).strike;
  const runnerUp = expected(tau, 31, [best]);
  it.each([
    ['zero-bid', { bid: 0, ask: 0.05 }],
    ['crossed', { bid: 0.9, ask: 0.05 }],
    ['wide-spread', { bid: 0.02, ask: 0.12 }],
  ] as const)('never buys the %s call that would look cheapest, and lists it', (reason, bad) => {
    const chain = vixChain(HAND_NOW, tau, { [best]: bad });
    const p = plan({ ...handInputs(), vixCurve: curve(HAND_NOW), vixChain: chain }, HAND_SETTINGS, HAND_NOW);
    const h = p.hedge.figures?.hedge;
    expect(best).toBe(25); // the hand pick with good quotes
    expect(h?.strike).toBe(runnerUp.strike);
    expect(h?.price).toBeCloseTo(blackScholes(20, runnerUp.strike, tau / 365, VOL, 0, 'call') + 0.05, 9);
    expect(p.quotesLeftOut).toContainEqual(
      expect.objectContaining({ expiry: VIX_EXPIRY, root: 'VIX', strike: best, side: 'call', reason }),
    );
    expect(p.hedge.why.find((w) => w.rule === 'hedge-quotes-left-out')?.text).toMatch(
      /^\d+ VIX 2027-01-20 call quote\(s\) at or above the forward 20\.00 are never bought: /,
    );
  });
});

describe('Layer 2 norms read no session after the plan date', () => {
  const day = (date: string, vxFrontSpread: number, vixClose: number): DailyRecord => ({
    date,
    spxClose: 5000,
    advances: null,
    declines: null,
    vixClose,
    vxFrontSpread,
  });
  // 20 sessions up to the plan date 2026-11-30 (contango 6 %, VIX 18), then 20 after it in a
  // crisis (backwardation −20 %, VIX 60) that the quotes of 2026-11-30 cannot know.
  const dates = (from: string, n: number) =>
    Array.from({ length: n }, (_, i) =>
      new Date(Date.parse(from) + i * 86_400_000).toISOString().slice(0, 10),
    );
  const before = dates('2026-11-11', 20).map((d) => day(d, 0.06, 18));
  const after = dates('2026-12-01', 20).map((d) => day(d, -0.2, 60));
  const base = { ...handInputs(), vixCurve: curve(HAND_NOW) };
  it('the term structure is the same with or without the later sessions', () => {
    const known = plan({ ...base, history: before }, HAND_SETTINGS, WEEK_LATER);
    const withLater = plan({ ...base, history: [...before, ...after] }, HAND_SETTINGS, WEEK_LATER);
    expect(known.hedge.figures?.termStructure.normsSource).toMatch(/^recorded 20 days \+ built-in/);
    expect(withLater.hedge.figures?.termStructure).toEqual(known.hedge.figures?.termStructure);
    expect(withLater.press).toEqual(known.press);
  });
});

describe('hedgeClock: which instant, and when the inputs are out of step', () => {
  const spx = handInputs().chain as ChainSnapshot;
  it('a VIX chain without a quote time: priced at the SPX quote time, and said so', () => {
    const vix = { ...vixChain(HAND_NOW, tauFrom(HAND_NOW)), quoteTime: null };
    const c = hedgeClock(HAND_NOW, spx, curve(HAND_NOW), vix, 15);
    expect(c).toEqual({
      at: HAND_NOW,
      basis: 'plan',
      warnings: [
        "The VIX option chain has no quote time: Layer 2 prices its calls at the plan's time, Mon 2026-11-30 16:00 ET (the quote time of the SPX chain).",
      ],
    });
  });
  it('a curve read 16 minutes after the quotes is out of step (stale after 15), 15 minutes is not', () => {
    const at = (min: number) => new Date(Date.parse(HAND_NOW) + min * 60_000).toISOString();
    expect(hedgeClock(HAND_NOW, spx, curve(at(15)), null, 15).warnings).toEqual([]);
    expect(hedgeClock(HAND_NOW, spx, curve(at(16)), null, 15).warnings).toEqual([
      'The VIX futures curve carries no quote time; it was read Mon 2026-11-30 16:16 ET, 16 minutes after the SPX quotes (Mon 2026-11-30 16:00 ET): Layer 2 prices it as of Mon 2026-11-30 16:00 ET, so if it is not from then its term structure and hedge are out of step.',
    ]);
  });
  it('a last-close SPX chain and a curve read on Sunday: in step (no session in between)', () => {
    // Fri 2026-11-27 is an early close (13:00 ET); chain stamped at that close, curve read Sun 29th.
    const friClose = '2026-11-27T18:15:00Z';
    const chain: ChainSnapshot = {
      ...spx,
      quoteTime: friClose,
      flags: [{ kind: 'quote-time-from-close', expiry: null, strike: null, side: null, detail: 'closed' }],
    };
    expect(hedgeClock(friClose, chain, curve('2026-11-29T20:00:00Z'), null, 15).warnings).toEqual([]);
    // Read on Monday after the open: out of step.
    expect(hedgeClock(friClose, chain, curve('2026-11-30T15:00:00Z'), null, 15).warnings).toHaveLength(1);
  });
});
