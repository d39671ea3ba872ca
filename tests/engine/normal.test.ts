/**
 * erfc and the normal quantile against mpmath (tests/fixtures/engine/black-reference.json,
 * made by make_black_reference.py at 60–400 digits).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { erfc, erfcx } from '../../lib/engine/math/erfc';
import { normCdf, normQuantile } from '../../lib/engine/math/normal';

const table = JSON.parse(
  readFileSync(new URL('../fixtures/engine/black-reference.json', import.meta.url), 'utf8'),
) as {
  erfc: { x: number; erfc: string }[];
  normQuantile: { p: number; quantile: string }[];
};

describe('erfc', () => {
  it.each(table.erfc.map((r) => [r.x, r.erfc] as const))('erfc(%d) to 4e-16 relative', (x, ref) => {
    expect(Math.abs(erfc(x) / Number(ref) - 1)).toBeLessThanOrEqual(4e-16 * (1 + x * x));
  });

  it('erfcx(x)·e^{−x²} equals erfc(x)', () => {
    for (const x of [-3, -0.3, 0.2, 1.5, 5, 20])
      expect(Math.abs((erfcx(x) * Math.exp(-x * x)) / erfc(x) - 1)).toBeLessThan(1e-14 * (1 + x * x));
  });
});

describe('normQuantile', () => {
  it.each(table.normQuantile.map((r) => [r.p, r.quantile] as const))(
    'Φ⁻¹(%d) to 1e-15 relative',
    (p, ref) => {
      const q = normQuantile(p);
      expect(Math.abs(q - Number(ref))).toBeLessThanOrEqual(1e-15 * Math.abs(Number(ref)) + 1e-16);
    },
  );

  it('inverts normCdf and names the edges', () => {
    expect(normQuantile(0)).toBe(Number.NEGATIVE_INFINITY);
    expect(normQuantile(1)).toBe(Number.POSITIVE_INFINITY);
    expect(normQuantile(1.5)).toBeNaN();
    expect(Math.abs(normCdf(normQuantile(0.3)) - 0.3)).toBeLessThan(1e-16);
  });
});
