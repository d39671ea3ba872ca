/**
 * Snapshot schemas: the one shape every reader returns, checked at each boundary.
 * Written with zod/mini (same checks as classic zod, a fraction of the bundle) because the
 * content script carries them into every supported page.
 */
import * as z from 'zod/mini';
import type {
  ChainRow,
  ChainSnapshot,
  Quote,
  ReadFailure,
  Snapshot,
  VixCurveSnapshot,
} from '../engine/snapshot-types';

/** Hard caps so a hostile or broken page cannot flood a message or storage. */
export const MAX_EXPIRIES = 200;
export const MAX_ROWS_PER_EXPIRY = 5_000;
export const MAX_FUTURES = 24;

// zod 4 numbers reject NaN and ±Infinity, so every number here is finite.
const num = z.nullable(z.number());
const positive = () => z.number().check(z.positive());
/**
 * A whole number from 0 to 2^53 − 1: exactly what `z.int().check(z.nonnegative())` takes, with the
 * same message (zod/mini says "Invalid input" for every failure: no locale is loaded), without
 * `z.int()`, which brings zod's number formats (~200 B gzipped) into the content script, whose
 * size has a budget. tests/schema/whole-count.test.ts compares the two on any input.
 */
export const wholeCount = () => z.number().check(z.refine(Number.isSafeInteger), z.nonnegative());
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

const QUOTE_KEYS = ['bid', 'ask', 'last', 'volume', 'openInterest', 'iv', 'delta'] as const;

/** An object literal (or a null-prototype one): no array, no class instance, no inherited fields. */
export function isPlainObject(o: object): boolean {
  const proto = Object.getPrototypeOf(o);
  return proto === Object.prototype || proto === null;
}

/** A finite number or null: what `num` accepts. */
function isNum(v: unknown): v is number | null {
  return v === null || (typeof v === 'number' && Number.isFinite(v));
}

/** `quoteSchema`'s output for a plain object every field of which it accepts, else undefined. */
function plainQuote(q: unknown): Quote | null | undefined {
  if (q === null) return null;
  if (typeof q !== 'object' || !isPlainObject(q)) return undefined;
  const r = q as Record<string, unknown>;
  const out = {} as Record<string, number | null>;
  for (const key of QUOTE_KEYS) {
    const v = r[key];
    if (!isNum(v)) return undefined;
    out[key] = v;
  }
  return out as unknown as Quote;
}

/**
 * `chainRowSchema.safeParse(row).data` without the schema machinery, for the common case: a
 * plain object whose strike and quotes the schema accepts (the same copy, unknown keys left
 * out). Undefined for anything else, including every row the schema rejects: the caller then
 * runs the schema, whose issue is the one reported. A reader's 2,000-row read checks each row;
 * through zod that cost a fifth of the read. tests/readers/validate.test.ts compares the two
 * on arbitrary input.
 */
export function plainChainRow(row: unknown): ChainRow | undefined {
  if (row === null || typeof row !== 'object' || !isPlainObject(row)) return undefined;
  const r = row as Record<string, unknown>;
  const strike = r.strike;
  if (typeof strike !== 'number' || !Number.isFinite(strike) || !(strike > 0)) return undefined;
  const call = plainQuote(r.call);
  if (call === undefined) return undefined;
  const put = plainQuote(r.put);
  if (put === undefined) return undefined;
  return { strike, call, put };
}

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
    expiriesListed: wholeCount(),
    expiriesRead: wholeCount(),
    rowsRead: wholeCount(),
    note: z.nullable(text(2_000)),
  }),
  dropped: z
    .array(z.object({ reason: text(64), count: wholeCount().check(z.positive()) }))
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

/**
 * The schema {@link snapshotSchema} picks for a snapshot of this `kind`, or null for any other
 * kind. For the content script (validate.ts): the discriminated union itself would bring half a
 * kilobyte of zod into it, whose size has a budget.
 */
export function snapshotSchemaOf(
  kind: unknown,
): typeof chainSnapshotSchema | typeof vixCurveSnapshotSchema | null {
  return kind === 'option-chain' ? chainSnapshotSchema : kind === 'vix-curve' ? vixCurveSnapshotSchema : null;
}

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
