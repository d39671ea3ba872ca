import { blackScholes } from 'black-scholes';
import { describe, expect, it } from 'vitest';
import { condorPayoffAtExpiry, stressScenarios } from '../../lib/engine/hedge/scenarios';
import { termStructure } from '../../lib/engine/hedge/term-structure';
import { sizeVixHedge } from '../../lib/engine/hedge/vix-hedge';
import { datedExpiries, solveSmile } from '../../lib/engine/plan/market';
import { plan } from '../../lib/engine/plan/plan';
import type { Settings } from '../../lib/engine/settings-types';
import type { ChainSnapshot } from '../../lib/engine/snapshot-types';
import { HAND_NOW, HAND_SETTINGS, handInputs } from '../fixtures/engine/plan/hand-chain';
import { vixCurve } from '../fixtures/engine/synthetic-chain';

// The hand chain's condor (see condor.test.ts): long 4700 / short 4800 puts, short 5200 /
// long 5300 calls, credit 39.30, 1 contract, max loss $6,070, credit $3,930.
const settings: Settings = HAND_SETTINGS;
const inputs = handInputs();
const condor = plan(inputs, settings, HAND_NOW).condor.figures?.best;
if (!condor) throw new Error('hand condor missing');

// VIX 18; futures 20 (2026-12-16, 16 days) and 21 (2027-01-20). Days fixed for the hand check.
const ts = termStructure(
  vixCurve(18, [
    ['2026-12-16', 20],
    ['2027-01-20', 21],
  ]),
  (e) => (e === '2026-12-16' ? 16 : 51),
  [],
  [],
);
if (!ts) throw new Error('curve');

describe('condorPayoffAtExpiry', () => {
  it.each([
    [5000, 39.3], // between the shorts: keep the credit
    [4760.7, 0], // lower break-even
    [4500, 39.3 - 100], // below the long put: lose the full wing
    [5250, 39.3 - 50], // call spread 50 in the money
  ])('at %d pays %d points (hand)', (spx, pay) => {
    expect(condorPayoffAtExpiry(condor, spx)).toBeCloseTo(pay, 9);
  });
});

describe('stressScenarios', () => {
  it('moves VIX by 1.5 points per 1 % drop (hand: −10 % → 18 + 15 = 33); VIX falls to the median', () => {
    expect(stressScenarios(18, -0.1, 1.5, 17.63).map((s) => [s.spxMove, s.vixLevel])).toEqual([
      [-0, 18],
      [0, 17.63],
      [-0.05, 25.5],
      [-0.1, 33],
      [-0.2, 48],
    ]);
  });
});

describe('sizeVixHedge with futures (no VIX chain)', () => {
  // The condor's forward is ≈ 5000; stress SPX = 0.9·F ≈ 4500 < 4700 → loss 60.70 × 100 = $6,070.
  // First future settling on/after the condor's 31-day expiry: 2027-01-20 at 21 (51 days).
  // At the condor's expiry it still has 20 of its 51 days: the stressed future is
  // v + (21 − 18) × 20/51 = v + 1.17647. Per contract: stress (33 + 1.17647 − 21) × 1000 = $13,176.47;
  // it can give back max(roll-down (21 − 18), fall to the median (21 − 17.63)) × 1000 = $3,370.
  it('is bound by the hedge budget: 20 % × $3,930 = $786 buys no $3,370 contract', () => {
    const r = sizeVixHedge({ condor, vixSpot: 18, termStructure: ts, vixSmiles: [], settings, expansion: 1 });
    expect(r.hedge?.stressLossUsd).toBeCloseTo(6070, 6);
    expect(r.hedge?.budgetUsd).toBeCloseTo(786, 6);
    expect(r.hedge?.contracts).toBe(0);
    expect(r.hedge?.boundBy).toBe('hedge budget');
    expect(r.reason).toBe('The hedge budget allows no hedge contract.');
  });

  it('is bound by the payback target with a full budget (hand: ⌈0.5 × 6070 / 12000⌉ = 1)', () => {
    const full = { ...settings, hedge: { ...settings.hedge, budgetShareOfCredit: 1 } };
    const r = sizeVixHedge({
      condor,
      vixSpot: 18,
      termStructure: ts,
      vixSmiles: [],
      settings: full,
      expansion: 1,
    });
    const h = r.hedge;
    expect(h?.instrument).toBe('vix-future');
    expect(h?.expiry).toBe('2027-01-20');
    expect(h?.contracts).toBe(1);
    expect(h?.boundBy).toBe('payback target');
    expect(h?.costUsd).toBeCloseTo(3370, 9);
    expect(h?.marginUsd).toBe(10_000);
    // Stress payoff 13,176.47 → payback share 13,176.47 / 6,070 = 2.1707.
    expect(h?.paybackShare).toBeCloseTo(13176.470588 / 6070, 6);
    const stress = h?.scenarios.find((r) => r.name === 'stress');
    expect(stress?.condorPnlUsd).toBeCloseTo(-6070, 6);
    expect(stress?.hedgePnlUsd).toBeCloseTo(13176.470588, 5);
    expect(stress?.netPnlUsd).toBeCloseTo(7106.470588, 5);
    // Flat: VIX stays at 18, the future rolls down to 19.17647 by the condor's expiry: −$1,823.53.
    expect(h?.scenarios[0]?.hedgePnlUsd).toBeCloseTo(-1823.529412, 5);
    // VIX falls to 17.63: (17.63 + 1.17647 − 21) × 1000 = −$2,193.53.
    expect(h?.scenarios[1]).toMatchObject({ name: 'VIX falls', vixLevel: 17.63 });
    expect(h?.scenarios[1]?.hedgePnlUsd).toBeCloseTo(-2193.529412, 5);
    expect(h?.vixFallsLossUsd).toBeCloseTo(2193.529412, 5);
    // Carry: (21 − 18) × 1000 × 30 / 51 days = $1,764.71 per month.
    expect(h?.carryUsdPerMonth).toBeCloseTo((3000 * 30) / 51, 6);
    expect(h?.worthItsCost).toBe(true);
  });

  it('expansion raises the target: ×2 → ⌈1.0 × 6070 / 12000⌉ = 1, still within the cap', () => {
    const full = { ...settings, hedge: { ...settings.hedge, budgetShareOfCredit: 1 } };
    const r = sizeVixHedge({
      condor,
      vixSpot: 18,
      termStructure: ts,
      vixSmiles: [],
      settings: full,
      expansion: 2,
    });
    expect(r.why.find((w) => w.rule === 'hedge-size')?.inputs.targetUsd).toBeCloseTo(6070, 6);
  });
});

