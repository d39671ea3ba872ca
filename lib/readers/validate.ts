/**
 * Schema validation of a read snapshot (nothing that fails the schema leaves a reader), with
 * pause points for a sliced read and a memo for live re-reads: a quote the layout froze
 * (row-memo.ts keeps it across reads) is checked against the quote schema once; later reads
 * that hand in the same frozen quote take its checked copy and check only the row's strike
 * (a strike number the schema accepted once is remembered too).
 * A frozen object cannot change, so the check's answer cannot either: the result is exactly
 * `snapshotSchema.safeParse`'s for both kinds of snapshot (an unknown kind, which no reader
 * makes, is refused with its own message).
 */
import type { ChainRow, ChainSnapshot, Quote, Snapshot } from '../engine/snapshot-types';
import { chainRowSchema, MAX_ROWS_PER_EXPIRY, plainChainRow, snapshotSchemaOf } from '../schema/snapshot';
import { keepFlagsDerivation } from './quality';
import type { Steps } from './scan';

/** Chain rows validated between pause points. */
const VALIDATE_STEP = 256;

export type Validated = { ok: true; data: Snapshot } | { ok: false; path: string; message: string };

/** Frozen quote → its checked copy (frozen too: it is shared by the reads that hand it in). */
const checkedQuotes = new WeakMap<object, Quote>();
/**
 * Strikes the row schema accepted (its strike check depends on the number alone), so a row of
 * kept quotes costs a set lookup; emptied when it grows past {@link MAX_CHECKED_STRIKES}.
 */
const checkedStrikes = new Set<number>();
const MAX_CHECKED_STRIKES = 50_000;

/** The whole snapshot against its kind's schema (what snapshotSchema's union picks). */
function whole(snapshot: Snapshot): Validated {
  const kind: unknown = snapshot.kind;
  const schema = snapshotSchemaOf(kind);
  if (!schema) return { ok: false, path: 'kind', message: `unknown snapshot kind ${JSON.stringify(kind)}` };
  const parsed = schema.safeParse(snapshot);
  if (parsed.success) return { ok: true, data: parsed.data as Snapshot };
  const issue = parsed.error.issues[0];
  return { ok: false, path: issue?.path.join('.') ?? '', message: issue?.message ?? '' };
}

/** A side's checked quote: null for null, the memo's copy for a frozen quote seen before, else undefined. */
function checkedQuote(q: unknown): Quote | null | undefined {
  if (q === null) return null;
  return typeof q === 'object' && Object.isFrozen(q) ? checkedQuotes.get(q) : undefined;
}

function remember(q: unknown, parsed: Quote | null): void {
  if (parsed && q !== null && typeof q === 'object' && Object.isFrozen(q))
    checkedQuotes.set(q, Object.freeze(parsed));
}

/** Frozen row → its checked copy (frozen): the builder hands in a live page's unchanged rows again. */
const checkedRows = new WeakMap<object, unknown>();

/** One chain row through `chainRowSchema`, its quotes from the memo when it has them; null when invalid. */
function checkRow(row: unknown): unknown | null {
  if (row !== null && typeof row === 'object' && Object.isFrozen(row)) {
    const known = checkedRows.get(row);
    if (known) return known;
    const checked = checkFreshRow(row);
    if (checked !== null && typeof checked === 'object') checkedRows.set(row, Object.freeze(checked));
    return checked;
  }
  return checkFreshRow(row);
}

function checkFreshRow(row: unknown): unknown | null {
  if (row !== null && typeof row === 'object') {
    const r = row as { strike?: unknown; call?: unknown; put?: unknown };
    const call = checkedQuote(r.call);
    const put = checkedQuote(r.put);
    if (call !== undefined && put !== undefined) {
      if (typeof r.strike === 'number' && checkedStrikes.has(r.strike))
        return { strike: r.strike, call, put };
      const shell = chainRowSchema.safeParse({ strike: r.strike, call: null, put: null });
      if (!shell.success) return null;
      if (checkedStrikes.size >= MAX_CHECKED_STRIKES) checkedStrikes.clear();
      checkedStrikes.add(shell.data.strike);
      return { strike: shell.data.strike, call, put };
    }
    const parsed = parseRow(row);
    if (parsed === null) return null;
    remember(r.call, parsed.call);
    remember(r.put, parsed.put);
    return parsed;
  }
  return parseRow(row);
}

