/**
 * The held-condor form as typed: text drafts in, a validated HeldCondor or field messages
 * out. Strikes in index points, credit in points per share, contracts a whole count.
 */
import type { HeldCondor } from '../engine/condor/rolls';
import type { CondorCandidate } from '../engine/plan-types';
import { heldCondorSchema } from '../schema/plan';

export const HELD_FIELDS = [
  'expiry',
  'longPut',
  'shortPut',
  'shortCall',
  'longCall',
  'credit',
  'contracts',
] as const;
export type HeldField = (typeof HELD_FIELDS)[number];
export type HeldDrafts = Record<HeldField, string>;

/** Field messages by field name; `strikes` holds the strike-order message. */
export type HeldErrors = Partial<Record<HeldField | 'strikes', string>>;

export const EMPTY_DRAFTS: HeldDrafts = {
  expiry: '',
  longPut: '',
  shortPut: '',
  shortCall: '',
  longCall: '',
  credit: '',
  contracts: '',
};

/** The drafts showing a stored held condor (empty drafts for none). */
export function draftsOfHeld(held: HeldCondor | null): HeldDrafts {
  if (!held) return EMPTY_DRAFTS;
  return {
    expiry: held.expiry,
    longPut: String(held.longPut),
    shortPut: String(held.shortPut),
    shortCall: String(held.shortCall),
    longCall: String(held.longCall),
    credit: String(held.credit),
    contracts: String(held.contracts),
  };
}

/** The drafts for the engine's suggested condor (credit at mid, points per share). */
export function draftsOfCandidate(c: CondorCandidate): HeldDrafts {
  return {
    expiry: c.expiry,
    longPut: String(c.legs.longPut.strike),
    shortPut: String(c.legs.shortPut.strike),
    shortCall: String(c.legs.shortCall.strike),
    longCall: String(c.legs.longCall.strike),
    credit: String(+c.creditMid.toFixed(2)),
    contracts: String(c.contracts),
  };
}

const NUMBER_MESSAGE: Record<Exclude<HeldField, 'expiry'>, string> = {
  longPut: 'Long put strike: a number of points above 0',
  shortPut: 'Short put strike: a number of points above 0',
  shortCall: 'Short call strike: a number of points above 0',
  longCall: 'Long call strike: a number of points above 0',
  credit: 'Credit: points per share, 0 or more',
  contracts: 'Contracts: a whole number, 1 or more',
};

function parseNumber(text: string): number | null {
  const t = text.trim().replace(/,/g, '');
  if (t === '') return null;
  const v = Number(t);
  return Number.isFinite(v) ? v : null;
}

export type HeldParse = { ok: true; held: HeldCondor } | { ok: false; errors: HeldErrors };

/** Validates the drafts with the held-condor schema; each failure names its field. */
export function parseHeldDrafts(d: HeldDrafts): HeldParse {
  const errors: HeldErrors = {};
  const values: Record<string, number> = {};
  for (const f of HELD_FIELDS) {
    if (f === 'expiry') continue;
    const v = parseNumber(d[f]);
    if (v === null) errors[f] = NUMBER_MESSAGE[f];
    else values[f] = v;
  }
  if (d.expiry === '') errors.expiry = 'Choose the expiry of the condor you hold';
  // The schema also runs when some fields failed to parse, so every bad field is named at once.
  const parsed = heldCondorSchema.safeParse({ ...values, expiry: d.expiry });
  if (parsed.success && Object.keys(errors).length === 0) return { ok: true, held: parsed.data };
  if (parsed.success) return { ok: false, errors };
  for (const issue of parsed.error.issues) {
    const key = issue.path[0];
    if (typeof key === 'string' && (HELD_FIELDS as readonly string[]).includes(key)) {
      const field = key as HeldField;
      errors[field] ??= field === 'expiry' ? 'Expiry as YYYY-MM-DD' : NUMBER_MESSAGE[field];
    } else errors.strikes ??= `Not saved: ${issue.message}.`;
  }
  return { ok: false, errors };
}
