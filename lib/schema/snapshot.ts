/**
 * Snapshot schemas: the one shape every reader returns, checked at each boundary.
 * Written with zod/mini (same checks as classic zod, a fraction of the bundle) because the
 * content script carries them into every supported page.
 */
import * as z from 'zod/mini';
import type { ChainSnapshot, ReadFailure, Snapshot, VixCurveSnapshot } from '../engine/snapshot-types';

/** Hard caps so a hostile or broken page cannot flood a message or storage. */
export const MAX_EXPIRIES = 200;
export const MAX_ROWS_PER_EXPIRY = 5_000;
export const MAX_FUTURES = 24;

// zod 4 numbers reject NaN and ±Infinity, so every number here is finite.
const num = z.nullable(z.number());
const positive = () => z.number().check(z.positive());
const count = () => z.int().check(z.nonnegative());
const text = (max: number) => z.string().check(z.maxLength(max));
const isoDate = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD'));

export const quoteSchema = z.object({
  bid: num,
  ask: num,
  last: num,
  volume: num,
  openInterest: num,
  iv: num,
  delta: num,
});

export const chainRowSchema = z.object({
  strike: positive(),
  call: z.nullable(quoteSchema),
  put: z.nullable(quoteSchema),
});

const sourceSchema = z.object({
  reader: z.string().check(z.minLength(1), z.maxLength(64)),
  url: text(4_000),
  readAt: text(64),
});

const flagKinds = [
  'zero-bid',
  'crossed-market',
  'stale-quote',
  'impossible-broker-greek',
  'mixed-quote-times',
  'quote-time-from-close',
  'iv-unit-assumed',
] as const;

export const chainSnapshotSchema = z.object({
  kind: z.literal('option-chain'),
  source: sourceSchema,
  underlying: z.object({ symbol: text(32), price: num }),
  quoteTime: z.nullable(text(64)),
  expiries: z
    .array(
      z.object({
        expiry: isoDate,
        root: z.nullable(text(16)),
        settlement: z.nullable(z.enum(['AM', 'PM'])),
        rows: z.array(chainRowSchema).check(z.maxLength(MAX_ROWS_PER_EXPIRY)),
      }),
    )
    .check(z.maxLength(MAX_EXPIRIES)),
  coverage: z.object({
    expiriesListed: count(),
    expiriesRead: count(),
    rowsRead: count(),
    note: z.nullable(text(2_000)),
  }),
  dropped: z
    .array(z.object({ reason: text(64), count: z.int().check(z.positive()) }))
    .check(z.maxLength(100)),
  flags: z
    .array(
      z.object({
        kind: z.enum(flagKinds),
        expiry: z.nullable(isoDate),
        strike: num,
        side: z.nullable(z.enum(['call', 'put'])),
        detail: text(2_000),
      }),
    )
    .check(z.maxLength(5_000)),
}) satisfies z.ZodMiniType<ChainSnapshot>;

export const vixCurveSnapshotSchema = z.object({
  kind: z.literal('vix-curve'),
  source: sourceSchema,
  spot: z.nullable(positive()),
  indices: z.object({
    VIX9D: z.optional(positive()),
    VIX3M: z.optional(positive()),
    VIX6M: z.optional(positive()),
  }),
  futures: z
    .array(z.object({ expiry: isoDate, symbol: z.nullable(text(16)), price: positive() }))
    .check(z.maxLength(MAX_FUTURES)),
}) satisfies z.ZodMiniType<VixCurveSnapshot>;

export const snapshotSchema = z.discriminatedUnion('kind', [
  chainSnapshotSchema,
  vixCurveSnapshotSchema,
]) satisfies z.ZodMiniType<Snapshot>;

export const readFailureSchema = z.object({
  reason: z.enum([
    'not-a-chain',
    'layout-changed',
    'no-rows',
    'unsupported-page',
    'reader-error',
    'too-large',
  ]),
  detail: text(2_000),
}) satisfies z.ZodMiniType<ReadFailure>;
