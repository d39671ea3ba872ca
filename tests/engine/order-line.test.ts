import { describe, expect, it } from 'vitest';
import {
  condorOrder,
  hedgeOrder,
  occList,
  roundToTick,
  tosDate,
  tosPrice,
} from '../../lib/engine/plan/order-line';
import type { CondorCandidate, HedgeFigures, LegFigures } from '../../lib/engine/plan-types';

/**
 * thinkorswim's order description grammar, written from order lines thinkorswim printed
 * (fills and Order Entry, quoted in public trade logs):
 *   "SOLD -1 IRON CONDOR SPX 100 (Weeklys) 3 FEB 17 2320/2330/2150/2140 CALL/PUT @1.20"
 *   "BOT +10 VERTICAL SPX 100 (Weeklys) 24 MAR 26 6600/6620 CALL @2.00"
 *   "BOT -1 SPX 100 (Weeklys) 20 FEB 26 7040 CALL @.30"
 * Orders (not fills) say BUY/SELL and end in the order type (LMT).
 */
const TOS_ORDER =
  /^(BUY|SELL|BOT|SOLD) [+-]\d+ (?:(IRON CONDOR|VERTICAL|BUTTERFLY) )?([A-Z]+) 100 (?:\(Weeklys\) )?([1-9]|[12]\d|3[01]) (JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC) (\d{2}) (\d+(?:\.\d+)?(?:\/\d+(?:\.\d+)?)*) (CALL|PUT|CALL\/PUT|PUT\/CALL) @(\d*\.\d{2})(?: LMT| CBOE)?$/;

describe('the thinkorswim grammar used by the tests', () => {
  it.each([
    'SOLD -1 IRON CONDOR SPX 100 (Weeklys) 3 FEB 17 2320/2330/2150/2140 CALL/PUT @1.20',
    'BOT +10 VERTICAL SPX 100 (Weeklys) 24 MAR 26 6600/6620 CALL @2.00',
    'BOT -1 SPX 100 (Weeklys) 20 FEB 26 7040 CALL @.30',
    'SELL -3 IRON CONDOR SPX 100 (Weeklys) 9 FEB 24 4590/4620/4810/4840 PUT/CALL @14.50 LMT',
  ])('accepts the printed line %s', (line) => expect(line).toMatch(TOS_ORDER));
  it.each([
    'SELL 3 IRON CONDOR SPX 100 9 FEB 24 4590/4620/4810/4840 PUT/CALL @14.50 LMT', // unsigned quantity
    'SELL -3 IRON CONDOR SPX 100 09 FEB 24 4590/4620/4810/4840 PUT/CALL @14.50 LMT', // zero-padded day
    'SELL -3 IRON CONDOR SPX 100 9 Feb 24 4590/4620/4810/4840 PUT/CALL @14.50 LMT', // month case
    'SELL -3 IRON CONDOR SPX 100 9 FEB 24 4590/4620/4810/4840 PUT/CALL @14.5 LMT', // one decimal
  ])('refuses %s', (line) => expect(line).not.toMatch(TOS_ORDER));
});

function leg(
  side: 'call' | 'put',
  action: 'buy' | 'sell',
  strike: number,
  root: string | null,
  occ: string | null,
): LegFigures {
  return {
    side,
    action,
    strike,
    root,
    settlement: 'PM',
    occSymbol: occ,
    delta: 0,
    iv: 0.15,
    bid: 1,
    ask: 1.2,
  };
}

function candidate(root: string | null, contracts: number, creditMid: number): CondorCandidate {
  const occ = (s: string) => (root ? s : null);
  return {
    expiry: '2024-02-09',
    root,
    settlement: root === 'SPX' ? 'AM' : 'PM',
    legs: {
      longPut: leg('put', 'buy', 4590, root, occ('SPXW  240209P04590000')),
      shortPut: leg('put', 'sell', 4620, root, occ('SPXW  240209P04620000')),
      shortCall: leg('call', 'sell', 4810, root, occ('SPXW  240209C04810000')),
      longCall: leg('call', 'buy', 4840, root, occ('SPXW  240209C04840000')),
    },
    creditMid,
    contracts,
  } as unknown as CondorCandidate;
}

