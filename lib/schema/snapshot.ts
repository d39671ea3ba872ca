import { z } from 'zod';
import type { ChainSnapshot, ReadFailure, Snapshot, VixCurveSnapshot } from '../engine/snapshot-types';

/** Hard caps so a hostile or broken page cannot flood a message or storage. */
export const MAX_EXPIRIES = 200;
export const MAX_ROWS_PER_EXPIRY = 5_000;
export const MAX_FUTURES = 24;

const finite = z.number().finite();
const num = finite.nullable();
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');
const shortText = z.string().max(2_000);

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
  strike: finite.positive(),
  call: quoteSchema.nullable(),
  put: quoteSchema.nullable(),
});

const sourceSchema = z.object({
  reader: z.string().min(1).max(64),
  url: z.string().max(4_000),
  readAt: z.string().max(64),
});

export const chainSnapshotSchema = z.object({
  kind: z.literal('option-chain'),
  source: sourceSchema,
  underlying: z.object({ symbol: z.string().max(32), price: num }),
  quoteTime: z.string().max(64).nullable(),
  expiries: z
    .array(
      z.object({
        expiry: isoDate,
        root: z.string().max(16).nullable(),
        settlement: z.enum(['AM', 'PM']).nullable(),
        rows: z.array(chainRowSchema).max(MAX_ROWS_PER_EXPIRY),
      }),
    )
    .max(MAX_EXPIRIES),
  coverage: z.object({
    expiriesListed: z.number().int().nonnegative(),
    expiriesRead: z.number().int().nonnegative(),
    rowsRead: z.number().int().nonnegative(),
    note: shortText.nullable(),
  }),
  dropped: z.array(z.object({ reason: z.string().max(64), count: z.number().int().positive() })).max(100),
  flags: z
    .array(
      z.object({
        kind: z.enum([
          'zero-bid',
          'crossed-market',
          'stale-quote',
          'impossible-broker-greek',
          'mixed-quote-times',
        ]),
        expiry: isoDate.nullable(),
        strike: finite.nullable(),
        side: z.enum(['call', 'put']).nullable(),
        detail: shortText,
      }),
    )
    .max(5_000),
}) satisfies z.ZodType<ChainSnapshot>;

export const vixCurveSnapshotSchema = z.object({
  kind: z.literal('vix-curve'),
  source: sourceSchema,
  spot: finite.positive().nullable(),
  indices: z.object({
    VIX9D: finite.positive().optional(),
    VIX3M: finite.positive().optional(),
    VIX6M: finite.positive().optional(),
  }),
  futures: z
    .array(z.object({ expiry: isoDate, symbol: z.string().max(16).nullable(), price: finite.positive() }))
    .max(MAX_FUTURES),
}) satisfies z.ZodType<VixCurveSnapshot>;

export const snapshotSchema = z.discriminatedUnion('kind', [
  chainSnapshotSchema,
  vixCurveSnapshotSchema,
]) satisfies z.ZodType<Snapshot>;

export const readFailureSchema = z.object({
  reason: z.enum([
    'not-a-chain',
    'layout-changed',
    'no-rows',
    'unsupported-page',
    'reader-error',
    'too-large',
  ]),
  detail: shortText,
}) satisfies z.ZodType<ReadFailure>;
