import { describe, expect, it } from 'vitest';
import { condorCandidates } from '../../lib/engine/condor/candidates';
import { rankCandidates } from '../../lib/engine/condor/select';
import { datedExpiries, solveSmile } from '../../lib/engine/plan/market';
import { plan } from '../../lib/engine/plan/plan';
import type { Settings } from '../../lib/engine/settings-types';
import { DEFAULT_SETTINGS } from '../../lib/schema/settings';
import { HAND_EXPIRY, HAND_NOW, HAND_SETTINGS, handInputs } from '../fixtures/engine/plan/hand-chain';
import { DEFAULT_SPX_OPTIONS, syntheticSpxChain } from '../fixtures/engine/synthetic-chain';

/** Band 0.20–0.30 and 100-point wings so exactly one put and one call qualify (see the fixture table). */
const settings: Settings = HAND_SETTINGS;
const inputs = handInputs();

describe('condor layer on the hand chain', () => {
  const p = plan(inputs, settings, HAND_NOW);
  const best = p.condor.figures?.best;

  it('picks the only pair in the band: short 4800 put (Δ −0.233) / short 5200 call (Δ 0.260), wings 4700/5300', () => {
    // Puts: 4700 (0.138) and 4900 (0.354) fall outside 0.20–0.30; calls: 5100 (0.378), 5300 (0.166) too.
    expect(p.condor.status).toBe('suggested');
    expect(best?.expiry).toBe(HAND_EXPIRY);
    expect(best?.legs.longPut.strike).toBe(4700);
    expect(best?.legs.shortPut.strike).toBe(4800);
    expect(best?.legs.shortCall.strike).toBe(5200);
    expect(best?.legs.longCall.strike).toBe(5300);
    expect(p.condor.figures?.alternatives).toEqual([]);
    // Our deltas come from vols solved from the rounded mids: within 0.002 of the table.
    expect(Math.abs((best?.legs.shortPut.delta ?? 0) + 0.2328)).toBeLessThan(0.002);
    expect(Math.abs((best?.legs.shortCall.delta ?? 0) - 0.2599)).toBeLessThan(0.002);
  });

  it('has the hand-computed credit, break-evens, max loss and return on risk', () => {
    // Credit at mid: 40.75 + 44.45 − 20.90 − 25.00 = 39.30.
    expect(best?.creditMid).toBeCloseTo(39.3, 9);
    // Natural: sell at bids 40.25 + 43.95, buy at asks 21.40 + 25.50 → 84.20 − 46.90 = 37.30.
    expect(best?.creditNatural).toBeCloseTo(37.3, 9);
    // Max loss: wing 100 − 39.30 = 60.70; break-evens 4800 − 39.30 = 4760.70, 5200 + 39.30 = 5239.30.
    expect(best?.maxLoss).toBeCloseTo(60.7, 9);
    expect(best?.breakEvenLow).toBeCloseTo(4760.7, 9);
    expect(best?.breakEvenHigh).toBeCloseTo(5239.3, 9);
    // Return on risk 39.30 / 60.70 = 0.647446.
    expect(best?.returnOnRisk).toBeCloseTo(0.647446, 6);
  });

  it('sizes by the named binding limit (hand: budget $100k × 10 % × 75 % = $7,500 → 1 condor of $6,070)', () => {
    // Per trade: floor(20000 / 6070) = 3; account budget: floor(7500 / 6070) = 1; cap 10.
    expect(best?.contracts).toBe(1);
    expect(best?.boundBy).toBe('account risk budget');
    expect(best?.maxLossUsd).toBeCloseTo(6070, 6);
    expect(best?.creditUsd).toBeCloseTo(3930, 6);
  });

  it('gives the flat-vol POP and expected move of a 20 % smile within rounding of the quotes', () => {
    // Flat 20 %: P(4760.7 < S_T < 5239.3) = N(−d₂(5239.3)) − N(−d₂(4760.7)) = 0.79708 − 0.20832 = 0.58876.
    expect(Math.abs((best?.probabilityOfProfit ?? 0) - 0.58876)).toBeLessThan(0.005);
    // Expected move F·σ·√T = 5000 × 0.058286 = 291.43.
    expect(Math.abs((best?.expectedMove ?? 0) - 291.43)).toBeLessThan(1);
  });

  it('flags the FOMC and CPI releases the condor spans', () => {
    // Built-in calendar: FOMC 2026-12-09 and CPI 2026-12-10 fall before 2026-12-31.
    expect(best?.flags).toEqual(['spans FOMC 2026-12-09', 'spans CPI 2026-12-10']);
    expect(p.events.map((e) => e.date)).toEqual(['2026-12-09', '2026-12-10']);
  });

  it('is off with the limit named when one condor exceeds max loss per trade', () => {
    const tight = { ...settings, risk: { ...settings.risk, maxLossPerTradeUsd: 5_000 } };
    const q = plan(inputs, tight, HAND_NOW);
    expect(q.condor.status).toBe('off');
    expect(q.condor.reason).toMatch(/\$6,070.*max loss per trade/);
  });

  it('is off with a reason when no expiry is in the DTE window', () => {
    const q = plan(inputs, { ...settings, condor: { ...settings.condor, dteMin: 40, dteMax: 45 } }, HAND_NOW);
    expect(q.condor.status).toBe('off');
    expect(q.condor.reason).toBe('No expiry on the page is 40–45 days out.');
  });
});

describe('signal tilt in the condor score', () => {
  // Synthetic skewed chain, 2027-01-01 expiry; same candidates ranked under each tilt.
  const chain = syntheticSpxChain({ expiries: ['2027-01-01'] });
  const d = datedExpiries(chain, DEFAULT_SPX_OPTIONS.now).expiries[0];
  if (!d) throw new Error('expiry');
  const smile = solveSmile(d);
  const bestUnder = (tilt: 'puts-further' | 'calls-further' | 'neutral') => {
    const all = condorCandidates(smile, {
      ...DEFAULT_SETTINGS.condor,
      risk: DEFAULT_SETTINGS.risk,
      layerShare: 1,
      tilt,
      flags: [],
    });
    return rankCandidates(all)[0];
  };
  it('puts the feared side further out', () => {
    const puts = bestUnder('puts-further');
    const calls = bestUnder('calls-further');
    const neutral = bestUnder('neutral');
    // puts-further: short put delta smaller than the short call's; calls-further the reverse.
    expect(Math.abs(puts?.legs.shortPut.delta ?? 1)).toBeLessThan(Math.abs(puts?.legs.shortCall.delta ?? 0));
    expect(Math.abs(calls?.legs.shortCall.delta ?? 1)).toBeLessThan(
      Math.abs(calls?.legs.shortPut.delta ?? 0),
    );
    expect(puts?.legs.shortPut.strike).toBeLessThanOrEqual(neutral?.legs.shortPut.strike ?? 0);
    expect(calls?.legs.shortCall.strike).toBeGreaterThanOrEqual(neutral?.legs.shortCall.strike ?? Infinity);
  });
});