describe('sizeVixHedge with VIX calls expiring before the condor', () => {
  // One VIX expiry, 2026-12-16 (≈ 15.6 days), before the condor's 31: never used.
  const calls: [number, number][] = [
    [15, 5.7],
    [20, 2.0],
    [25, 0.8],
  ];
  const q = (mid: number) => ({
    bid: mid - 0.1,
    ask: mid + 0.1,
    last: null,
    volume: null,
    openInterest: null,
    iv: null,
    delta: null,
  });
  const vixChain: ChainSnapshot = {
    kind: 'option-chain',
    source: { reader: 'hand', url: 'file:vix', readAt: HAND_NOW },
    underlying: { symbol: 'VIX', price: 18 },
    quoteTime: HAND_NOW,
    expiries: [
      {
        expiry: '2026-12-16',
        root: 'VIX',
        settlement: 'AM',
        rows: calls.map(([strike, c]) => ({ strike, call: q(c), put: q(c - (20 - strike)) })),
      },
    ],
    coverage: { expiriesListed: 1, expiriesRead: 1, rowsRead: calls.length, note: null },
    dropped: [],
    flags: [],
  };
  it('credits no call that expires first: no hedge, and the reason says so', () => {
    const smiles = datedExpiries(vixChain, HAND_NOW).expiries.map(solveSmile);
    const r = sizeVixHedge({
      condor,
      vixSpot: 18,
      termStructure: ts,
      vixSmiles: smiles,
      settings,
      expansion: 1,
    });
    expect(r.hedge).toBeNull();
    expect(r.reason).toContain('on or after the condor');
  });
  it('the plan then hedges with the future settling after the condor and warns', () => {
    const curve = vixCurve(32, [
      ['2026-12-16', 27],
      ['2027-01-20', 25],
    ]);
    const p = plan({ ...inputs, vixCurve: curve, vixChain }, settings, HAND_NOW);
    expect(p.hedge.figures?.termStructure.label).toBe('backwardation');
    expect(p.warnings.some((w) => w.startsWith('No VIX option expiry on or after the condor'))).toBe(true);
  });
});

