import { describe, expect, it } from 'vitest';
import { planSchema } from '../../lib/schema/plan';
import { tabStateSchema } from '../../lib/schema/tab-state';
import { loadPlan, loadTabState } from './fixtures';

describe('fixture plans', () => {
  it.each(['no-vix-curve', 'hedge-on', 'press-on', 'engine-demo'] as const)(
    '%s passes the plan schema',
    (name) => {
      const parsed = planSchema.safeParse(loadPlan(name));
      expect(parsed.success ? null : parsed.error.issues.slice(0, 3)).toBeNull();
    },
  );

  it('hand-made condors are internally consistent (credit, break-evens, max loss, contracts)', () => {
    for (const name of ['no-vix-curve', 'hedge-on'] as const) {
      const c = loadPlan(name).condor.figures!.best;
      const mid = (l: { bid: number; ask: number }) => (l.bid + l.ask) / 2;
      const credit =
        mid(c.legs.shortPut) - mid(c.legs.longPut) + mid(c.legs.shortCall) - mid(c.legs.longCall);
      expect(Math.abs(c.creditMid - credit)).toBeLessThan(0.005);
      expect(Math.abs(c.breakEvenLow - (c.legs.shortPut.strike - c.creditMid))).toBeLessThan(1e-9);
      expect(Math.abs(c.breakEvenHigh - (c.legs.shortCall.strike + c.creditMid))).toBeLessThan(1e-9);
      expect(Math.abs(c.maxLoss - (25 - c.creditMid))).toBeLessThan(1e-9);
      expect(c.contracts).toBe(Math.floor(5_000 / (c.maxLoss * 100)));
    }
  });

  it('tab state passes its schema', () => {
    expect(tabStateSchema.safeParse(loadTabState()).success).toBe(true);
  });
});
