/**
 * The normalised Black function where its two terms nearly cancel (small total vol, near
 * the money) against mpmath (tests/fixtures/engine/black-reference.json, 60 digits).
 * Tolerance: 8e-15 relative for |h| ≤ 2 (h = x/s), 3e-14 further out, where e^{−h²/2}
 * itself carries ~h²·ε of rounding.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { normalisedBlackOtm } from '../../lib/engine/pricing/normalised-black';

const table = JSON.parse(
  readFileSync(new URL('../fixtures/engine/black-reference.json', import.meta.url), 'utf8'),
) as {
  normalisedBlack: { x: number; s: number; b: string }[];
};

describe('normalisedBlackOtm near cancellation', () => {
  it.each(table.normalisedBlack.map((r) => [r.x, r.s, r.b] as const))('b(%d, %d)', (x, s, ref) => {
    const h = x / s;
    const tol = Math.abs(h) <= 2 ? 8e-15 : 3e-14;
    expect(Math.abs(normalisedBlackOtm(x, s) / Number(ref) - 1)).toBeLessThanOrEqual(tol);
  });
});