describe('sizeVixHedge with VIX calls outliving the condor (Black-76 on the stressed future)', () => {
  // VIX 2027-01-20 calls priced by an independent Black–Scholes library at 80 % vol, F = 20, r = 0.
  // Settlement 2027-01-20 09:30 ET = 14:30 UTC; now 2026-11-30 21:00 UTC → τᵢ = 50.7292 days.
  const tauI = (Date.parse('2027-01-20T14:30:00Z') - Date.parse(HAND_NOW)) / 86_400_000;
  const tauC = 31;
  const vol = 0.8;
  const strikes = [15, 20, 25, 30, 35, 40];
  const mid = (k: number) => blackScholes(20, k, tauI / 365, vol, 0, 'call');
  const q = (m: number) => ({
    bid: m - 0.05,
    ask: m + 0.05,
    last: null,
    volume: null,
    openInterest: null,
    iv: null,
    delta: null,
  });
  const vixChain: ChainSnapshot = {
    kind: 'option-chain',
    source: { reader: 'hand', url: 'file:vix', readAt: HAND_NOW },
    underlying: { symbol: 'VIX', price: 18 },
    quoteTime: HAND_NOW,
    expiries: [
      {
        expiry: '2027-01-20',
        root: 'VIX',
        settlement: 'AM',
        rows: strikes.map((k) => ({ strike: k, call: q(mid(k)), put: q(mid(k) - (20 - k)) })),
      },
    ],
    coverage: { expiriesListed: 1, expiriesRead: 1, rowsRead: strikes.length, note: null },
    dropped: [],
    flags: [],
  };
  const smiles = datedExpiries(vixChain, HAND_NOW).expiries.map(solveSmile);
  // Stressed future at the condor's expiry: v + (20 − 18) × (τᵢ − τc)/τᵢ; the call keeps τᵢ − τc days.
  const fAt = (v: number) => v + (2 * (tauI - tauC)) / tauI;
  const valueAt = (v: number, k: number) => blackScholes(fAt(v), k, (tauI - tauC) / 365, vol, 0, 'call');

  it('picks, sizes and values the call with its remaining time', () => {
    const eff = strikes
      .filter((k) => k >= 20)
      .map((k) => ({ k, ask: mid(k) + 0.05, eff: (valueAt(33, k) - mid(k) - 0.05) / (mid(k) + 0.05) }))
      .sort((a, b) => b.eff - a.eff);
    const best = eff[0]!;
    const net = (valueAt(33, best.k) - best.ask) * 100;
    const contracts = Math.min(Math.ceil(3035 / net), Math.floor(786 / (best.ask * 100)), 10);
    const r = sizeVixHedge({
      condor,
      vixSpot: 18,
      termStructure: ts,
      vixSmiles: smiles,
      settings,
      expansion: 1,
    });
    const h = r.hedge;
    expect(h?.instrument).toBe('vix-call');
    expect(h?.expiry).toBe('2027-01-20');
    expect(h?.strike).toBe(best.k);
    expect(h?.contracts).toBe(contracts);
    expect(h?.marginUsd).toBe(0);
    const byName = Object.fromEntries((h?.scenarios ?? []).map((r) => [r.name, r.hedgePnlUsd]));
    const pnl = (v: number) => contracts * (valueAt(v, best.k) - best.ask) * 100;
    expect(byName.flat).toBeCloseTo(pnl(18), 4);
    expect(byName['VIX falls']).toBeCloseTo(pnl(17.63), 4);
    expect(byName.stress).toBeCloseTo(pnl(33), 4);
    // Worth it: the stress payback beats the worst calm loss (the VIX-falls row here).
    expect(h?.worthItsCost).toBe(pnl(33) > -pnl(17.63));
  });
});

describe('the VIX 32 / F 27 backwardation case (issue 11.4)', () => {
  // VIX 32, the future settling at the condor's expiry at 27 (backwardation). Before: cost $0 and
  // +$5,000 "if nothing happens". Honestly: if VIX returns to its long-run median 17.63 the future
  // loses (27 − 17.63) × 1000 = $9,370 per contract, and it ties up the margin setting ($10,000).
  const tsBack = termStructure(
    vixCurve(32, [
      ['2026-12-30', 27],
      ['2027-01-27', 25],
    ]),
    (e) => (e === '2026-12-30' ? 31 : 59),
    [],
    [],
  );
  if (!tsBack) throw new Error('curve');
  it('with the default budget: no contract, one future can give back $9,370', () => {
    const r = sizeVixHedge({
      condor,
      vixSpot: 32,
      termStructure: tsBack,
      vixSmiles: [],
      settings,
      expansion: 1,
    });
    expect(r.hedge?.costUsd).toBe(0);
    expect(r.hedge?.contracts).toBe(0);
    expect(r.hedge?.boundBy).toBe('hedge budget');
    expect(r.hedge?.costBenefit).toBe(
      'The hedge budget allows no contract: one future can give back $9,370 against a $786 budget.',
    );
  });
  it('with a budget that allows it: every scenario shown, the VIX-falls loss and the margin', () => {
    const big = { ...settings, hedge: { ...settings.hedge, budgetShareOfCredit: 5 } };
    const h = sizeVixHedge({
      condor,
      vixSpot: 32,
      termStructure: tsBack,
      vixSmiles: [],
      settings: big,
      expansion: 1,
    }).hedge;
    // Stress VIX 32 + 15 = 47 → (47 − 27) × 1000 = $20,000 per contract; target $3,035 → 1 contract.
    expect(h?.contracts).toBe(1);
    expect(h?.costUsd).toBeCloseTo(9370, 6);
    expect(h?.marginUsd).toBe(10_000);
    expect(h?.scenarios.map((r) => [r.name, r.vixLevel, Math.round(r.hedgePnlUsd)])).toEqual([
      ['flat', 32, 5000],
      ['VIX falls', 17.63, -9370],
      ['half stress', 39.5, 12500],
      ['stress', 47, 20000],
      ['double stress', 62, 35000],
    ]);
    expect(h?.vixFallsLossUsd).toBeCloseTo(9370, 6);
    expect(h?.costBenefit).toContain(
      'No premium, but it can give back $9,370 (VIX back to 17.6), margin tied up $10,000',
    );
    expect(h?.worthItsCost).toBe(true); // $20,000 in stress > $9,370 lost if VIX falls
  });
});
