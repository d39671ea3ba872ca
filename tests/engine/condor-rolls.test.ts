import { describe, expect, it } from 'vitest';
import { rollSuggestions } from '../../lib/engine/condor/rolls';
import { datedExpiries, solveSmile } from '../../lib/engine/plan/market';
import { DEFAULT_SETTINGS } from '../../lib/schema/settings';
import { HAND_EXPIRY, HAND_NOW, handChain } from '../fixtures/engine/plan/hand-chain';

// Hand chain deltas (fixture table): calls 5100 0.378, 5200 0.260, 5300 0.166; puts 4800 −0.233.
const d = datedExpiries(handChain(), HAND_NOW).expiries[0];
if (!d) throw new Error('hand expiry');
const smile = solveSmile(d);
const condor = { ...DEFAULT_SETTINGS.condor, shortDeltaMin: 0.2, shortDeltaMax: 0.3 };
const held = {
  expiry: HAND_EXPIRY,
  longPut: 4700,
  shortPut: 4800,
  shortCall: 5100,
  longCall: 5200,
  credit: 45,
  contracts: 1,
};

describe('rollSuggestions', () => {
  it('holds the untested put and rolls the tested call out in strike to the band middle (|Δ| 0.25 → 5200)', () => {
    // Put: |Δ| 0.233 < 0.35 and 5000 − (4800 − 45) = 245 points of room > 10 → hold.
    // Call: |Δ| 0.378 ≥ 0.35 → tested; 31 days left ≥ 7 → same expiry; nearest |Δ| to 0.25 is 5200.
    const r = rollSuggestions(held, smile, null, condor, 0);
    expect(r.rolls.map((x) => [x.leg, x.action, x.toStrike])).toEqual([
      ['put', 'hold', null],
      ['call', 'roll-out-in-strike', 5200],
    ]);
    expect(r.why.map((w) => w.rule)).toEqual(['roll-tested-side']);
  });

  it('goes further out when the VIX curve moved sharply (|z| ≥ 2: target |Δ| 0.20 → 5300)', () => {
    const r = rollSuggestions(held, smile, null, condor, -2.5);
    expect(r.rolls[1]?.toStrike).toBe(5300);
    expect(r.rolls[1]?.text).toMatch(/further out/);
  });

  it('rolls out in time with under 7 days left', () => {
    const r = rollSuggestions(
      held,
      { ...smile, daysToExpiry: 5 },
      { ...smile, expiry: '2027-01-29' },
      condor,
      0,
    );
    expect(r.rolls[1]).toMatchObject({ action: 'roll-out-in-time', toExpiry: '2027-01-29', toStrike: 5200 });
  });

  it('treats a forward within the buffer of a break-even as tested', () => {
    // Short put 4900, credit 45: break-even 4855, room 5000 − 4855 = 145 ≤ buffer 150 → tested
    // (delta threshold set out of reach at 0.9); call 5300: room 5345 − 5000 = 345 → hold.
    const near = { ...held, shortPut: 4900, longPut: 4800, shortCall: 5300, longCall: 5400, credit: 45 };
    const r = rollSuggestions(
      near,
      smile,
      null,
      { ...condor, rollDeltaThreshold: 0.9, rollBreakevenBufferPoints: 150 },
      0,
    );
    expect(r.rolls[0]?.action).toBe('roll-out-in-strike');
    expect(r.rolls[1]?.action).toBe('hold');
  });
});
