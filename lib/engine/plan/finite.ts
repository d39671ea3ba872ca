/**
 * Safety net for the Plan's promise of no NaN/Infinity: replaces any non-finite number in a
 * plain JSON-like value by 0 and returns the paths it replaced (the plan shows them as
 * warnings, so nothing is hidden). The modules are built not to produce any; tests assert
 * this list stays empty.
 */
export function replaceNonFinite(value: unknown, path = '$', found: string[] = []): string[] {
  if (Array.isArray(value)) {
    value.forEach((v, i) => {
      if (typeof v === 'number' && !Number.isFinite(v)) {
        value[i] = 0;
        found.push(`${path}[${i}]`);
      } else replaceNonFinite(v, `${path}[${i}]`, found);
    });
  } else if (value !== null && typeof value === 'object') {
    const rec = value as Record<string, unknown>;
    for (const [k, v] of Object.entries(rec)) {
      if (typeof v === 'number' && !Number.isFinite(v)) {
        rec[k] = 0;
        found.push(`${path}.${k}`);
      } else replaceNonFinite(v, `${path}.${k}`, found);
    }
  }
  return found;
}
