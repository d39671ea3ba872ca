/**
 * Fits the synthetic chain's skew on the real chains and prints FITTED_SKEW and FIT_ERRORS for
 * lib/replay/skew.ts:   npx tsx tests/replay/fit-skew.ts
 * tests/replay/fit.test.ts runs the same function and checks the constants match.
 */
import { chainVolPoints, type FitChain, fitError, fitSkew } from '../../lib/replay/fit';
import { decisionInstant } from '../../lib/replay/synthetic-chain';
import { loadRealChains } from './real-chains';

export function computeFit() {
  const real = loadRealChains();
  if (!real) return null;
  const chains: FitChain[] = real.map((r) => ({
    chain: r.name,
    date: r.date,
    vix: r.vix,
    points: chainVolPoints(r.chain, decisionInstant(r.date), r.vix),
  }));
  const params = fitSkew(chains);
  const r4 = (v: number) => Math.round(v * 1e4) / 1e4;
  const rounded = { atmToVix: params.atmToVix, skew: r4(params.skew), curvature: r4(params.curvature) };
  return { params: rounded, errors: chains.map((c) => fitError(rounded, c)) };
}

if (process.argv[1]?.endsWith('fit-skew.ts')) {
  process.stdout.write(`${JSON.stringify(computeFit(), null, 1)}\n`);
}
