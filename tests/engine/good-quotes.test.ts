/**
 * Legs only from good quotes (issue 11 points 2, 5, 6): the screen's reasons on hand rows;
 * one inflated put on the real 2022 Cboe chain, flagged by the parity scan, does not move
 * the condor; one date listing both the SPX monthly (AM) and SPXW (PM) gives one contract;
 * the 2020 Yahoo AAPL page (a $113 stock with stale pre-split strikes at 500+) runs Layer 1
 * with a banner, wings a share of the expected move, and no pre-split leg.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadSnapshots } from '../../lib/cli/load-snapshot';
import { condorCandidates } from '../../lib/engine/condor/candidates';
import { screenQuotes } from '../../lib/engine/condor/good-quotes';
import { rankCandidates } from '../../lib/engine/condor/select';
import type { ExpirySmile } from '../../lib/engine/condor/smile';
import { smileOutliers } from '../../lib/engine/condor/smile-outliers';
import { builtinCalendar } from '../../lib/engine/events/builtin-calendar';
import { datedExpiries, solveSmile } from '../../lib/engine/plan/market';
import { plan } from '../../lib/engine/plan/plan';
import type { CondorCandidate } from '../../lib/engine/plan-types';
import type { ChainExpiry, ChainSnapshot, Quote } from '../../lib/engine/snapshot-types';
import { readCsv } from '../../lib/readers/csv';
import { DEFAULT_SETTINGS } from '../../lib/schema/settings';

const q = (bid: number | null, ask: number | null): Quote => ({
  bid,
  ask,
  last: null,
  volume: null,
  openInterest: null,
  iv: null,
  delta: null,
});

describe('screenQuotes', () => {
  it('leaves out each bad quote with its reason and keeps the good ones', () => {
    const exp: ChainExpiry = {
      expiry: '2026-12-31',
      root: 'SPXW',
      settlement: 'PM',
      rows: [
        { strike: 4800, call: q(200, 201), put: q(0, 0.1) }, // put: zero bid
        { strike: 4850, call: q(160, 159), put: q(10, 10.5) }, // call: crossed
        { strike: 4900, call: q(120, 121), put: q(4, 6) }, // put: spread 2 = 40 % of mid 5
        { strike: 4950, call: q(90, 91), put: q(20, 20.5) }, // both: parity flag
        { strike: 5000, call: q(60, 61), put: q(null, 30) }, // put: no bid
        { strike: 5050, call: q(40, 41), put: q(50, 51) }, // call: reader's impossible greek
      ],
    };
    const s = screenQuotes(exp, {
      maxSpreadFractionOfMid: 0.25,
      parity: [{ expiry: '2026-12-31', strike: 4950, kind: 'outlier', edge: 0, text: 'off the line' }],
      readerFlags: [
        {
          kind: 'impossible-broker-greek',
          expiry: '2026-12-31',
          strike: 5050,
          side: 'call',
          detail: 'delta −0.3',
        },
      ],
    });
    expect(s.leftOut.map((l) => [l.strike, l.side, l.reason])).toEqual([
      [4800, 'put', 'zero-bid'],
      [4850, 'call', 'crossed'],
      [4900, 'put', 'wide-spread'],
      [4950, 'call', 'parity-outlier'],
      [4950, 'put', 'parity-outlier'],
      [5000, 'put', 'no-two-sided-quote'],
      [5050, 'call', 'impossible-greek'],
    ]);
    expect(s.leftOut[2]?.detail).toBe('spread 2.00 is 40 % of the mid 5.00 (limit 25 %)');
    // 4800 call, 4850 put, 4900 call, 5000 call, 5050 put stay.
    const kept = s.clean.rows.flatMap((r) =>
      (['call', 'put'] as const).filter((k) => r[k]).map((k) => `${r.strike}${k}`),
    );
    expect(kept).toEqual(['4800call', '4850put', '4900call', '5000call', '5050put']);
  });
});

const SPX22 = new URL(
  '../../../shared/data/cboe-quotedata-spx-ndx-2022-02-05/spx_quotedata.csv',
  import.meta.url,
);
const AAPL = new URL(
  '../../../shared/data/yahoo-options-html-2020/aapl_option_page_raw.html',
  import.meta.url,
);

function chain2022(): { chain: ChainSnapshot; text: string } {
  const text = readFileSync(SPX22, 'utf8');
  const r = readCsv(text, { url: 'spx_quotedata.csv', now: '2026-01-01T00:00:00Z' });
  if (!r.ok) throw new Error(r.failure.detail);
  return { chain: r.snapshots[0] as ChainSnapshot, text };
}
const inputs = (chain: ChainSnapshot) => ({
  chain,
  vixCurve: null,
  vixChain: null,
  history: [],
  calendar: builtinCalendar(),
  held: null,
});
const strikes = (c: CondorCandidate | undefined) =>
  c ? [c.legs.longPut.strike, c.legs.shortPut.strike, c.legs.shortCall.strike, c.legs.longCall.strike] : [];

describe.skipIf(!existsSync(SPX22))('an inflated put on the real 2022 chain', () => {
  const { chain } = existsSync(SPX22) ? chain2022() : { chain: null as unknown as ChainSnapshot };
  const now = new Date(Date.parse(chain?.quoteTime ?? '') + 60_000).toISOString();
  it('is flagged by the parity scan, listed as left out, and does not move the suggested condor', () => {
    const base = plan(inputs(chain), DEFAULT_SETTINGS, now).condor.figures?.best;
    if (!base) throw new Error('no base condor');
    // The put 20 points above the best's short put (nearer the money, in the delta band),
    // quoted 6 points too rich on both sides.
    const strike = base.legs.shortPut.strike + 20;
    const bumped = structuredClone(chain);
    const exp = bumped.expiries.find((e) => e.expiry === base.expiry && e.root === base.root);
    const row = exp?.rows.find((r) => r.strike === strike);
    if (!row?.put || row.put.bid === null || row.put.ask === null) throw new Error('row');
    row.put = { ...row.put, bid: row.put.bid + 6, ask: row.put.ask + 6 };

    const p = plan(inputs(bumped), DEFAULT_SETTINGS, now);
    expect(p.parity.some((f) => f.expiry === base.expiry && f.strike === strike)).toBe(true);
    expect(p.quotesLeftOut).toContainEqual(
      expect.objectContaining({ strike, side: 'put', reason: 'parity-outlier' }),
    );
    expect(strikes(p.condor.figures?.best)).toEqual(strikes(base));

    // Without the screen the same quote would have become the short put: the test can fail.
    const at = p.clock.pricedAt;
    const raw = datedExpiries(bumped, at).expiries.find(
      (e) => e.expiry === base.expiry && e.source.root === base.root,
    );
    if (!raw) throw new Error('expiry');
    const unscreened = rankCandidates(
      condorCandidates(solveSmile(raw), {
        ...DEFAULT_SETTINGS.condor,
        risk: DEFAULT_SETTINGS.risk,
        layerShare: 0.75,
        tilt: 'neutral',
        flags: [],
      }),
    )[0];
    expect(unscreened?.legs.shortPut.strike).toBe(strike);
  });

  it('takes one contract per date: SPXW (PM) over the SPX monthly (AM) of 2022-03-18, or the monthly alone', () => {
    const settings = { ...DEFAULT_SETTINGS, condor: { ...DEFAULT_SETTINGS.condor, dteMin: 38, dteMax: 45 } };
    const p = plan(inputs(chain), settings, now);
    const best = p.condor.figures?.best;
    expect([best?.expiry, best?.root, best?.settlement]).toEqual(['2022-03-18', 'SPXW', 'PM']);
    expect(p.condor.why[0]?.text).toContain(
      'the SPX monthly, AM-settled contract of the same date left aside',
    );

    const monthlyOnly = { ...chain, expiries: chain.expiries.filter((e) => e.root !== 'SPXW') };
    const m = plan(inputs(monthlyOnly), settings, now);
    const mb = m.condor.figures?.best;
    expect([mb?.expiry, mb?.root, mb?.settlement]).toEqual(['2022-03-18', 'SPX', 'AM']);
    expect(m.condor.why[0]?.text).toContain('SPX monthly, AM-settled');
    expect(m.condor.why[0]?.text).not.toContain('weekly');
    const text = readFileSync(SPX22, 'utf8');
    for (const leg of mb ? [mb.legs.longPut, mb.legs.shortPut, mb.legs.shortCall, mb.legs.longCall] : []) {
      expect(leg.occSymbol).toMatch(/^SPX {3}220318[CP]\d{8}$/);
      expect(text).toContain(`,${(leg.occSymbol ?? '').replaceAll(' ', '')},`);
    }
  });
});

describe.skipIf(!existsSync(AAPL))('a $113 stock (Yahoo AAPL page, 2020-10-16 expiry)', () => {
  it('runs Layer 1 under a banner, wings 0.25 × the expected move, no pre-split leg', async () => {
    const snaps = await loadSnapshots(fileURLToPath(AAPL), { now: '2020-09-25T19:00:00Z' });
    const chain = snaps.find((s): s is ChainSnapshot => s.kind === 'option-chain');
    if (!chain) throw new Error('no chain');
    const p = plan(inputs(chain), DEFAULT_SETTINGS, '2020-09-25T19:00:00Z');
    expect(p.banners).toEqual([expect.stringMatching(/^AAPL is not SPX: Layer 1 prices this chain/)]);
    expect(p.hedge.why.at(-1)?.rule).toBe('sized-for-spx');
    expect(p.press.why.at(-1)?.rule).toBe('sized-for-spx');
    const best = p.condor.figures?.best;
    if (!best) throw new Error(p.condor.reason);
    expect(best.wingWidth).toBeCloseTo(0.25 * best.expectedMove, 12);
    expect(best.wingWidth).toBeLessThan(5);
    // The page lists calls 500–560 at 30–35 points bid (pre-split prices on a $113 stock).
    for (const k of strikes(best)) expect(k).toBeLessThan(200);
    // The example: the 560 call (15.45 bid) is off the parity line, so it never becomes a leg.
    expect(p.parity.some((f) => f.strike === 560)).toBe(true);
    expect(best.legs.shortCall.strike).toBeLessThan(200);
  });
});

describe('smileOutliers', () => {
  const smile = (vols: number[]): ExpirySmile => ({
    expiry: '2026-12-31',
    root: 'SPXW',
    settlement: 'PM',
    tYears: 0.1,
    daysToExpiry: 36.5,
    forward: 100,
    discount: 1,
    strikes: vols.map((_, i) => 90 + 2.5 * i),
    vols,
    quotes: new Map(),
    solved: new Set(),
    unsolved: 0,
    slopeHalfWindow: 2.5,
  });
  it('flags a vol more than twice, or under half, the median of three knots each side', () => {
    // Knots 90 … 110 by 2.5; neighbours of 95 are 0.30 ×5 and 0.32 → median 0.30; 0.75 > 0.60.
    const s = smile([0.3, 0.3, 0.75, 0.3, 0.32, 0.3, 0.14, 0.3, 0.55]);
    expect(smileOutliers(s).map((o) => [o.strike, o.side])).toEqual([
      [95, 'put'],
      [105, 'call'],
    ]);
  });
  it('leaves a steep but smooth smile alone', () => {
    expect(smileOutliers(smile([0.6, 0.5, 0.42, 0.36, 0.3, 0.26, 0.24, 0.23, 0.23]))).toEqual([]);
  });
});
