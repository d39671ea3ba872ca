/**
 * The replay on the public files in ../shared/data (read in place, never copied; skipped with
 * a message when absent). Expected values are read by eye from the files and written here.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compareOnRealChain } from '../../lib/replay/compare';
import { buildIndex, dayMarket, decisionDays, spxSettlement, vxFinalSettle } from '../../lib/replay/market';
import { parseHistories, replayReport } from '../../lib/replay/report';
import { FIT_ERRORS, FITTED_SKEW } from '../../lib/replay/skew';
import { DEFAULT_REPLAY_SETTINGS } from '../../lib/replay/types';
import { DEFAULT_SETTINGS } from '../../lib/schema/settings';
import { computeFit } from './fit-skew';
import { DATA, loadRealChains } from './real-chains';

const FILES = {
  spx: `${DATA}sp500-daily-ohlc-yahoo-1927-2023/GSPC.csv`,
  vix: `${DATA}cboe-vx-futures-daily-2013-2026/VIX_History_1990_2024.csv`,
  vx: `${DATA}cboe-vx-futures-daily-2013-2026/vx_futures_by_contract_2013_2026.csv`,
  vvix: `${DATA}cboe-vol-indices-history/VVIX_History.csv`,
};
const present = Object.values(FILES).every((f) => existsSync(f));

if (!present)
  describe('replay on ../shared/data', () => {
    it.skip('data folder ../shared/data (GSPC, VIX, VX by contract, VVIX) absent', () => {});
  });

describe.skipIf(!present)('replay market from the real histories', () => {
  const read = (f: string) => readFileSync(f, 'utf8');
  const { histories, data } = parseHistories({
    spx: read(FILES.spx),
    vix: read(FILES.vix),
    vx: read(FILES.vx),
    vvix: read(FILES.vvix),
  });
  const ix = buildIndex(histories);

  it('counts the VX file’s bad rows instead of using them', () => {
    const vx = data.find((d) => d.file === 'vx');
    // Early-2013 expiry rows carry settle 0 and close 0 (e.g. "10,2013-01-16,2013-01-16,0.0,…,0.0,0.0").
    expect(vx?.dropped.find((d) => d.reason === 'final-settle-missing')?.count).toBeGreaterThan(0);
    // The malformed contract date "20268-03-18".
    expect(vx?.dropped.find((d) => d.reason === 'date-malformed')?.count).toBeGreaterThan(0);
  });

  it('builds the decision day from the files (2020-03-20)', () => {
    const m = dayMarket(ix, '2020-03-20');
    if ('missing' in m) throw new Error(m.missing);
    // GSPC 2020-03-20 open 2431.93994140625 close 2304.919921875; VIX close 66.04; VVIX 187.18.
    expect(m.spxOpen).toBeCloseTo(2431.94, 2);
    expect(m.spxClose).toBeCloseTo(2304.92, 2);
    expect(m.vix).toBe(66.04);
    expect(m.vvix).toBe(187.18);
    expect(m.curve[0]?.expiry).toBe('2020-04-15');
  });

  it('decides on Thursday when Good Friday closes the market (2015-04-03)', () => {
    expect(decisionDays(ix, '2015-03-30', '2015-04-10')).toEqual(['2015-04-02', '2015-04-10']);
  });

  it('settles Feb 2018: AM monthly at the 2018-02-16 open, PM at its close, VX at its final settle', () => {
    expect(spxSettlement(ix, '2018-02-16', 'AM')?.price).toBeCloseTo(2727.14, 2);
    expect(spxSettlement(ix, '2018-02-16', 'PM')?.price).toBeCloseTo(2732.22, 2);
    // "185,2018-02-14,2018-02-14,25.25,26.5,23.8,25.35,21.87,…"
    expect(vxFinalSettle(ix, '2018-02-14')?.price).toBe(21.87);
  });
});

const fit = computeFit();
const realChains = fit ? loadRealChains() : null;

describe.skipIf(!present || !realChains)('plan on the real chains against the synthetic chain', () => {
  it('finds each chain’s session and compares the best condors', { timeout: 90_000 }, () => {
    const read = (f: string) => readFileSync(f, 'utf8');
    const { histories } = parseHistories({
      spx: read(FILES.spx),
      vix: read(FILES.vix),
      vx: read(FILES.vx),
      vvix: read(FILES.vvix),
    });
    const ix = buildIndex(histories);
    const calendar = { events: [], coveredThrough: { FOMC: null, CPI: null, PPI: null } };
    const got = (realChains ?? []).map((r) =>
      compareOnRealChain(ix, r.name, r.chain, DEFAULT_SETTINGS, calendar, 0.1),
    );
    // Quotes stamped "Mar 22 2020 @ 18:24 ET" (Sunday) and "February 5 2022, 8:09 PM EST" (Saturday):
    // the sessions they close are Friday 2020-03-20 and Friday 2022-02-04.
    expect(got.map((c) => ('date' in c ? c.date : c.missing))).toEqual(['2020-03-20', '2022-02-04']);
    for (const c of got) {
      if (!('diff' in c)) throw new Error('no comparison');
      expect(c.real, c.notes.join('; ')).not.toBeNull();
      expect(c.synthetic, c.notes.join('; ')).not.toBeNull();
      expect(c.diff).not.toBeNull();
    }
  });
});
if (!fit)
  describe('skew fit on the real SPX chains', () => {
    it.skip('real chains ../shared/data/cboe-quotedata-spx-* absent', () => {});
  });

describe.skipIf(!fit)('skew fit on the real SPX chains', () => {
  it('matches the constants in lib/replay/skew.ts', () => {
    expect(fit?.params).toEqual(FITTED_SKEW);
    expect(fit?.errors).toEqual(FIT_ERRORS);
  });
});

describe.skipIf(!present)('alvh replay (CLI)', () => {
  const run = () =>
    execFileSync(
      'npx',
      [
        'tsx',
        'lib/cli/main.ts',
        'replay',
        ...['--spx', FILES.spx, '--vix', FILES.vix, '--vx', FILES.vx, '--vvix', FILES.vvix],
        ...['--from', '2018-01-01', '--to', '2018-03-31'],
      ],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] },
    );

  it('prints the report with the fields the issue asks for', { timeout: 90_000 }, () => {
    const r = JSON.parse(run());
    for (const v of ['condorOnly', 'condorHedge', 'allLayers'])
      expect(Object.keys(r.variants[v])).toEqual(
        expect.arrayContaining(['totalPnlUsd', 'maxDrawdownUsd', 'weeks', 'equity']),
      );
    // Fridays 2018-01-05 … 2018-03-30 (Good Friday 2018-03-30 closed → Thursday 03-29): 13 weeks.
    expect(r.variants.condorOnly.weeks).toBe(13);
    expect(r.variants.condorOnly.equity[12].date).toBe('2018-03-29');
    expect(r.episodes.map((e: { name: string }) => e.name)).toEqual(['2018-02']);
    expect(r.model.label).toBe('model prices from VIX and VVIX, not historical quotes');
    expect(r.fit.byChain).toHaveLength(2);
    expect(r.model.rolls).toMatch(/held to expiry/);
  });

  it('is deterministic: the same input gives the same report', { timeout: 90_000 }, () => {
    const texts = {
      spx: readFileSync(FILES.spx, 'utf8'),
      vix: readFileSync(FILES.vix, 'utf8'),
      vx: readFileSync(FILES.vx, 'utf8'),
      vvix: readFileSync(FILES.vvix, 'utf8'),
    };
    const once = () =>
      JSON.stringify(
        replayReport({
          texts,
          from: '2020-02-01',
          to: '2020-04-30',
          settings: DEFAULT_SETTINGS,
          replay: DEFAULT_REPLAY_SETTINGS,
          calendar: null,
        }),
      );
    expect(once()).toBe(once());
  });
});
