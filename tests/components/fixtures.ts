/** Loads the fixture plans of tests/fixtures/plans (realistic engine output, see each file). */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Plan } from '../../lib/engine/plan-types';
import type { VixCurveSnapshot } from '../../lib/engine/snapshot-types';
import type { TabState } from '../../lib/schema/tab-state';

const dir = resolve(__dirname, '../fixtures/plans');

function load<T>(name: string): T {
  return JSON.parse(readFileSync(resolve(dir, name), 'utf8')) as T;
}

export type PlanFixture = 'no-vix-curve' | 'hedge-on' | 'press-on' | 'engine-demo';

export const loadPlan = (name: PlanFixture): Plan => load<Plan>(`${name}.json`);
export const loadTabState = (): TabState => load<TabState>('tab-state.json');
export const loadVixCurve = (): VixCurveSnapshot => load<VixCurveSnapshot>('vix-curve.json');
