/**
 * Yahoo Finance v7 options JSON people save (`/v7/finance/options/<symbol>`):
 * optionChain.result[0] with expirationDates (epoch seconds), quote (regularMarketPrice,
 * regularMarketTime) and options[] of { expirationDate, calls[], puts[] }, each contract with
 * contractSymbol (OCC), strike, bid, ask, lastPrice, volume, openInterest, impliedVolatility
 * (a fraction), expiration (epoch seconds at 00:00 UTC of the expiry date), contractSize.
 * Expiry, strike and side come from the contract symbol and must agree with the rest.
 */
import * as z from 'zod/mini';
import { ChainBuilder } from '../build';
import { parseOcc } from '../dom';
import type { ReadResult } from '../types';
import { settleEquityPm } from './roots';

const LABEL = 'Yahoo Finance options JSON';
const num = z.optional(z.nullable(z.number()));

export const yahooOptionsSchema = z.object({
  optionChain: z.object({
    result: z
      .array(
        z.object({
          underlyingSymbol: z.optional(z.string().check(z.maxLength(32))),
          expirationDates: z.optional(z.array(z.number()).check(z.maxLength(1000))),
          quote: z.optional(
            z.object({
              regularMarketPrice: num,
              regularMarketTime: num,
              symbol: z.optional(z.string()),
              quoteType: z.optional(z.string()),
            }),
          ),
          options: z.array(
            z.object({ calls: z.optional(z.array(z.unknown())), puts: z.optional(z.array(z.unknown())) }),
          ),
        }),
      )
      .check(z.minLength(1)),
  }),
});

const contractSchema = z.object({
  contractSymbol: z.string().check(z.maxLength(40)),
  strike: num,
  bid: num,
  ask: num,
  lastPrice: num,
  volume: num,
  openInterest: num,
  impliedVolatility: num,
  expiration: num,
  contractSize: z.optional(z.string()),
});

const epochDay = (s: number | null | undefined) =>
  typeof s === 'number' && Number.isFinite(s) ? new Date(s * 1000).toISOString().slice(0, 10) : null;

function readContract(raw: unknown, side: 'call' | 'put', builder: ChainBuilder): void {
  const c = contractSchema.safeParse(raw);
  if (!c.success) {
    builder.drop('option-invalid');
    return;
  }
  const o = c.data;
  if (o.contractSize && o.contractSize !== 'REGULAR') {
    builder.drop('non-standard-deliverable');
    return;
  }
  const occ = parseOcc(o.contractSymbol);
  if (!occ) {
    builder.drop('symbol-unreadable');
    return;
  }
  const exp = epochDay(o.expiration);
  if (
    occ.side !== side ||
    (o.strike != null && o.strike !== occ.strike) ||
    (exp !== null && exp !== occ.expiry)
  ) {
    builder.drop('symbol-mismatch');
    return;
  }
  builder.add(occ.expiry, occ.root, occ.strike, side, {
    bid: o.bid ?? null,
    ask: o.ask ?? null,
    last: o.lastPrice ?? null,
    volume: o.volume ?? null,
    openInterest: o.openInterest ?? null,
    iv: o.impliedVolatility ?? null,
    delta: null,
  });
}

/** Reads a saved v7 options response; a failure with reason layout-changed when the shape is not this. */
export function readYahooOptionsJson(json: unknown, url: string, now: string): ReadResult {
  const parsed = yahooOptionsSchema.safeParse(json);
  if (!parsed.success) {
    return {
      ok: false,
      reader: 'yahoo-json',
      failure: {
        reason: 'layout-changed',
        detail: `${LABEL}: not in the expected shape (optionChain.result[])`,
      },
    };
  }
  const result = parsed.data.optionChain.result[0];
  const builder = new ChainBuilder();
  for (const group of result?.options ?? []) {
    for (const raw of group.calls ?? []) readContract(raw, 'call', builder);
    for (const raw of group.puts ?? []) readContract(raw, 'put', builder);
  }
  const t = result?.quote?.regularMarketTime;
  const price = result?.quote?.regularMarketPrice ?? null;
  const snap = builder.finish({
    reader: 'yahoo-json',
    url,
    readAt: now,
    symbol: (result?.underlyingSymbol ?? result?.quote?.symbol ?? '').replace(/^\^/, ''),
    price: price !== null && price > 0 ? price : null,
    quoteTime: typeof t === 'number' && t > 946_684_800 ? new Date(t * 1000).toISOString() : null,
    expiriesListed: result?.expirationDates?.length ?? 0,
  });
  if (snap.expiries.length === 0) {
    const drops = snap.dropped.map((d) => `${d.count} ${d.reason}`).join(', ');
    return {
      ok: false,
      reader: 'yahoo-json',
      failure: {
        reason: 'no-rows',
        detail: `${LABEL}: no readable contract${drops ? ` (dropped: ${drops})` : ''}`,
      },
    };
  }
  const type = result?.quote?.quoteType;
  settleEquityPm(snap, type === 'EQUITY' || type === 'ETF', null);
  return { ok: true, reader: 'yahoo-json', snapshots: [snap] };
}
