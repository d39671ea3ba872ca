/**
 * Forward and discount from put-call parity. Synthetic chains are priced with our Black-76
 * (itself pinned to the mpmath table), so the true F and D are known; the real-data case
 * uses Cboe's delayed SPX quotes of 2022-02-04 (../shared/data, read in place, skipped if
 * absent) and checks plausibility against the spot printed in the same file.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { black76Price, fitForwardFromParity, type ParityFit } from '../../lib/engine/index';
import type { ChainRow, Quote } from '../../lib/engine/snapshot-types';

const F = 4500;
const D = 0.9952;
const T = 30 / 365;

function quote(mid: number, half: number): Quote {
  return {
    bid: mid - half,
    ask: mid + half,
    last: null,
    volume: null,
    openInterest: null,
    iv: null,
    delta: null,
  };
}

function chain(): ChainRow[] {
  const rows: ChainRow[] = [];
  for (let K = 4000; K <= 5000; K += 25) {
    const vol = 0.18 - 0.2 * Math.log(K / F); // a put skew
    const c = black76Price('call', F, K, T, D, vol) ?? 0;
    const p = black76Price('put', F, K, T, D, vol) ?? 0;
    rows.push({ strike: K, call: quote(c, 0.05 + 0.005 * c), put: quote(p, 0.05 + 0.005 * p) });
  }
  return rows;
}

function fitOk(r: ReturnType<typeof fitForwardFromParity>): ParityFit {
  if ('error' in r) throw new Error(`${r.error}: ${r.detail}`);
  return r;
}

describe('fitForwardFromParity', () => {
  it('recovers F and D from clean quotes', () => {
    const fit = fitOk(fitForwardFromParity(chain()));
    expect(Math.abs(fit.forward - F)).toBeLessThan(1e-8 * F);
    expect(Math.abs(fit.discount - D)).toBeLessThan(1e-10);
    expect(fit.used).toBe(30);
    expect(fit.atmStrike).toBe(4500);
    expect(fit.residuals.every((r) => !r.outlier && Math.abs(r.residual) < 1e-7)).toBe(true);
  });

  it('flags a stale quote and a crossed quote and keeps them out of the fit', () => {
    const rows = chain();
    const stale = rows.find((r) => r.strike === 4525);
    const crossed = rows.find((r) => r.strike === 4475);
    if (!stale?.call || !crossed?.put) throw new Error('fixture');
    stale.call = quote((stale.call.bid ?? 0) + 3, 0.1); // call mid 3 points off, spread 0.2
    crossed.put = { ...crossed.put, bid: (crossed.put.ask ?? 0) + 0.5 };
    const fit = fitOk(fitForwardFromParity(rows));
    const byStrike = new Map(fit.residuals.map((r) => [r.strike, r]));
    expect(byStrike.get(4525)).toMatchObject({ outlier: true, reason: 'off-line', used: false });
    expect(byStrike.get(4525)?.residual).toBeGreaterThan(2.5);
    expect(byStrike.get(4475)).toMatchObject({ outlier: true, reason: 'crossed', used: false });
    expect(Math.abs(fit.forward - F)).toBeLessThan(1e-6 * F);
    expect(Math.abs(fit.discount - D)).toBeLessThan(1e-8);
  });

  it('names the failure when quotes are missing or one-sided', () => {
    const rows = chain().map((r) => ({ ...r, put: r.strike === 4500 ? r.put : null }));
    expect(fitForwardFromParity(rows)).toMatchObject({ error: 'too-few-quotes' });
    const zeroBids = chain().map((r) => ({ ...r, call: r.call && { ...r.call, bid: 0 } }));
    expect(fitForwardFromParity(zeroBids)).toMatchObject({ error: 'too-few-quotes' });
  });
});

const SPX = new URL(
  '../../../shared/data/cboe-quotedata-spx-ndx-2022-02-05/spx_quotedata.csv',
  import.meta.url,
);
describe.skipIf(!existsSync(SPX))('fitForwardFromParity on Cboe SPX quotes (2022-02-04 close)', () => {
  it('finds a forward near spot and a discount factor near 1 for the March 2022 monthly', () => {
    const lines = readFileSync(SPX, 'utf8').split(/\r?\n/);
    const spot = Number(/Last: ([\d.]+)/.exec(lines.find((l) => l.includes('Last:')) ?? '')?.[1]);
    const read = (expiry: string, root: string): ChainRow[] => {
      const rows: ChainRow[] = [];
      for (const line of lines) {
        const c = line.split(',');
        if (c[0] !== expiry || !c[1]?.startsWith(root)) continue;
        const q = (bid: string | undefined, ask: string | undefined): Quote => ({
          bid: Number(bid),
          ask: Number(ask),
          last: null,
          volume: null,
          openInterest: null,
          iv: null,
          delta: null,
        });
        rows.push({ strike: Number(c[11]), call: q(c[4], c[5]), put: q(c[15], c[16]) });
      }
      return rows;
    };
    const am = read('Fri Mar 18 2022', 'SPX2'); // AM-settled monthly root "SPX"
    const pm = read('Fri Mar 18 2022', 'SPXW');
    expect(am.length).toBeGreaterThan(50);
    const fitAm = fitOk(fitForwardFromParity(am));
    const fitPm = fitOk(fitForwardFromParity(pm));
    // Spot 4500.53 (file header); 42 days of carry at (r − q) within ±2 % a year moves F by < 11.
    expect(Math.abs(fitAm.forward - spot)).toBeLessThan(15);
    // Same underlying and date, settlement hours apart: the two forwards agree closely.
    expect(Math.abs(fitAm.forward - fitPm.forward)).toBeLessThan(0.5);
    // Rates were ~0.1–0.5 % in Feb 2022; these after-hours quotes are ~6 points wide, so
    // D for 42 days is only pinned to about ±5e-4: accept [0.996, 1.001].
    for (const fit of [fitAm, fitPm]) {
      expect(fit.discount).toBeGreaterThan(0.996);
      expect(fit.discount).toBeLessThan(1.001);
      expect(fit.used).toBeGreaterThanOrEqual(20);
    }
  });
});
