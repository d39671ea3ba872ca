/**
 * Reads the plan the background stored (kept as `unknown` in TabState). A structural check
 * until lib/schema/plan.ts lands; either way a plan that does not look like a Plan is
 * reported by name and never rendered half-way.
 */
import type { Plan } from '../engine/plan-types';

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isLayer(v: unknown): boolean {
  return (
    isObject(v) &&
    (v.status === 'suggested' || v.status === 'on' || v.status === 'off') &&
    typeof v.reason === 'string' &&
    Array.isArray(v.why)
  );
}

/** The plan, or a named reason why the stored value is not one. */
export function readPlan(raw: unknown): { plan: Plan; error: null } | { plan: null; error: string | null } {
  if (raw === null || raw === undefined) return { plan: null, error: null };
  if (!isObject(raw)) return { plan: null, error: 'stored plan is not an object' };
  if (typeof raw.asOf !== 'string') return { plan: null, error: 'stored plan has no asOf' };
  if (!isObject(raw.underlying)) return { plan: null, error: 'stored plan has no underlying' };
  for (const key of ['condor', 'hedge', 'press', 'signals'] as const)
    if (!isLayer(raw[key])) return { plan: null, error: `stored plan: layer "${key}" is malformed` };
  for (const key of ['events', 'parity', 'warnings'] as const)
    if (!Array.isArray(raw[key])) return { plan: null, error: `stored plan: "${key}" is not a list` };
  return { plan: raw as unknown as Plan, error: null };
}