describe('condorOrder', () => {
  it('writes the issue example and the OCC legs with signed quantities', () => {
    const t = condorOrder(candidate('SPXW', 3, 14.52));
    expect(t).toEqual({
      ok: true,
      line: 'SELL -3 IRON CONDOR SPX 100 (Weeklys) 9 FEB 24 4590/4620/4810/4840 PUT/CALL @14.50 LMT',
      limitPrice: 14.5,
      legs: [
        { symbol: 'SPXW  240209P04590000', quantity: 3 },
        { symbol: 'SPXW  240209P04620000', quantity: -3 },
        { symbol: 'SPXW  240209C04810000', quantity: -3 },
        { symbol: 'SPXW  240209C04840000', quantity: 3 },
      ],
    });
    if (t.ok) {
      expect(t.line).toMatch(TOS_ORDER);
      expect(occList(t.legs)).toBe(
        '+3 SPXW  240209P04590000\n-3 SPXW  240209P04620000\n-3 SPXW  240209C04810000\n+3 SPXW  240209C04840000',
      );
    }
  });

  it('leaves the weekly tag off an AM-settled SPX monthly', () => {
    const t = condorOrder(candidate('SPX', 1, 0.83));
    expect(t.ok && t.line).toBe('SELL -1 IRON CONDOR SPX 100 9 FEB 24 4590/4620/4810/4840 PUT/CALL @.85 LMT');
    expect(t.ok && t.line).toMatch(TOS_ORDER);
  });

  it('writes no order when the page did not show the root, or no contract fits', () => {
    expect(condorOrder(candidate(null, 3, 14.5))).toEqual({
      ok: false,
      reason: "the page did not show the option root (SPX or SPXW), so the contract can't be named",
    });
    expect(condorOrder(candidate('SPXW', 0, 14.5))).toEqual({
      ok: false,
      reason: 'no contract fits the risk limits',
    });
  });
});

describe('hedgeOrder', () => {
  it('buys VIX calls on the monthly VIX root', () => {
    const h = {
      instrument: 'vix-call',
      expiry: '2027-01-20',
      strike: 20,
      price: 1.07,
      contracts: 4,
    } as HedgeFigures;
    const t = hedgeOrder(h);
    expect(t).toEqual({
      ok: true,
      line: 'BUY +4 VIX 100 20 JAN 27 20 CALL @1.05 LMT',
      limitPrice: 1.05,
      legs: [{ symbol: 'VIX   270120C00020000', quantity: 4 }],
    });
    expect(t.ok && t.line).toMatch(TOS_ORDER);
  });
  it('has no option line for a futures hedge', () => {
    const h = {
      instrument: 'vix-future',
      expiry: '2027-01-20',
      strike: null,
      price: 17,
      contracts: 1,
    } as HedgeFigures;
    expect(hedgeOrder(h).ok).toBe(false);
  });
});

describe('pieces', () => {
  it.each([
    ['2024-02-09', '9 FEB 24'],
    ['2026-12-31', '31 DEC 26'],
    ['2026-13-01', null],
  ])('tosDate(%s) = %s', (d, want) => expect(tosDate(d)).toBe(want));
  it.each([
    [14.5, '14.50'],
    [0.85, '.85'],
    [2, '2.00'],
  ])('tosPrice(%d) = %s', (p, want) => expect(tosPrice(p)).toBe(want));
  it.each([
    [14.52, 14.5],
    [14.53, 14.55],
    [1.07, 1.05],
    [0.024, 0],
  ])('roundToTick(%d) = %d', (p, want) => expect(roundToTick(p)).toBe(want));
});
