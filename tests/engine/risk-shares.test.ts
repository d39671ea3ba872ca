/**
 * Issue 16.5: the theta press holds its share of the risk budget only when it is suggested;
 * otherwise Layer 1 gets the whole budget, and the why says which split applied.
 * Hand rule: contracts = min(⌊budget × share / max loss per condor⌋, ⌊max loss per trade / …⌋, cap).
 */
import { describe, expect, it } from 'vitest';
import { builtinCalendar } from '../../lib/engine/events/builtin-calendar';
import type { EventCalendar } from '../../lib/engine/events/calendar-types';
import { plan } from '../../lib/engine/plan/plan';
import type { Settings } from '../../lib/engine/settings-types';
import { DEFAULT_SETTINGS } from '../../lib/schema/settings';
import { syntheticSpxChain, vixCurve } from '../fixtures/engine/synthetic-chain';

const NOW = '2026-11-26T15:00:00Z';
// VIX 12 ≈ 9th percentile; front spread (15.5 − 13.5)/13.5 = 14.8 %: the press gate opens.
const calm = vixCurve(12, [
  ['2026-12-16', 13.5],
  ['2027-01-20', 15.5],
  ['2027-02-17', 16.2],
]);
const covered: EventCalendar = {
  ...builtinCalendar(),
  coveredThrough: { FOMC: '2027-12-31', CPI: '2026-12-31', PPI: '2026-12-31' },
};
// Budget $200,000 × 10 % = $20,000; per-trade limit and cap out of the way.
const settings: Settings = {
  ...DEFAULT_SETTINGS,
  risk: {
    accountSizeUsd: 200_000,
    maxLossPerTradeUsd: 1_000_000,
    maxRiskFractionOfAccount: 0.1,
    maxContracts: 1_000,
  },
};
const chain = syntheticSpxChain({ now: NOW });
const run = (over: Partial<Parameters<typeof plan>[0]>, s: Settings = settings) =>
  plan(
    { chain, vixCurve: calm, vixChain: null, history: [], calendar: covered, held: null, ...over },
    s,
    NOW,
  );

describe('risk budget shares', () => {
  it('press suggested: Layer 1 within 75 % ($15,000), the press 25 % ($5,000)', () => {
    const p = run({});
    expect(p.press.status).toBe('suggested');
    const best = p.condor.figures!.best;
    expect(best.contracts).toBe(Math.floor(15_000 / (best.maxLoss * 100)));
    const why = p.condor.why.find((w) => w.rule === 'risk-shares');
    expect(why?.inputs).toMatchObject({ riskBudgetUsd: 20_000, condorShare: 0.75, pressShare: 0.25 });
    expect(why?.text).toBe(
      'Layer 1 is sized within 75 % of the $20,000 risk budget ($15,000): the theta press is suggested and holds 25 % ($5,000).',
    );
  });

  it('press enabled but unable to open: its share goes back to Layer 1 (all $20,000)', () => {
    // VIX 22 is not complacent: the gate stays shut.
    const p = run({
      vixCurve: vixCurve(22, [
        ['2026-12-16', 23],
        ['2027-01-20', 25.8],
        ['2027-02-17', 26.5],
      ]),
    });
    expect(p.press.status).toBe('off');
    const best = p.condor.figures!.best;
    expect(best.contracts).toBe(Math.floor(20_000 / (best.maxLoss * 100)));
    const why = p.condor.why.find((w) => w.rule === 'risk-shares');
    expect(why?.inputs).toMatchObject({ condorShare: 1, pressShare: 0, pressShareSetting: 0.25 });
    expect(why?.text).toMatch(
      /^Layer 1 is sized within the whole \$20,000 risk budget: the theta press is not suggested \(VIX is not complacent/,
    );
    expect(why?.text).toMatch(/so its 25 % share goes back to Layer 1\.$/);
  });

  it('press switched off in the settings: Layer 1 gets the whole budget', () => {
    const off = { ...settings, press: { ...settings.press, enabled: false } };
    const p = run({}, off);
    const best = p.condor.figures!.best;
    expect(best.contracts).toBe(Math.floor(20_000 / (best.maxLoss * 100)));
  });
});
