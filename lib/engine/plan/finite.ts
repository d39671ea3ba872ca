import type { Layer, Plan } from '../plan-types';

/**
 * "Unknown is not zero": paths of every non-finite number (NaN, ±Infinity) in a plain
 * JSON-like value, without changing it.
 */
export function nonFinitePaths(value: unknown, path = '$', found: string[] = []): string[] {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) found.push(path);
  } else if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) nonFinitePaths(v, `${path}[${i}]`, found);
  } else if (value !== null && typeof value === 'object')
    for (const [k, v] of Object.entries(value as Record<string, unknown>))
      nonFinitePaths(v, `${path}.${k}`, found);
  return found;
}

const LAYERS = ['condor', 'hedge', 'press', 'signals'] as const;

function switchOff<T>(name: string, paths: string[]): Layer<T> {
  return {
    status: 'off',
    reason: `A figure of this layer could not be computed (${paths.slice(0, 3).join(', ')}${paths.length > 3 ? ', …' : ''} is not a finite number): layer off rather than shown with a made-up value.`,
    why: [
      {
        rule: 'non-finite',
        text: `${name}: ${paths.length} figure(s) came out as NaN or infinity.`,
        inputs: { count: paths.length, first: paths[0] ?? null },
      },
    ],
    figures: null,
  };
}

/**
 * The Plan's promise of no NaN/Infinity, kept without inventing numbers: a layer holding a
 * non-finite figure is switched off with the reason (never a 0 in its place); an unknown
 * underlying price or forward becomes null; a parity flag or left-out quote with one is
 * dropped. Returns a warning per repair (empty when the plan was finite, which the modules
 * are built to ensure and the tests assert).
 */
export function guardNonFinite(plan: Plan): string[] {
  const warnings: string[] = [];
  for (const name of LAYERS) {
    const paths = nonFinitePaths(plan[name], `$.${name}`);
    if (paths.length === 0) continue;
    // Off layers carry figures null, valid for every layer's figure type.
    (plan as unknown as Record<string, Layer<unknown>>)[name] = switchOff(name, paths);
    warnings.push(`Internal: ${name} switched off, non-finite at ${paths.slice(0, 3).join(', ')}.`);
  }
  for (const key of ['price', 'forward'] as const) {
    const v = plan.underlying[key];
    if (v !== null && !Number.isFinite(v)) {
      plan.underlying[key] = null;
      warnings.push(`Internal: underlying ${key} is not a finite number: shown as unknown.`);
    }
  }
  const parity = plan.parity.filter((f) => nonFinitePaths(f).length === 0);
  if (parity.length < plan.parity.length)
    warnings.push(
      `Internal: ${plan.parity.length - parity.length} parity flag(s) with a non-finite edge dropped.`,
    );
  plan.parity = parity;
  plan.quotesLeftOut = plan.quotesLeftOut.filter((q) => nonFinitePaths(q).length === 0);
  if (plan.clock.quoteAgeMinutes !== null && !Number.isFinite(plan.clock.quoteAgeMinutes))
    plan.clock.quoteAgeMinutes = null;
  const rest = nonFinitePaths({ ...plan, condor: null, hedge: null, press: null, signals: null });
  if (rest.length > 0) warnings.push(`Internal: non-finite values left at ${rest.join(', ')}.`);
  return warnings;
}
