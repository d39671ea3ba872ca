/**
 * ChainBuilder: the one place readers put quotes into. It merges calls and puts by expiry and
 * strike, counts every dropped row with its reason, enforces the schema caps, sorts, and
 * stamps coverage and quality flags — so every reader's output has the same shape and rules.
 */
import { settlementInstant } from '../engine/market/expiry-time';
import { settlementForRoot } from '../engine/market/roots';
import type { ChainExpiry, ChainRow, ChainSnapshot, QualityFlag, Quote } from '../engine/snapshot-types';
import { MAX_EXPIRIES, MAX_ROWS_PER_EXPIRY } from '../schema/snapshot';
import { chainFlags } from './quality';
import { isIndexOptionName, quoteTimeRule } from './quote-time';
import { type RecordedRow, type RowRecords, recordRowElements, seriesRowKey } from './row-index';

/** A quote with every field null (side shown, nothing readable). */
export function emptyQuote(): Quote {
  return { bid: null, ask: null, last: null, volume: null, openInterest: null, iv: null, delta: null };
}

/** True when every number of the quote is finite (nulls allowed); field by field, no array made. */
function allFinite(q: Quote): boolean {
  return (
    finiteOrNull(q.bid) &&
    finiteOrNull(q.ask) &&
    finiteOrNull(q.last) &&
    finiteOrNull(q.volume) &&
    finiteOrNull(q.openInterest) &&
    finiteOrNull(q.iv) &&
    finiteOrNull(q.delta)
  );
}

function finiteOrNull(v: number | null): boolean {
  return v === null || Number.isFinite(v);
}

/** True when a quote carries at least one number. */
export function hasAnyValue(q: Quote): boolean {
  return (
    q.bid !== null ||
    q.ask !== null ||
    q.last !== null ||
    q.volume !== null ||
    q.openInterest !== null ||
    q.iv !== null ||
    q.delta !== null
  );
}

interface ExpiryAcc {
  expiry: string;
  root: string | null;
  rows: Map<number, ChainRow>;
  /** This slot's entry in the recorded rows, once it has one. */
  recorded?: RowRecords extends Map<string, infer V> ? V : never;
}

export interface FinishArgs {
  reader: string;
  url: string;
  readAt: string;
  symbol: string;
  price: number | null;
  quoteTime: string | null;
  /** Expiries the page lists; defaults to the number read. */
  expiriesListed?: number;
  note?: string | null;
}

/**
 * Why the builder drops a quote on its numbers alone ("negative-price", "empty-quote",
 * "value-unreadable"), or null when it takes it.
 */
export function quoteDropReason(quote: Quote): string | null {
  if ((quote.bid ?? 0) < 0 || (quote.ask ?? 0) < 0 || (quote.last ?? 0) < 0) return 'negative-price';
  if (!hasAnyValue(quote)) return 'empty-quote';
  // One absurd cell (a 400-digit number reads as Infinity) drops its quote, not the page.
  if (!allFinite(quote)) return 'value-unreadable';
  return null;
}

/** Rows of earlier reads by their call (else put) quote, see {@link keptRow}. */
const rowsByQuote = new WeakMap<Quote, ChainRow>();

/**
 * The row an earlier read built for the same strike and the same quote objects, else this
 * one; either way frozen. A live page's re-read replays its unchanged rows' frozen quotes
 * (row-memo.ts), so its unchanged rows come out as the very same objects, and what follows
 * (validation, the live merge, the partial snapshot) can tell them unchanged by identity.
 */
export function keptRow(row: ChainRow): ChainRow {
  const key = row.call ?? row.put;
  // Only rows whose quotes cannot change (both frozen): a frozen row is trusted unchanged.
  if (!key || (row.call && !Object.isFrozen(row.call)) || (row.put && !Object.isFrozen(row.put))) return row;
  const kept = rowsByQuote.get(key);
  if (kept && kept.strike === row.strike && kept.call === row.call && kept.put === row.put) return kept;
  Object.freeze(row);
  rowsByQuote.set(key, row);
  return row;
}

export class ChainBuilder {
  readonly #expiries = new Map<string, ExpiryAcc>();
  readonly #drops = new Map<string, number>();
  readonly #chainFlags = new Map<string, QualityFlag>();
  /** Row element of each added quote (DOM readers), for the overlay (row-index.ts). */
  readonly #rowEls: RowRecords = new Map();
  /** The slot the last {@link slot} call returned. */
  #lastSlot: ExpiryAcc | null = null;

