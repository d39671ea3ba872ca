/**
 * Bench: our implied-vol solver beside the npm peers, one process, one grid, interleaved.
 *
 * Grid: S = 100, r = 3 %, q = 0 (the peers have no dividend yield), out-of-the-money calls
 * and puts at standardised moneyness z = ln(K/F)/(σ√T) ∈ [−5, 5], T from 1 day to 3 years,
 * σ from 1 % to 400 %; prices from our Black–Scholes (pinned to mpmath in tests/engine),
 * keeping options whose time value is ≥ 1e-12·F. Regions: deep OTM (|z| ≥ 2.5), T < 7 days,
 * σ > 100 %. A solve fails when it returns no finite positive vol or one more than 1 %
 * off. Errors are |σ̂/σ − 1| over the solves that returned a number.
 *
 * Peers, as shipped: @uqee/black-scholes `sigma()` (default bisection, $0.001 accuracy,
 * σ ≤ 2); implied-volatility `getImpliedVolatility` (bisection to the cent, on the
 * black-scholes package's pricer); black-scholes `blackScholes` + a simple Newton solver
 * (ours, written here: analytic vega, bisection fallback, 1e-12 price tolerance).
 * option-pricing has no implied-vol function: skipped with a note.
 * Speed: median of repeated timed passes; slow peers time a fixed subset (same mix).
 */
import { createRequire } from 'node:module';
import { impliedVol, price } from '../../lib/engine/index';
import { addFigure } from './budgets';
import { median } from './timing';

const require = createRequire(import.meta.url);
const S = 100;
const R = 0.03;

interface Case {
  kind: 'call' | 'put';
  K: number;
  T: number;
  vol: number;
  p: number;
  deep: boolean;
  short: boolean;
  high: boolean;
}

function grid(): Case[] {
  const cases: Case[] = [];
  for (const days of [1, 2, 4, 7, 14, 30, 60, 91, 182, 365, 730, 1095])
    for (const vol of [0.01, 0.03, 0.08, 0.15, 0.25, 0.4, 0.7, 1.0, 1.5, 2.5, 4])
      for (let z = -5; z <= 5; z += 0.5) {
        const T = days / 365;
        const F = S * Math.exp(R * T);
        const K = F * Math.exp(z * vol * Math.sqrt(T));
        const kind = z >= 0 ? 'call' : 'put';
        const p = price(kind, S, K, T, R, 0, vol) ?? 0;
        if (!(p >= 1e-12 * F * Math.exp(-R * T))) continue;
        cases.push({ kind, K, T, vol, p, deep: Math.abs(z) >= 2.5, short: days < 7, high: vol > 1 });
      }
  return cases;
}

type Solver = (c: Case) => number;

/** A simple Newton solver on the black-scholes package's pricer (analytic vega). */
function newtonOn(
  bsPrice: (s: number, k: number, t: number, v: number, r: number, cp: string) => number,
): Solver {
  return (c) => {
    let lo = 1e-6;
    let hi = 10;
    let v = 0.5;
    for (let i = 0; i < 100; i++) {
      const diff = bsPrice(S, c.K, c.T, v, R, c.kind) - c.p;
      if (Math.abs(diff) <= 1e-12 * Math.max(c.p, 1e-300)) return v;
      if (diff > 0) hi = v;
      else lo = v;
      const sqrtT = Math.sqrt(c.T);
      const d1 = (Math.log(S / c.K) + (R + 0.5 * v * v) * c.T) / (v * sqrtT);
      const vega = (S * Math.exp(-0.5 * d1 * d1) * sqrtT) / Math.sqrt(2 * Math.PI);
      let next = v - diff / vega;
      if (!(next > lo && next < hi)) next = 0.5 * (lo + hi);
      if (Math.abs(next - v) <= 1e-15 * v) return next;
      v = next;
    }
    return v;
  };
}

function solvers(): { name: string; solve: Solver; slow: boolean }[] {
  const list: { name: string; solve: Solver; slow: boolean }[] = [];
  list.push({
    name: 'ours (alvh impliedVol)',
    solve: (c) => {
      const r = impliedVol(c.kind, c.p, S, c.K, c.T, R, 0);
      return 'vol' in r ? r.vol : Number.NaN;
    },
    slow: false,
  });
  const { BlackScholes } = require('@uqee/black-scholes') as {
    BlackScholes: new () => { sigma: (a: Record<string, number | string>) => number };
  };
  const uqee = new BlackScholes();
  list.push({
    name: '@uqee/black-scholes',
    solve: (c) => uqee.sigma({ price: c.p, rate: R, strike: c.K, time: c.T, type: c.kind, underlying: S }),
    slow: false,
  });
  const iv = require('implied-volatility') as {
    getImpliedVolatility: (p: number, s: number, k: number, t: number, r: number, cp: string) => number;
  };
  list.push({
    name: 'implied-volatility',
    solve: (c) => iv.getImpliedVolatility(c.p, S, c.K, c.T, R, c.kind),
    slow: true,
  });
  const bs = require('black-scholes') as {
    blackScholes: (s: number, k: number, t: number, v: number, r: number, cp: string) => number;
  };
  list.push({ name: 'black-scholes + Newton', solve: newtonOn(bs.blackScholes), slow: true });
  return list;
}

