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
  it('moves VIX by 1.5 points per 1 % drop (hand: −10 % → 18 + 15 = 33)', () => {
    expect(stressScenarios(18, -0.1, 1.5).map((s) => [s.spxMove, s.vixLevel])).toEqual([
      [-0, 18],
      [-0.05, 25.5],
      [-0.1, 33],
      [-0.2, 48],
    ]);
  });
});

describe('sizeVixHedge with futures (no VIX chain)', () => {
  // The condor's forward is ≈ 5000; stress SPX = 0.9·F ≈ 4500 < 4700 → loss 60.70 × 100 = $6,070.
  // First future settling on/after the condor's 31-day expiry: 2027-01-20 at 21.
  // Per contract: stress payoff (33 − 21) × 1000 = $12,000; expected roll-down (21 − 18) × 1000 = $3,000
  // is the cost shown and budgeted, but not subtracted again from the payoff: (VIX − 21) × 1000
  // already contains it (VIX unchanged at 18 → −$3,000).
  it('is bound by the hedge budget: 20 % × $3,930 = $786 buys no $3,000 contract', () => {
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
    expect(h?.costUsd).toBeCloseTo(3000, 9);
    // Stress payoff 12000 → payback share 12000 / 6070 = 1.97694.
    expect(h?.paybackShare).toBeCloseTo(12000 / 6070, 9);
    const stress = h?.scenarios[2];
    expect(stress?.condorPnlUsd).toBeCloseTo(-6070, 6);
    expect(stress?.hedgePnlUsd).toBeCloseTo(12000, 6);
    expect(stress?.netPnlUsd).toBeCloseTo(5930, 6);
    // Flat scenario: VIX stays at 18, the future converges down: (18 − 21) × 1000 = −$3,000, once.
    expect(h?.scenarios[0]?.hedgePnlUsd).toBeCloseTo(-3000, 6);
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

describe('sizeVixHedge with VIX calls (hand-made chain)', () => {
  // One VIX expiry, 2026-12-16 (≈ 15.6 days: before the condor's 31, so the last one before it
  // is used and valued at intrinsic). F = 20, D = 1: puts = calls − (20 − K) at mid; ±0.10 markets.
  const calls: [number, number][] = [
    [15, 5.7],
    [20, 2.0],
    [25, 0.8],
    [30, 0.4],
    [35, 0.2],
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
  const dated = datedExpiries(vixChain, HAND_NOW).expiries;
  const smiles = dated.map(solveSmile);

  it('picks the strike with the most stress payoff per premium dollar and sizes to the payback target', () => {
    // Stressed VIX 33. OTM strikes (≥ F = 20) below 33, at the ask:
    //   20: (13 − 2.1)/2.1 = 5.19   25: (8 − 0.9)/0.9 = 7.89   30: (3 − 0.5)/0.5 = 5.00 → 25.
    // Net stress payoff (8 − 0.9) × 100 = $710; target 50 % × $6,070 = $3,035 → ⌈4.27⌉ = 5.
    // Budget 20 % × $3,930 = $786 → ⌊786/90⌋ = 8; cap 10 → 5, bound by the payback target.
    expect(smiles[0]?.forward).toBeCloseTo(20, 9);
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
    expect(h?.strike).toBe(25);
    expect(h?.price).toBeCloseTo(0.9, 12);
    expect(h?.contracts).toBe(5);
    expect(h?.boundBy).toBe('payback target');
    expect(h?.costUsd).toBeCloseTo(450, 9);
    // Stress: 5 × (33 − 25) × 100 − 450 = $3,550; flat (VIX 18 < 25): −$450.
    expect(h?.scenarios[2]?.hedgePnlUsd).toBeCloseTo(3550, 9);
    expect(h?.scenarios[0]?.hedgePnlUsd).toBeCloseTo(-450, 9);
    expect(h?.paybackShare).toBeCloseTo(3550 / 6070, 12);
  });
});
