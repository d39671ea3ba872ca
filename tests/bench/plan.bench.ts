/**
 * Bench: a full plan() on an SPX-sized synthetic chain (10 expiries × 400 strikes, two-lognormal
 * smile, realistic spreads) against solving that chain's implied vols alone (every call and
 * put mid, Black-76 on each expiry's parity forward), measured interleaved in the same run.
 * Target (issue 5): plan ≤ 3 × IV-only. The plan runs every layer: a calm VIX curve with a
 * VIX chain, a calendar clear for Layer 3, 300 sessions of history and a held condor.
 */
import { builtinCalendar } from '../../lib/engine/events/builtin-calendar';
import { black76ImpliedVol } from '../../lib/engine/iv/implied-vol';
import { datedExpiries } from '../../lib/engine/plan/market';
import { plan } from '../../lib/engine/plan/plan';
import type { DailyRecord } from '../../lib/engine/signals/history-types';
import { DEFAULT_SETTINGS } from '../../lib/schema/settings';
import {
  DEFAULT_SPX_OPTIONS,
  rng,
  syntheticSpxChain,
  syntheticVixChain,
  vixCurve,
} from '../fixtures/engine/synthetic-chain';
import { addFigure, BUDGETS } from './budgets';
import { median } from './timing';

const NOW = DEFAULT_SPX_OPTIONS.now;
const REPEATS = 21;
/** Budget (issue 5, budgets.ts): a full plan costs at most 3× solving the chain's vols alone. */
const PLAN_OVER_IV_BUDGET = BUDGETS.planOverIvRatio.limit;
const WARMUP = 3;

export async function run(): Promise<void> {
  const chain = syntheticSpxChain();
  const fut: [string, number][] = [
    ['2026-12-16', 13.5],
    ['2027-01-20', 15.5],
    ['2027-02-17', 16.2],
  ];
  const u = rng(3);
  let spx = 6000;
  const history: DailyRecord[] = Array.from({ length: 300 }, (_, i) => {
    spx *= 1 + (u() - 0.5) * 0.02;
    return {
      // Calendar days ending the day before NOW: the plan reads history up to its own date.
      date: new Date(Date.parse('2026-11-25T12:00:00Z') - (299 - i) * 86_400_000).toISOString().slice(0, 10),
      spxClose: spx,
      advances: 1500 + Math.round(u() * 500),
      declines: 1500,
      vixClose: null,
      vxFrontSpread: null,
    };
  });
  const inputs = {
    chain,
    vixCurve: vixCurve(12, fut),
    vixChain: syntheticVixChain(fut),
    history,
    calendar: {
      ...builtinCalendar(),
      coveredThrough: { FOMC: '2027-12-31', CPI: '2026-12-31', PPI: '2026-12-31' },
    },
    held: {
      expiry: '2027-01-01',
      longPut: 5700,
      shortPut: 5750,
      shortCall: 6200,
      longCall: 6250,
      credit: 20,
      contracts: 2,
    },
  };
  // Forward/discount per expiry fitted once, outside the timing: the IV baseline is the solver alone.
  const dated = datedExpiries(chain, NOW).expiries;
  const solveAll = () => {
    let n = 0;
    for (const d of dated)
      for (const row of d.source.rows)
        for (const [kind, q] of [
          ['call', row.call],
          ['put', row.put],
        ] as const) {
          if (!q || q.bid === null || q.ask === null) continue;
          const r = black76ImpliedVol(
            kind,
            (q.bid + q.ask) / 2,
            d.fit.forward,
            row.strike,
            d.tYears,
            d.fit.discount,
          );
          if ('vol' in r) n++;
        }
    return n;
  };
  const runPlan = () => plan(inputs, DEFAULT_SETTINGS, NOW);
  for (let i = 0; i < WARMUP; i++) {
    solveAll();
    runPlan();
  }
  const ivMs: number[] = [];
  const planMs: number[] = [];
  let solved = 0;
  let layers = '';
  for (let i = 0; i < REPEATS; i++) {
    let t = performance.now();
    solved = solveAll();
    ivMs.push(performance.now() - t);
    t = performance.now();
    const p = runPlan();
    planMs.push(performance.now() - t);
    layers = `condor ${p.condor.status}, hedge ${p.hedge.status}, press ${p.press.status}, signals ${p.signals.status}`;
  }
  const iv = median(ivMs);
  const pl = median(planMs);
  console.log(
    `chain: ${chain.expiries.length} expiries × ${chain.expiries[0]?.rows.length} strikes; ${solved} IVs solved`,
  );
  console.log(`plan layers: ${layers}`);
  console.log(`median IV-only solve   ${iv.toFixed(2)} ms  (${REPEATS} runs, interleaved)`);
  console.log(`median full plan()     ${pl.toFixed(2)} ms`);
  addFigure('IV-only solve of the chain', iv, 'ms', null);
  addFigure('full plan() on the same chain', pl, 'ms', null, { floor: iv });
  addFigure('plan ÷ IV-only', pl / iv, '×', PLAN_OVER_IV_BUDGET);
}
