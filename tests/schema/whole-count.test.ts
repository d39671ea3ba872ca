/**
 * wholeCount (lib/schema/snapshot.ts) stands in for `z.int().check(z.nonnegative())` in the schemas
 * the content script carries: same values taken, same first message, on any input.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import '../support/fast-check-seed';
import { wholeCount } from '../../lib/schema/snapshot';

const reference = z.int().check(z.nonnegative());
const positiveReference = z.int().check(z.positive());

function says(schema: z.ZodMiniType, v: unknown) {
  const r = schema.safeParse(v);
  return r.success ? { ok: true, data: r.data } : { ok: false, message: r.error.issues[0]?.message };
}

const anyInput = fc.oneof(
  fc.integer(),
  fc.nat(),
  fc.double(),
  fc.constantFrom(
    0,
    -0,
    1,
    2 ** 53 - 1,
    2 ** 53,
    2 ** 53 + 2,
    -(2 ** 53),
    1e21,
    0.5,
    Number.NaN,
    Infinity,
    -Infinity,
  ),
  fc.string(),
  fc.constantFrom(null, undefined, true, '3', [3], { n: 3 }),
);

describe('wholeCount', () => {
  it('takes and refuses what z.int().check(z.nonnegative()) does, with the same message', () => {
    fc.assert(
      fc.property(anyInput, (v) => {
        expect(says(wholeCount(), v)).toEqual(says(reference, v));
      }),
      { numRuns: 2_000 },
    );
  });

  it('with positive(), what z.int().check(z.positive()) does', () => {
    fc.assert(
      fc.property(anyInput, (v) => {
        expect(says(wholeCount().check(z.positive()), v)).toEqual(says(positiveReference, v));
      }),
      { numRuns: 2_000 },
    );
  });

  it('refuses fractions, negatives and numbers past 2^53 − 1', () => {
    for (const v of [1.5, -1, 2 ** 53, Number.NaN]) expect(wholeCount().safeParse(v).success).toBe(false);
    expect(wholeCount().safeParse(2 ** 53 - 1).success).toBe(true);
  });
});