  /** Raises a chain-wide quality flag (kept once per kind and detail). */
  flag(kind: QualityFlag['kind'], detail: string): void {
    const key = `${kind}|${detail}`;
    if (this.#chainFlags.size < 50 && !this.#chainFlags.has(key))
      this.#chainFlags.set(key, {
        kind,
        expiry: null,
        strike: null,
        side: null,
        detail: detail.slice(0, 2_000),
      });
  }

  /** Counts `count` dropped rows under `reason` (short kebab-case, e.g. "strike-unreadable"). */
  drop(reason: string, count = 1): void {
    if (count > 0) this.#drops.set(reason, (this.#drops.get(reason) ?? 0) + count);
  }

  /**
   * Expiry slot for a date and option root. SPX (AM) and SPXW (PM) share third-Friday dates,
   * so the root is part of the key; a null root is its own slot.
   */
  #slot(expiry: string, root: string | null): ExpiryAcc | null {
    // Rows come expiry by expiry: the slot of the last add is usually this one.
    const last = this.#lastSlot;
    if (last && last.expiry === expiry && last.root === root) return last;
    const key = `${expiry}|${root ?? ''}`;
    let acc = this.#expiries.get(key);
    if (!acc) {
      if (this.#expiries.size >= MAX_EXPIRIES) return null;
      acc = { expiry, root, rows: new Map() };
      this.#expiries.set(key, acc);
    }
    this.#lastSlot = acc;
    return acc;
  }

  /**
   * Adds one side of one strike. A second quote for the same expiry/strike/side is dropped as
   * "duplicate-strike" (the first one seen wins). A quote with no numbers is dropped as "empty-quote";
   * a negative strike, bid, ask or last (a misread sign, never a price) drops the quote as
   * "negative-strike" / "negative-price". `rowEl`: the page row it was read from, if any, with
   * its strike cell's text.
   */
  add(
    expiry: string,
    root: string | null,
    strike: number,
    side: 'call' | 'put',
    quote: Quote,
    rowEl: RecordedRow | null = null,
  ): void {
    if (strike < 0) {
      this.drop('negative-strike');
      return;
    }
    if (!(strike > 0) || !Number.isFinite(strike)) {
      this.drop('strike-unreadable');
      return;
    }
    const refused = quoteDropReason(quote);
    if (refused) {
      this.drop(refused);
      return;
    }
    const acc = this.#slot(expiry, root);
    if (!acc) {
      this.drop('too-many-expiries');
      return;
    }
    let row = acc.rows.get(strike);
    if (!row) {
      if (acc.rows.size >= MAX_ROWS_PER_EXPIRY) {
        this.drop('too-many-rows');
        return;
      }
      row = { strike, call: null, put: null };
      acc.rows.set(strike, row);
    }
    if (row[side]) {
      this.drop('duplicate-strike');
      return;
    }
    row[side] = quote;
    if (rowEl) this.#recordRow(acc, strike, side, rowEl);
  }

  #recordRow(acc: ExpiryAcc, strike: number, side: 'call' | 'put', rowEl: RecordedRow): void {
    let series = acc.recorded;
    if (!series) {
      const key = seriesRowKey(acc.expiry, acc.root);
      series = this.#rowEls.get(key) ?? { expiry: acc.expiry, strikes: new Map() };
      this.#rowEls.set(key, series);
      acc.recorded = series;
    }
    const sides = series.strikes.get(strike);
    if (sides) sides[side] = rowEl;
    else series.strikes.set(strike, side === 'call' ? { call: rowEl } : { put: rowEl });
  }

  /** The chain-wide flags raised so far (after {@link finish}: the snapshot's flags before its quality flags). */
  raisedFlags(): QualityFlag[] {
    return [...this.#chainFlags.values()];
  }

  /** The page rows recorded for the quotes added (what {@link finish} puts in the row index). */
  rowRecords(): RowRecords {
    return this.#rowEls;
  }

  /** Quotes dropped so far under `reason`. */
  dropCount(reason: string): number {
    return this.#drops.get(reason) ?? 0;
  }

  /** Number of strike rows held so far (all expiries). */
  rowCount(): number {
    let n = 0;
    for (const acc of this.#expiries.values()) n += acc.rows.size;
    return n;
  }

  /**
   * Builds the snapshot: expiries by date, rows by strike, empty expiries left out. A quote stamp
   * outside the session becomes the last session's close (quote-time.ts, flagged
   * `quote-time-from-close`), and expiries settled at or before the quote time are dropped as
   * "expired" (one count per quote).
   */
  finish(args: FinishArgs): ChainSnapshot {
    const index =
      isIndexOptionName(args.symbol) || [...this.#expiries.values()].some((a) => isIndexOptionName(a.root));
    const rule = args.quoteTime ? quoteTimeRule(args.quoteTime, index) : null;
    const quoteTime = rule ? rule.quoteTime : args.quoteTime;
    if (rule?.fromClose) this.flag('quote-time-from-close', rule.detail);
    const quoteMs = quoteTime ? Date.parse(quoteTime) : Number.NaN;
    const expiries: ChainExpiry[] = [];
    const ordered = [...this.#expiries.values()].sort((a, b) =>
      a.expiry === b.expiry ? (a.root ?? '').localeCompare(b.root ?? '') : a.expiry < b.expiry ? -1 : 1,
    );
    for (const acc of ordered) {
      if (acc.rows.size === 0) continue;
      const rows = [...acc.rows.values()].sort((a, b) => a.strike - b.strike).map(keptRow);
      const settlement = settlementForRoot(acc.root);
      const settles = settlementInstant(acc.expiry, acc.root, settlement);
      if (settles && settles.instantMs <= quoteMs) {
        this.drop(
          'expired',
          rows.reduce((n, r) => n + (r.call ? 1 : 0) + (r.put ? 1 : 0), 0),
        );
        continue;
      }
      expiries.push({ expiry: acc.expiry, root: acc.root, settlement, rows });
    }
    recordRowElements(this.#rowEls, args.readAt);
    const rowsRead = expiries.reduce((n, e) => n + e.rows.length, 0);
    const listed = Math.max(args.expiriesListed ?? 0, expiries.length);
    return {
      kind: 'option-chain',
      source: { reader: args.reader, url: args.url.slice(0, 4_000), readAt: args.readAt },
      underlying: { symbol: args.symbol.slice(0, 32), price: args.price },
      quoteTime,
      expiries,
      coverage: { expiriesListed: listed, expiriesRead: expiries.length, rowsRead, note: args.note ?? null },
      dropped: [...this.#drops].map(([reason, count]) => ({ reason, count })).slice(0, 100),
      flags: chainFlags([...this.#chainFlags.values()], expiries),
    };
  }
}
