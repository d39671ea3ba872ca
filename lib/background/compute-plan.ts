import type { Settings } from '../engine/settings-types';
import type { ChainSnapshot, VixCurveSnapshot } from '../engine/snapshot-types';

/** Runs the engine for one tab's inputs. Never throws: a failure comes back as its reason. */
export async function computePlanForTab(
  _chain: ChainSnapshot,
  _vixCurve: VixCurveSnapshot | null,
  _settings: Settings,
  _now: Date,
): Promise<{ plan: unknown } | { error: string }> {
  return { error: 'The ALVH engine is not wired in yet.' };
}