/** `chainRowSchema.safeParse`'s data, or null when it fails (its plain fast path first). */
function parseRow(row: unknown): ChainRow | null {
  const plain = plainChainRow(row);
  if (plain) return plain;
  const parsed = chainRowSchema.safeParse(row);
  return parsed.success ? parsed.data : null;
}

/**
 * `snapshotSchema.safeParse` with pause points: a chain's rows are checked a few hundred at a
 * time, then the rest of the snapshot without them. Any problem (or too many rows) is
 * re-checked in one piece, so the first issue reported is exactly the whole parse's.
 */
export function* validateSteps(snapshot: Snapshot): Steps<Validated> {
  if (snapshot.kind !== 'option-chain' || !Array.isArray(snapshot.expiries)) return whole(snapshot);
  const parsedRows = rowsLikeBefore(snapshot) ?? [];
  if (parsedRows.length === 0) {
    for (const e of snapshot.expiries) {
      const rows: unknown = (e as { rows?: unknown } | null)?.rows;
      if (!Array.isArray(rows) || rows.length > MAX_ROWS_PER_EXPIRY) return whole(snapshot);
      const out: unknown[] = [];
      for (let i = 0; i < rows.length; i++) {
        const row = checkRow(rows[i]);
        if (row === null) return whole(snapshot);
        out.push(row);
        if ((i + 1) % VALIDATE_STEP === 0) yield;
      }
      parsedRows.push(out);
    }
  }
  const shell = whole({ ...snapshot, expiries: snapshot.expiries.map((e) => ({ ...e, rows: [] })) });
  if (!shell.ok || shell.data.kind !== 'option-chain') return whole(snapshot);
  shell.data.expiries.forEach((e, i) => {
    e.rows = parsedRows[i] as typeof e.rows;
  });
  // The parsed copy holds the read's values: its flags are still derived from its rows.
  keepFlagsDerivation(snapshot, shell.data);
  checkedChains.set(snapshot, parsedRows);
  return shell;
}

/** A chain's checked rows by expiry, for the chains validated whole (see {@link rowsReplaced}). */
const checkedChains = new WeakMap<ChainSnapshot, readonly (readonly unknown[])[]>();
/** Chains made from an earlier one by replacing some rows: the earlier one and the replaced places. */
const replacements = new WeakMap<ChainSnapshot, { base: ChainSnapshot; places: readonly RowPlace[] }>();

/** A row's place in a chain: expiry index, row index. */
export type RowPlace = readonly [expiry: number, row: number];

/**
 * Records that `next` is `base` with the rows at `places` replaced and every other row the very
 * same object at the same place (chain-patch.ts): validating `next` after `base` checks only the
 * replaced rows and takes the others' checked copies from `base`'s validation.
 */
export function rowsReplaced(next: ChainSnapshot, base: ChainSnapshot, places: readonly RowPlace[]): void {
  replacements.set(next, { base, places });
}

/**
 * Checked rows of a chain recorded by {@link rowsReplaced} whose base was validated: the base's,
 * with the replaced rows checked afresh; null when it was not, or a replaced row fails (the
 * caller then checks every row, and reports the failure as the whole parse would).
 */
function rowsLikeBefore(snapshot: ChainSnapshot): unknown[][] | null {
  const r = replacements.get(snapshot);
  const before = r ? checkedChains.get(r.base) : undefined;
  if (!r || !before || before.length !== snapshot.expiries.length) return null;
  const out = before.slice() as unknown[][];
  const copied = new Set<number>();
  for (const [e, i] of r.places) {
    const rows = snapshot.expiries[e]?.rows;
    const was = out[e];
    if (!rows || !was || rows.length !== was.length) return null;
    const row = checkRow(rows[i]);
    if (row === null) return null;
    if (!copied.has(e)) {
      copied.add(e);
      out[e] = was.slice();
    }
    (out[e] as unknown[])[i] = row;
  }
  return out;
}
