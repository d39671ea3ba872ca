/**
 * Barchart grid rows as the page holds them (bc-data-grid's page-world property, same
 * records as Barchart's core-api JSON): display strings like "21,370.00C", "0.05s", "N/A",
 * "unch". Each row parsed with zod; numbers parsed from the display text.
 */
import * as z from 'zod/mini';
import { isPlainObject } from '../../schema/snapshot';
import { ChainBuilder } from '../build';
import { parseCount } from '../cell-number';
import { findDate, parseNumber, parseVolFraction } from '../dom';
import { urlExpiry } from '../extract';
import { urlSymbol } from '../page-info';
import { runSteps, type Steps } from '../scan';
import type { ReadResult } from '../types';
import { MAX_GRID_ROWS } from './protocol';

const cell = z.optional(z.nullable(z.union([z.string().check(z.maxLength(64)), z.number()])));

const barchartRowSchema = z.object({
  strike: cell,
  strikePrice: cell,
  bidPrice: cell,
  askPrice: cell,
  lastPrice: cell,
  volume: cell,
  openInterest: cell,
  volatility: cell,
  impliedVolatility: cell,
  delta: cell,
  optionType: cell,
  expirationDate: cell,
  symbol: cell,
});

/** A plain object whose every value is a list of at most MAX_GRID_ROWS rows. */
function isRowGroups(v: unknown): v is Record<string, unknown[]> {
  if (typeof v !== 'object' || v === null || !isPlainObject(v)) return false;
  for (const rows of Object.values(v)) if (!Array.isArray(rows) || rows.length > MAX_GRID_ROWS) return false;
  return true;
}

/**
 * The row lists of a grid payload: a flat list of rows, or Barchart's grouped
 * {Call: [...], Put: [...]} object, bare or under `data`; null for any other shape. Checked by
 * hand (each row is then parsed with zod): z.record, the schema for this shape, would bring
 * over half a kilobyte of zod into the content script, whose size has a budget.
 */
function rowListsOf(json: unknown): unknown[][] | null {
  if (Array.isArray(json)) return json.length <= MAX_GRID_ROWS ? [json] : null;
  if (typeof json !== 'object' || json === null) return null;
  const data: unknown = (json as { data?: unknown }).data;
  if (isRowGroups(data)) return Object.values(data);
  return isRowGroups(json) ? Object.values(json) : null;
}

const LABEL = 'Barchart';

function text(v: string | number | null | undefined): string {
  return v === null || v === undefined ? '' : String(v);
}

/**
 * Maps Barchart grid rows to a snapshot. Expiry from each row's expirationDate, else from
 * the page URL (`?expiration=2026-12-17-w`); rows with neither are dropped as "expiry-unknown".
 */
export function readBarchartRows(json: unknown, url: string, now: string): ReadResult {
  return runSteps(readBarchartSteps(json, url, now));
}

/** Rows mapped between pause points of a sliced read. */
const STEP = 500;

/** {@link readBarchartRows} with pause points every few hundred rows (sliced read). */
export function* readBarchartSteps(json: unknown, url: string, now: string): Steps<ReadResult> {
  const groups = rowListsOf(json);
  if (!groups) {
    return {
      ok: false,
      reader: 'barchart',
      failure: { reason: 'layout-changed', detail: `${LABEL}: grid data not in the expected shape` },
    };
  }
  const builder = new ChainBuilder();
  const pageExpiry = urlExpiry(url, ['expiration']);
  let n = 0;
  for (const raw of groups.flat().slice(0, MAX_GRID_ROWS)) {
    if (++n % STEP === 0) yield;
    const r = barchartRowSchema.safeParse(raw);
    if (!r.success) {
      builder.drop('row-invalid');
      continue;
    }
    const row = r.data;
    const strikeText = text(row.strike ?? row.strikePrice);
    // Barchart writes the side after the strike ("21,370.00C").
    const strike = parseNumber(strikeText.replace(/[CP]$/i, ''));
    const type =
      text(row.optionType).toLowerCase() ||
      (/[cp]$/i.test(strikeText) ? strikeText.slice(-1).toLowerCase() : '');
    const side = type.startsWith('c') ? 'call' : type.startsWith('p') ? 'put' : null;
    if (strike === null) {
      builder.drop('strike-unreadable');
      continue;
    }
    if (!side) {
      builder.drop('side-unknown');
      continue;
    }
    const expiry = findDate(text(row.expirationDate)) ?? pageExpiry;
    if (!expiry) {
      builder.drop('expiry-unknown');
      continue;
    }
    builder.add(expiry, null, strike, side, {
      bid: parseNumber(text(row.bidPrice)),
      ask: parseNumber(text(row.askPrice)),
      last: parseNumber(text(row.lastPrice)),
      volume: parseCount(text(row.volume)),
      openInterest: parseCount(text(row.openInterest)),
      iv: parseVolFraction(text(row.volatility ?? row.impliedVolatility), false),
      delta: parseNumber(text(row.delta)),
    });
  }
  if (builder.rowCount() === 0) {
    return {
      ok: false,
      reader: 'barchart',
      failure: {
        reason: 'no-rows',
        detail:
          !pageExpiry && groups.flat().length > 0
            ? `${LABEL}: grid rows carry no expiration date and the page URL has none (expected ?expiration=YYYY-MM-DD)`
            : `${LABEL}: grid data has no readable rows`,
      },
    };
  }
  return {
    ok: true,
    reader: 'barchart',
    snapshots: [
      builder.finish({
        reader: 'barchart',
        url,
        readAt: now,
        symbol: urlSymbol(url) ?? '',
        price: null,
        quoteTime: null,
      }),
    ],
  };
}

/** Symbol for the snapshot from the page URL ("/quotes/$SPX/options" → "SPX"). */
export function barchartSymbol(url: string): string {
  return urlSymbol(url) ?? '';
}
