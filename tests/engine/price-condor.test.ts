/**
 * The engine's public condor pricing (lib/engine/condor/price-condor.ts), which Layer 1 and the
 * popup calculator both call: credit at mid and natural, break-evens, max loss and POP on the
 * hand chain (tests/fixtures/engine/plan/hand-chain.ts: Black-76 mids at σ = 20 %, F = 5000,
 * T = 31/365, ±0.50 markets), every expected value worked out by hand from that table.
 */
import { describe, expect, it } from 'vitest';
import { expirySmile, priceCondor } from '../../lib/engine';
import { condorCandidates } from '../../lib/engine/condor/candidates';
import { HAND_EXPIRY, HAND_NOW, HAND_SETTINGS, handChain } from '../fixtures/engine/plan/hand-chain';

const smileOf = () => {
  const out = expirySmile(handChain(), { expiry: HAND_EXPIRY, root: 'SPXW' }, HAND_NOW);
  if (!out.ok) throw new Error(out.error);
  return out.smile;
};

describe('priceCondor on the hand chain', () => {
  const s = smileOf();

  it('4600/4900/5100/5400: credit, natural, max loss, break-evens and POP by hand', () => {
    const out = priceCondor(s, { longPut: 4600, shortPut: 4900, shortCall: 5100, longCall: 5400 });
    if (!out.ok) throw new Error(JSON.stringify(out.errors));
    const p = out.pricing;
    // Mid: 71.95 + 74.10 − 9.60 − 13.20 = 123.25.
    expect(p.creditMid).toBeCloseTo(123.25, 9);
    // Natural: bids 71.45 + 73.60 − asks 10.10 + 13.70 = 145.05 − 23.80 = 121.25.
    expect(p.creditNatural).toBeCloseTo(121.25, 9);
    // Wings 300 each: max loss 300 − 123.25 = 176.75; break-evens 4776.75 and 5223.25.
    expect(p.maxLoss).toBeCloseTo(176.75, 9);
    expect(p.breakEvenLow).toBeCloseTo(4776.75, 9);
    expect(p.breakEvenHigh).toBeCloseTo(5223.25, 9);
    // Flat 20 %: N(−d₂(5223.25)) − N(−d₂(4776.75)) = 0.55662 (d₂ = ln(F/K)/σ√T − σ√T/2, σ√T = 0.058286).
    expect(Math.abs(p.probabilityOfProfit - 0.55662)).toBeLessThan(0.005);
    expect(p.legs.shortPut.figures.occSymbol).toBe('SPXW  261231P04900000');
  });

  it('unequal wings: max loss on the widest (4700/4800/5200/5400)', () => {
    const out = priceCondor(s, { longPut: 4700, shortPut: 4800, shortCall: 5200, longCall: 5400 });
    if (!out.ok) throw new Error(JSON.stringify(out.errors));
    // Mid: 40.75 + 44.45 − 20.90 − 13.20 = 51.10; widest wing 200 → max loss 148.90.
    expect(out.pricing.creditMid).toBeCloseTo(51.1, 9);
    expect(out.pricing.maxLoss).toBeCloseTo(148.9, 9);
    expect(out.pricing.breakEvenLow).toBeCloseTo(4748.9, 9);
    expect(out.pricing.breakEvenHigh).toBeCloseTo(5251.1, 9);
    // Flat 20 %: P(4748.9 < S_T < 5251.1) = 0.61149.
    expect(Math.abs(out.pricing.probabilityOfProfit - 0.61149)).toBeLessThan(0.005);
  });

  it('names the leg at fault, in words', () => {
    expect(priceCondor(s, { longPut: 4800, shortPut: 4800, shortCall: 5200, longCall: 5300 })).toEqual({
      ok: false,
      errors: { longPut: 'Pick a long put below the short put' },
    });
    expect(priceCondor(s, { longPut: 4650, shortPut: 4800, shortCall: 5200, longCall: 5300 })).toEqual({
      ok: false,
      errors: { longPut: 'No usable put quote at 4650 (not listed, or left out as a bad quote)' },
    });
  });

  it("gives Layer 1's candidate the same figures (one function, no drift)", () => {
    const spec = {
      shortDeltaMin: 0.2,
      shortDeltaMax: 0.3,
      targetShortDelta: 0.25,
      wingMode: 'points' as const,
      wingWidthPoints: 100,
      wingExpectedMoveFraction: HAND_SETTINGS.condor.wingExpectedMoveFraction,
      risk: HAND_SETTINGS.risk,
      layerShare: 1,
      tilt: 'neutral' as const,
      flags: [],
    };
    const [c] = condorCandidates(s, spec);
    if (!c) throw new Error('no candidate on the hand chain');
    const out = priceCondor(s, {
      longPut: c.legs.longPut.strike,
      shortPut: c.legs.shortPut.strike,
      shortCall: c.legs.shortCall.strike,
      longCall: c.legs.longCall.strike,
    });
    if (!out.ok) throw new Error(JSON.stringify(out.errors));
    // The hand table: 4700/4800/5200/5300, credit 39.30 (see tests/engine/condor.test.ts).
    expect(c.creditMid).toBeCloseTo(39.3, 9);
    expect(out.pricing.creditMid).toBe(c.creditMid);
    expect(out.pricing.creditNatural).toBe(c.creditNatural);
    expect(out.pricing.maxLoss).toBe(c.maxLoss);
    expect([out.pricing.breakEvenLow, out.pricing.breakEvenHigh]).toEqual([c.breakEvenLow, c.breakEvenHigh]);
    expect(out.pricing.probabilityOfProfit).toBe(c.probabilityOfProfit);
  });
});
