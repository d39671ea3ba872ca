/**
 * Reads the plan the background stored (kept as `unknown` in TabState) with the plan schema.
 * A plan that fails it is reported by name and never rendered half-way.
 */
import type { Plan } from '../engine/plan-types';
import { planSchema } from '../schema/plan';

/** The plan, or a named reason why the stored value is not one (both null when none is stored). */
export function readPlan(raw: unknown): { plan: Plan; error: null } | { plan: null; error: string | null } {
  if (raw === null || raw === undefined) return { plan: null, error: null };
  const parsed = planSchema.safeParse(raw);
  if (parsed.success) return { plan: parsed.data, error: null };
  const issue = parsed.error.issues[0];
  return { plan: null, error: `${issue?.path.join('.') || 'plan'}: ${issue?.message ?? 'invalid'}` };
}