function stats(cases: Case[], solve: Solver) {
  const errs: number[] = [];
  const fails = { all: 0, deep: 0, short: 0, high: 0 };
  for (const c of cases) {
    const v = solve(c);
    const err = Math.abs(v / c.vol - 1);
    if (Number.isFinite(v) && v > 0) errs.push(err);
    if (!(Number.isFinite(v) && v > 0 && err <= 0.01)) {
      fails.all++;
      if (c.deep) fails.deep++;
      if (c.short) fails.short++;
      if (c.high) fails.high++;
    }
  }
  return { errs, fails };
}

const pct = (n: number, d: number) => `${((100 * n) / Math.max(d, 1)).toFixed(1)}%`;

/** Per-solver median ms per pass, passes interleaved across solvers (the machine is noisy). */
function interleavedMedians(
  list: { solve: Solver; slow: boolean }[],
  cases: Case[],
  subset: Case[],
): number[] {
  const pass = (s: { solve: Solver; slow: boolean }) => {
    const timed = s.slow ? subset : cases;
    const t0 = performance.now();
    let acc = 0;
    for (const c of timed) acc += s.solve(c);
    const ms = performance.now() - t0;
    return Number.isNaN(acc) ? ms : ms; // acc keeps the loop from being optimised away
  };
  for (const s of list) for (let i = 0; i < (s.slow ? 1 : WARMUP); i++) pass(s);
  const times: number[][] = list.map(() => []);
  for (let r = 0; r < REPEATS; r++)
    list.forEach((s, i) => {
      if (!s.slow || r % SLOW_EVERY === 0) times[i]?.push(pass(s));
    });
  return times.map((t) => median(t));
}

const REPEATS = 101;
const WARMUP = 3;
/** Slow peers are timed on every SLOW_EVERY-th repeat only (they take ~0.1–1 s a pass). */
const SLOW_EVERY = 34;

export async function run(): Promise<void> {
  const cases = grid();
  const n = {
    deep: cases.filter((c) => c.deep).length,
    short: cases.filter((c) => c.short).length,
    high: cases.filter((c) => c.high).length,
  };
  const subset = cases.filter((_, i) => i % 25 === 0);
  console.log(
    `grid: ${cases.length} options (deep OTM ${n.deep}, T<7d ${n.short}, vol>100% ${n.high}); slow peers timed on ${subset.length}`,
  );
  console.log(
    'option-pricing: skipped (exports Black–Scholes/binomial/Monte Carlo pricing only, no implied vol)',
  );
  const list = solvers();
  const msPerPass = interleavedMedians(list, cases, subset);
  const perSec = list.map((s, i) => ((s.slow ? subset : cases).length / (msPerPass[i] ?? 1)) * 1000);
  console.log(
    'solver                   max err  med err   fail  deepOTM   T<7d  vol>100%  solves/s  ours÷peer',
  );
  list.forEach((s, i) => {
    const { errs, fails } = stats(cases, s.solve);
    const cells = [
      s.name.padEnd(24),
      (errs.length ? Math.max(...errs) : Number.NaN).toExponential(1).padStart(9),
      (errs.length ? median(errs) : Number.NaN).toExponential(1).padStart(9),
      pct(fails.all, cases.length).padStart(7),
      pct(fails.deep, n.deep).padStart(8),
      pct(fails.short, n.short).padStart(8),
      pct(fails.high, n.high).padStart(9),
      (perSec[i] ?? 0).toPrecision(3).padStart(9),
      i === 0 ? '' : ((perSec[0] ?? 0) / (perSec[i] ?? 1)).toFixed(2).padStart(9),
    ];
    console.log(cells.join(' '));
  });
  const peers = perSec.slice(1);
  const fastest = peers.length ? Math.max(...peers) : null;
  addFigure('our implied-vol solver, solves per second', perSec[0] ?? null, '/s', null, { floor: fastest });
  const ours = list[0];
  if (ours) {
    const { fails } = stats(cases, ours.solve);
    addFigure('our solver: grid cases failed (no vol, or > 1 % off)', fails.all, 'count', null);
  }
}
