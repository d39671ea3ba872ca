/**
 * Data-quality flags raised on a built chain: zero bids, crossed markets, impossible broker
 * greeks. Flags describe; they never change numbers. Stale quotes are not judged here: the
 * age that matters is the one when figures are shown, against the user's setting and the
 * source's known delay (lib/engine/market/quote-staleness.ts, the one stale rule).
 */
import type { ChainExpiry, ChainRow, QualityFlag, Quote } from '../engine/snapshot-types';

/** Broker IV above this annualised fraction (1000 %) is not a real quote. */
const MAX_PLAUSIBLE_IV = 10;
/** Per-quote flags kept per kind; the rest are summarised in one flag. */
const MAX_FLAGS_PER_KIND = 200;

function quoteFlags(
  expiry: string,
  strike: number,
  side: 'call' | 'put',
  q: Quote,
  out: QualityFlag[],
): void {
  if (q.bid !== null && q.ask !== null && q.bid > q.ask) {
    out.push({ kind: 'crossed-market', expiry, strike, side, detail: `bid ${q.bid} above ask ${q.ask}` });
  }
  const d = q.delta;
  if (d !== null) {
    const wrongSign = side === 'call' ? d < 0 : d > 0;
    if (Math.abs(d) > 1 || wrongSign) {
      out.push({
        kind: 'impossible-broker-greek',
        expiry,
        strike,
        side,
        detail: `broker delta ${d} for a ${side}`,
      });
    }
  }
  if (q.iv !== null && (q.iv < 0 || q.iv > MAX_PLAUSIBLE_IV)) {
    out.push({
      kind: 'impossible-broker-greek',
      expiry,
      strike,
      side,
      detail: `broker IV ${q.iv} (fraction)`,
    });
  }
}

/**
 * The kinds qualityFlags derives from a chain's rows (and the live merge's own
 * `mixed-quote-times`): a merge of reads recomputes these on the merged rows. Every other kind
 * describes the read as a whole (quote time taken from the close, IV unit assumed) and is kept.
 */
export const ROW_FLAG_KINDS: ReadonlySet<QualityFlag['kind']> = new Set([
  'zero-bid',
  'crossed-market',
  'impossible-broker-greek',
  'mixed-quote-times',
]);

/**
 * Flags for a chain. Zero bids are summarised once per expiry (common far from the money and
 * off-hours); crossed markets and impossible greeks are listed per quote up to a cap.
 */
export function qualityFlags(expiries: readonly ChainExpiry[]): QualityFlag[] {
  const perQuote: QualityFlag[] = [];
  const out: QualityFlag[] = [];
  for (let i = 0; i < expiries.length; i++) {
    const e = expiries[i] as ChainExpiry;
    let zeroBids = 0;
    // Indexed loops, both sides written out: this runs on every live read over every quote of
    // the page, and a for…of here allocated an iterator result per row until V8 optimised it.
    const rows = e.rows;
    for (let j = 0; j < rows.length; j++) {
      const row = rows[j] as ChainRow;
      const call = row.call;
      if (call) {
        if (call.bid === 0) zeroBids++;
        quoteFlags(e.expiry, row.strike, 'call', call, perQuote);
      }
      const put = row.put;
      if (put) {
        if (put.bid === 0) zeroBids++;
        quoteFlags(e.expiry, row.strike, 'put', put, perQuote);
      }
    }
    if (zeroBids > 0) {
      out.push({
        kind: 'zero-bid',
        expiry: e.expiry,
        strike: null,
        side: null,
        detail: `${zeroBids} quote${zeroBids === 1 ? '' : 's'} with a zero bid`,
      });
    }
  }
  const counts = new Map<string, number>();
  for (const f of perQuote) {
    const n = (counts.get(f.kind) ?? 0) + 1;
    counts.set(f.kind, n);
    if (n <= MAX_FLAGS_PER_KIND) out.push(f);
  }
  for (const [kind, n] of counts) {
    if (n > MAX_FLAGS_PER_KIND) {
      out.push({
        kind: kind as QualityFlag['kind'],
        expiry: null,
        strike: null,
        side: null,
        detail: `${n - MAX_FLAGS_PER_KIND} more ${kind} quotes not listed`,
      });
    }
  }
  return out;
}

/**
 * Flag lists known to be a read's chain-wide flags (none of a row kind) followed by exactly
 * `qualityFlags` of the expiries they are paired with here. A live merge of a read that keeps
 * no older rows would derive those row flags again from the same rows: with this pairing it
 * takes the read's list as it is (merge.ts). Keyed by the arrays themselves, so a snapshot whose
 * flags or expiries were replaced is simply not known.
 */
const derivedFrom = new WeakMap<readonly QualityFlag[], readonly ChainExpiry[]>();

/** A read's flags: its chain-wide ones, then the row flags of `expiries` (recorded as such). */
export function chainFlags(raised: readonly QualityFlag[], expiries: readonly ChainExpiry[]): QualityFlag[] {
  const flags = [...raised, ...qualityFlags(expiries)];
  if (!raised.some((f) => ROW_FLAG_KINDS.has(f.kind))) derivedFrom.set(flags, expiries);
  return flags;
}

/** True when `flags` is {@link chainFlags} of exactly `expiries` (or a faithful copy: see below). */
export function flagsDerivedFrom(flags: readonly QualityFlag[], expiries: readonly ChainExpiry[]): boolean {
  return derivedFrom.get(flags) === expiries;
}

/**
 * Records that `copy` (flags and expiries) holds the same values as `original`, which had
 * {@link chainFlags}' pairing (validation's parsed copy of a read: schema parsing changes no value).
 */
export function keepFlagsDerivation(
  original: { flags: readonly QualityFlag[]; expiries: readonly ChainExpiry[] },
  copy: { flags: readonly QualityFlag[]; expiries: readonly ChainExpiry[] },
): void {
  if (flagsDerivedFrom(original.flags, original.expiries)) derivedFrom.set(copy.flags, copy.expiries);
}
