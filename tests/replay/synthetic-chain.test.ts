/**
 * The synthetic chain's shape and smile, against values worked by hand: which expiries are
 * listed (weekly PM, third-Friday AM), the smile at and off the money, and the VIX curve.
 */
import { describe, expect, it } from 'vitest';
import { buildIndex } from '../../lib/replay/market';
import { modelVol, type SkewParams } from '../../lib/replay/skew';
import { decisionInstant, listedExpiries, spxChain } from '../../lib/replay/synthetic-chain';
import type { ReplayHistories, SpxDay } from '../../lib/replay/types';

/** Weekday sessions 2023-03-01 … 2023-05-31 except Good Friday 2023-04-07. */
function sessions(): SpxDay[] {
  const out: SpxDay[] = [];
  for (let t = Date.parse('2023-03-01T12:00:00Z'); t <= Date.parse('2023-05-31T12:00:00Z'); t += 86_400_000) {
    const d = new Date(t);
    const date = d.toISOString().slice(0, 10);
    if (d.getUTCDay() === 0 || d.getUTCDay() === 6 || date === '2023-04-07') continue;
    out.push({ date, open: 4000, close: 4000 });
  }
  return out;
}

const h: ReplayHistories = { spx: sessions(), vix: new Map(), vvix: new Map(), vx: [] };

describe('listed SPX expiries', () => {
  it('lists one expiry per week to 60 days: AM on third Fridays, PM otherwise, Thursday for Good Friday', () => {
    const got = listedExpiries(buildIndex(h), '2023-03-03').map(
      (e) => `${e.expiry} ${e.root} ${e.settlement}`,
    );
    // 60 days after 2023-03-03 is 2023-05-02. Third Fridays: 2023-03-17, 2023-04-21.
    expect(got).toEqual([
      '2023-03-10 SPXW PM',
      '2023-03-17 SPX AM',
      '2023-03-24 SPXW PM',
      '2023-03-31 SPXW PM',
      '2023-04-06 SPXW PM',
      '2023-04-14 SPXW PM',
      '2023-04-21 SPX AM',
      '2023-04-28 SPXW PM',
    ]);
  });

  it('decides at 15:45 New York time (EST in winter, EDT in summer)', () => {
    expect(decisionInstant('2023-03-03')).toBe('2023-03-03T20:45:00.000Z');
    expect(decisionInstant('2023-03-17')).toBe('2023-03-17T19:45:00.000Z');
  });
});

describe('model smile', () => {
  const p: SkewParams = { atmToVix: 0.9, skew: -0.2, curvature: 0.05 };

  it('is atmToVix × VIX at the money and follows 1 + s·x + c·x² off it', () => {
    // VIX 20 → σ_atm = 0.18.
    expect(modelVol(p, 20, 4000, 4000, 0.25)).toBeCloseTo(0.18, 12);
    // One standard deviation below: ln(K/F) = −0.18·√0.25 = −0.09 → K = 4000·e^−0.09.
    // m = 1 + 0.2 + 0.05 = 1.25 → σ = 0.225.
    expect(modelVol(p, 20, 4000, 4000 * Math.exp(-0.09), 0.25)).toBeCloseTo(0.225, 12);
    // One above: m = 1 − 0.2 + 0.05 = 0.85 → σ = 0.153.
    expect(modelVol(p, 20, 4000, 4000 * Math.exp(0.09), 0.25)).toBeCloseTo(0.153, 12);
    // Ten below: m = 1 + 2 + 5 = 8, capped at 3 → σ = 0.54.
    expect(modelVol(p, 20, 4000, 4000 * Math.exp(-0.9), 0.25)).toBeCloseTo(0.54, 12);
  });

  it('quotes 5-point strikes at model mid ± the half-spread', () => {
    const ix = buildIndex(h);
    const now = decisionInstant('2023-03-03');
    const m = { date: '2023-03-03', spxOpen: 4000, spxClose: 4000, vix: 20, vvix: 90, curve: [] };
    const chain = spxChain(m, listedExpiries(ix, '2023-03-03').slice(0, 1), p, 0.1, now);
    const rows = chain.expiries[0]?.rows ?? [];
    expect(rows.every((r) => r.strike % 5 === 0)).toBe(true);
    const atm = rows.find((r) => r.strike === 4000);
    // Same strike, forward = 4000, r = q = 0: call and put have the same value, so equal mids.
    expect(atm?.call?.ask).toBeCloseTo(atm?.put?.ask ?? Number.NaN, 9);
    expect((atm?.call?.ask ?? 0) - (atm?.call?.bid ?? 0)).toBeCloseTo(0.2, 9);
  });
});
