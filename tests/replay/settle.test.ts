/**
 * Hand-worked settlement, fills and hedge payoff (lib/replay/settle.ts, market.ts), and the
 * replay's equity summaries (results.ts). Every expected value is worked by hand in the comment
 * beside it; none comes from running our code.
 */
import { describe, expect, it } from 'vitest';
import { buildIndex, decisionDays, spxSettlement, vxFinalSettle } from '../../lib/replay/market';
import { episodes, summarise } from '../../lib/replay/results';
import { commissionUsd, fillPrice, premiumUsd, settlementUsd } from '../../lib/replay/settle';
import type { HeldLeg, ReplayHistories } from '../../lib/replay/types';

/** A 4100/4125 put spread and 4300/4325 call spread, 2 contracts, sold for a 5.00 credit. */
const condor: HeldLeg[] = [
  { kind: 'put', strike: 4100, contracts: 2, fill: 3.1 },
  { kind: 'put', strike: 4125, contracts: -2, fill: 5.4 },
  { kind: 'call', strike: 4300, contracts: -2, fill: 4.9 },
  { kind: 'call', strike: 4325, contracts: 2, fill: 2.2 },
];

// Two sessions around a monthly expiry; the open and close differ so AM and PM settle apart.
const histories: ReplayHistories = {
  spx: [
    { date: '2023-03-16', open: 3900, close: 3960 },
    { date: '2023-03-17', open: 4110, close: 4090 }, // third Friday
    { date: '2023-04-06', open: 4100, close: 4105 }, // Thursday before Good Friday 2023-04-07
    { date: '2023-04-10', open: 4100, close: 4110 },
  ],
  vix: new Map(),
  vvix: new Map(),
  vx: [
    { date: '2013-02-12', expiry: '2013-02-13', price: 13.45, fromClose: true },
    { date: '2023-03-21', expiry: '2023-03-22', price: 22.3, fromClose: false },
    { date: '2023-03-22', expiry: '2023-03-22', price: 21.37, fromClose: false },
  ],
};

describe('settlement of a condor (hand-worked)', () => {
  const ix = buildIndex(histories);

  it('settles an AM monthly at the expiry day open and a PM weekly at its close', () => {
    expect(spxSettlement(ix, '2023-03-17', 'AM')?.price).toBe(4110);
    expect(spxSettlement(ix, '2023-03-17', 'PM')?.price).toBe(4090);
    expect(spxSettlement(ix, '2023-03-18', 'PM')).toBeNull(); // no session in the file
  });

  it('pays the put spread inside and outside the wings', () => {
    // AM at 4110: long 4100 put worth 0, short 4125 put worth 15 → −2 × 15 × 100 = −3000.
    expect(settlementUsd(condor, 4110)).toBe(-3000);
    // PM at 4090: long 4100 put +10, short 4125 put −35 → 2 × (10 − 35) × 100 = −5000 (the full wing).
    expect(settlementUsd(condor, 4090)).toBe(-5000);
    // 4200 between the shorts: nothing.
    expect(settlementUsd(condor, 4200)).toBe(0);
    // 4400 beyond the call wing: −2 × 100 × 100 + 2 × 75 × 100 = −5000.
    expect(settlementUsd(condor, 4400)).toBe(-5000);
  });

  it('books the credit after slippage and the commission', () => {
    // Premium: −(2·3.1 − 2·5.4 − 2·4.9 + 2·2.2) × 100 = −(6.2 − 10.8 − 9.8 + 4.4) × 100 = 1000.
    expect(premiumUsd(condor)).toBeCloseTo(1000, 9);
    // 8 contracts × $1.50 = $12.
    expect(commissionUsd(condor, 1.5)).toBe(12);
    // Selling at mid 5.50 with 0.10 slippage fills at 5.40; buying at 3.00 fills at 3.10.
    expect(fillPrice(5.5, -2, 0.1)).toBeCloseTo(5.4, 12);
    expect(fillPrice(3, 2, 0.1)).toBeCloseTo(3.1, 12);
    expect(fillPrice(0.05, -1, 0.1)).toBe(0);
  });
});

describe('VIX call hedge payoff at the VX final settlement (hand-worked)', () => {
  const ix = buildIndex(histories);
  const hedge: HeldLeg[] = [{ kind: 'call', strike: 18, contracts: 6, fill: 1.2 }];

  it('uses the settle on the expiry date and pays intrinsic × 100', () => {
    const s = vxFinalSettle(ix, '2023-03-22');
    expect(s?.price).toBe(21.37);
    // 6 × (21.37 − 18) × 100 = 2022; net of the 6 × 1.20 × 100 = 720 paid: +1302.
    expect(settlementUsd(hedge, 21.37)).toBeCloseTo(2022, 9);
    expect(premiumUsd(hedge) + settlementUsd(hedge, 21.37)).toBeCloseTo(1302, 9);
    // Out of the money at 17: worth nothing; the premium is the loss.
    expect(settlementUsd(hedge, 17)).toBe(0);
  });

  it('says so when the file lacks the final settle (early 2013)', () => {
    const s = vxFinalSettle(ix, '2013-02-13');
    expect(s?.price).toBe(13.45);
    expect(s?.source).toMatch(/missing in file; 2013-02-12 settle used/);
  });
});

describe('decision days', () => {
  it('takes the last session of each week: Thursday when Good Friday is closed', () => {
    expect(decisionDays(buildIndex(histories), '2023-03-01', '2023-04-30')).toEqual([
      '2023-03-17',
      '2023-04-06',
      '2023-04-10',
    ]);
  });
});

describe('equity summaries (hand-worked)', () => {
  it('finds total, max drawdown and worst week', () => {
    // Weekly changes +100, −300, +50, +400: peak 100, trough −200 → drawdown 300; worst week −300.
    const r = summarise([
      { date: '2020-01-03', equityUsd: 100 },
      { date: '2020-01-10', equityUsd: -200 },
      { date: '2020-01-17', equityUsd: -150 },
      { date: '2020-01-24', equityUsd: 250 },
    ]);
    expect(r.totalPnlUsd).toBe(250);
    expect(r.maxDrawdownUsd).toBe(300);
    expect(r.worstWeek).toEqual({ date: '2020-01-10', pnlUsd: -300 });
    expect(r.weeks).toBe(4);
  });

  it('measures an episode from the last point before it to the last point inside it', () => {
    const pt = (date: string, condor: number, hedge: number) => ({
      date,
      byLayer: { condor, hedge, press: 0 },
    });
    const eps = episodes([
      pt('2018-01-26', 500, -50),
      pt('2018-02-02', 200, 100),
      pt('2018-02-09', -900, 1500),
      pt('2018-03-02', -700, 1400),
    ]);
    // 2018-02: from 2018-01-26 (500, −50) to 2018-02-09 (−900, 1500): condor −1400, hedge +1550.
    expect(eps).toEqual([
      {
        name: '2018-02',
        from: '2018-02-01',
        to: '2018-02-28',
        condorPnlUsd: -1400,
        hedgePnlUsd: 1550,
        pressPnlUsd: 0,
      },
    ]);
  });
});
