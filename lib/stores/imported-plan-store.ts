/**
 * The side panel's plan on the chain imported on the options page, for tabs without a chain
 * of their own. Same engine run as the background's (computePlanForTab: stored history,
 * calendar, VIX option chain and held condor) with the newest VIX curve, read or entered.
 * Recomputes when the imported chain, the settings or the curve change.
 */
import { createStore } from 'zustand/vanilla';
import { computePlanForTab } from '../background/compute-plan';
import type { Plan } from '../engine/plan-types';
import type { ChainSnapshot, VixCurveSnapshot } from '../engine/snapshot-types';
import { importedChainItem, latestVixCurveItem, manualVixCurveItem, settingsItem } from '../storage';
import { readPlan } from './plan-guard';

export interface ImportedPlanState {
  imported: { fileName: string; chain: ChainSnapshot } | null;
  plan: Plan | null;
  planError: string | null;
  start(): Promise<void>;
  dispose(): void;
}

function newest(a: VixCurveSnapshot | null, b: VixCurveSnapshot | null): VixCurveSnapshot | null {
  if (!a || !b) return a ?? b;
  return Date.parse(a.source.readAt) >= Date.parse(b.source.readAt) ? a : b;
}

export function createImportedPlanStore() {
  const stops: (() => void)[] = [];
  return createStore<ImportedPlanState>()((set) => {
    const run = async () => {
      const stored = await importedChainItem.get();
      if (!stored) {
        set({ imported: null, plan: null, planError: null });
        return;
      }
      const [settings, read, manual] = await Promise.all([
        settingsItem.get(),
        latestVixCurveItem.get(),
        manualVixCurveItem.get(),
      ]);
      const result = await computePlanForTab(stored.chain, newest(read, manual), settings, new Date());
      const checked = 'plan' in result ? readPlan(result.plan) : null;
      set({
        imported: { fileName: stored.fileName, chain: stored.chain },
        plan: checked?.plan ?? null,
        planError: 'error' in result ? result.error : (checked?.error ?? null),
      });
    };
    return {
      imported: null,
      plan: null,
      planError: null,
      async start() {
        for (const item of [importedChainItem, settingsItem, latestVixCurveItem, manualVixCurveItem])
          stops.push((item as { watch: (cb: () => void) => () => void }).watch(() => void run()));
        await run();
      },
      dispose() {
        for (const s of stops.splice(0)) s();
      },
    };
  });
}
