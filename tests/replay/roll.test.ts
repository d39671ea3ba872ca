/**
 * Rolls of the held condor (lib/replay/roll.ts), worked by hand: the legs of a roll in strike
 * and in time, their cash, the net position the plan sees afterwards, and the settlement of
 * the whole chain of trades at expiry.
 */
import { describe, expect, it } from 'vitest';
import type { RollSuggestion } from '../../lib/engine/plan-types';
import { heldCondorOf, rollLegs } from '../../lib/replay/roll';
import { premiumUsd, settlementUsd } from '../../lib/replay/settle';
import type { HeldLeg, Trade } from '../../lib/replay/types';

function trade(action: Trade['action'], expiry: string, legs: HeldLeg[]): Trade {
  return {
    layer: 'condor',
    action,
    opened: '2023-03-03',
    expiry,
    settlement: 'PM',
    legs,
    premiumUsd: premiumUsd(legs),
    commissionUsd: 0,
    settlePrice: null,
    settleSource: null,
    payoffUsd: null,
    pnlUsd: null,
    why: 'test',
  };
}

// Sold for 5.00: 2 × (5.40 − 3.10 + 4.90 − 2.20) × 100 = 1000 dollars.
const original = trade('open', '2023-04-06', [
  { kind: 'put', strike: 4100, contracts: 2, fill: 3.1 },
  { kind: 'put', strike: 4125, contracts: -2, fill: 5.4 },
  { kind: 'call', strike: 4300, contracts: -2, fill: 4.9 },
  { kind: 'call', strike: 4325, contracts: 2, fill: 2.2 },
]);

/** Model mids (points) the roll is priced at, as if SPX fell to 4140. */
const MIDS: Record<string, number> = {
  '2023-04-06|put|4125': 20,
  '2023-04-06|put|4100': 12,
  '2023-04-06|put|4025': 6,
  '2023-04-06|put|4000': 4,
  '2023-04-21|put|4025': 9,
  '2023-04-21|put|4000': 6.5,
};
const midOf = (e: string, k: 'call' | 'put', s: number) => MIDS[`${e}|${k}|${s}`] ?? Number.NaN;

const putRoll = (toStrike: number, toExpiry: string, action: RollSuggestion['action']): RollSuggestion => ({
  leg: 'put',
  action,
  text: 'test',
  toStrike,
  toExpiry,
});

describe('heldCondorOf', () => {
  it('reads the open condor with its credit per share', () => {
    const held = heldCondorOf([original]);
    expect(held).toMatchObject({
      expiry: '2023-04-06',
      longPut: 4100,
      shortPut: 4125,
      shortCall: 4300,
      longCall: 4325,
      contracts: 2,
    });
    expect(held?.credit).toBeCloseTo(5, 12); // 1000 / (100 × 2)
  });
});

describe('rolling the tested put side', () => {
  const held = heldCondorOf([original]);
  if (!held) throw new Error('no held condor');

  it('out in strike: buys the 4125/4100 spread back and sells 4025/4000, same expiry', () => {
    const r = rollLegs(held, putRoll(4025, '2023-04-06', 'roll-out-in-strike'), midOf, 0.1);
    // Buy back the short 4125 at 20 + 0.10, sell the long 4100 at 12 − 0.10.
    expect(r?.close).toEqual([
      { kind: 'put', strike: 4125, contracts: 2, fill: 20.1 },
      { kind: 'put', strike: 4100, contracts: -2, fill: 11.9 },
    ]);
    // Sell the new short 4025 at 6 − 0.10, buy the 25-point wing 4000 at 4 + 0.10.
    expect(r?.open).toEqual([
      { kind: 'put', strike: 4025, contracts: -2, fill: 5.9 },
      { kind: 'put', strike: 4000, contracts: 2, fill: 4.1 },
    ]);
    if (!r) return;
    // Cash: closing −2 × (20.10 − 11.90) × 100 = −1640; opening 2 × (5.90 − 4.10) × 100 = +360.
    expect(premiumUsd(r.close)).toBeCloseTo(-1640, 9);
    expect(premiumUsd(r.open)).toBeCloseTo(360, 9);
    const after = [
      original,
      trade('roll-close', '2023-04-06', r.close),
      trade('roll-open', '2023-04-06', r.open),
    ];
    // Net: 4000/4025 puts and the untouched 4300/4325 calls; credit (1000 − 1640 + 360) / 200 = −1.40.
    const next = heldCondorOf(after);
    expect(next).toMatchObject({
      longPut: 4000,
      shortPut: 4025,
      shortCall: 4300,
      longCall: 4325,
      contracts: 2,
    });
    expect(next?.credit).toBeCloseTo(-1.4, 12);
    // Settled at 4010: the short 4025 owes 15, the long 4000 is worth 0: −2 × 15 × 100 = −3000;
    // the old 4125/4100 legs cancel against the closing trade.
    const payoff = after.reduce((s, t) => s + settlementUsd(t.legs, 4010), 0);
    expect(payoff).toBeCloseTo(-3000, 9);
  });

  it('out in time: the new spread sits in the later expiry, and the net is no longer one condor', () => {
    const r = rollLegs(held, putRoll(4025, '2023-04-21', 'roll-out-in-time'), midOf, 0.1);
    expect(r?.toExpiry).toBe('2023-04-21');
    expect(r?.open).toEqual([
      { kind: 'put', strike: 4025, contracts: -2, fill: 8.9 },
      { kind: 'put', strike: 4000, contracts: 2, fill: 6.6 },
    ]);
    if (!r) return;
    const after = [
      original,
      trade('roll-close', '2023-04-06', r.close),
      trade('roll-open', '2023-04-21', r.open),
    ];
    expect(heldCondorOf(after)).toBeNull();
  });

  it('does nothing for a hold', () => {
    expect(
      rollLegs(held, { leg: 'call', action: 'hold', text: '', toStrike: null, toExpiry: null }, midOf, 0.1),
    ).toBeNull();
  });
});
