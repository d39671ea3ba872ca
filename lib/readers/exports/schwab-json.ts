/**
 * Schwab Trader API (and TD Ameritrade's older API) option chain JSON that people save from
 * `GET /marketdata/v1/chains`: callExpDateMap / putExpDateMap keyed "2024-02-09:5" (expiry:days)
 * then by strike "4620.0", each holding a list of contracts (putCall, symbol, bid, ask, last,
 * totalVolume, openInterest, volatility in percent, delta, strikePrice, quoteTimeInLong in
 * epoch milliseconds, settlementType, nonStandard). Greeks can be the string "NaN" and missing
 * figures -999: both read as not shown. Symbols are OCC ("SPXW  240209P04620000") or TD's
 * "SPY_021624C500"; expiry, strike and side must agree with the map keys.
 */
import * as z from 'zod/mini';
import type { Quote } from '../../engine/snapshot-types';
import { ChainBuilder } from '../build';
import { isoDate, parseOcc } from '../dom';
import type { ReadResult } from '../types';
import { settleEquityPm } from './roots';

const LABEL = 'Schwab/TD option chain JSON';
const value = z.optional(z.nullable(z.union([z.number(), z.string()])));
const expDateMap = z.record(z.string(), z.record(z.string(), z.array(z.unknown()).check(z.maxLength(50))));

export const schwabChainSchema = z.object({
  symbol: z.optional(z.string().check(z.maxLength(32))),
  isIndex: z.optional(z.nullable(z.boolean())),
  underlyingPrice: value,
  underlying: z.optional(z.nullable(z.object({ last: value, mark: value, quoteTime: value }))),
  callExpDateMap: expDateMap,
  putExpDateMap: expDateMap,
});

const contractSchema = z.object({
  putCall: z.optional(z.string()),
  symbol: z.string().check(z.maxLength(40)),
  bid: value,
  ask: value,
  last: value,
  totalVolume: value,
  openInterest: value,
  volatility: value,
  delta: value,
  strikePrice: value,
  quoteTimeInLong: value,
  nonStandard: z.optional(z.nullable(z.boolean())),
  mini: z.optional(z.nullable(z.boolean())),
});

/** A JSON number or numeric string; "NaN", -999 (Schwab's "not computed") and the rest → null. */
function num(v: number | string | null | undefined): number | null {
  const n = typeof v === 'string' ? Number(v) : v;
  return typeof n === 'number' && Number.isFinite(n) && n !== -999 ? n : null;
}

/** TD's "SPY_021624C500" (MMDDYY) → root/expiry/side/strike. */
function parseTdSymbol(text: string) {
  const m = /^([A-Z.]{1,6})_(\d{2})(\d{2})(\d{2})([CP])(\d+(?:\.\d+)?)$/.exec(text.trim());
  if (!m) return null;
  const expiry = isoDate(2000 + Number(m[4]), Number(m[2]), Number(m[3]));
  return expiry
    ? {
        root: m[1] as string,
        expiry,
        side: m[5] === 'C' ? ('call' as const) : ('put' as const),
        strike: Number(m[6]),
      }
    : null;
}

function readContract(
  raw: unknown,
  expiry: string,
  keyStrike: number,
  side: 'call' | 'put',
  builder: ChainBuilder,
  times: number[],
): void {
  const c = contractSchema.safeParse(raw);
  if (!c.success) {
    builder.drop('option-invalid');
    return;
  }
  const o = c.data;
  if (o.nonStandard || o.mini) {
    builder.drop('non-standard-deliverable');
    return;
  }
  const sym = parseOcc(o.symbol) ?? parseTdSymbol(o.symbol);
  const strike = num(o.strikePrice) ?? keyStrike;
  const putCall = o.putCall?.toUpperCase();
  if (
    !sym ||
    sym.expiry !== expiry ||
    sym.side !== side ||
    sym.strike !== strike ||
    strike !== keyStrike ||
    (putCall && putCall !== side.toUpperCase())
  ) {
    builder.drop(sym ? 'symbol-mismatch' : 'symbol-unreadable');
    return;
  }
  const vol = num(o.volatility);
  const q: Quote = {
    bid: num(o.bid),
    ask: num(o.ask),
    last: num(o.last),
    volume: num(o.totalVolume),
    openInterest: num(o.openInterest),
    // Schwab states volatility in percent (35.0 = 35 %).
    iv: vol === null ? null : Number((vol / 100).toPrecision(12)),
    delta: num(o.delta),
  };
  const t = num(o.quoteTimeInLong);
  if (t !== null && t > 946_684_800_000 && t < 4_102_444_800_000) times.push(t);
  builder.add(expiry, sym.root, strike, side, q);
}

/** Reads a saved chains response; a failure with reason layout-changed when the shape is not this. */
export function readSchwabChainJson(json: unknown, url: string, now: string): ReadResult {
  const parsed = schwabChainSchema.safeParse(json);
  if (!parsed.success) {
    return {
      ok: false,
      reader: 'schwab-json',
      failure: {
        reason: 'layout-changed',
        detail: `${LABEL}: not in the expected shape (callExpDateMap/putExpDateMap)`,
      },
    };
  }
  const chain = parsed.data;
  const builder = new ChainBuilder();
  const listed = new Set<string>();
  const times: number[] = [];
  for (const [side, map] of [
    ['call', chain.callExpDateMap],
    ['put', chain.putExpDateMap],
  ] as const) {
    for (const [key, strikes] of Object.entries(map)) {
      const m = /^(\d{4})-(\d{2})-(\d{2})(?::\d+)?$/.exec(key);
      const expiry = m ? isoDate(Number(m[1]), Number(m[2]), Number(m[3])) : null;
      for (const [strikeKey, contracts] of Object.entries(strikes)) {
        if (!expiry) {
          builder.drop('expiry-unknown', contracts.length);
          continue;
        }
        listed.add(expiry);
        const keyStrike = Number(strikeKey);
        for (const raw of contracts) readContract(raw, expiry, keyStrike, side, builder, times);
      }
    }
  }
  const underlyingTime = num(chain.underlying?.quoteTime);
  const quoteMs = times.length > 0 ? Math.max(...times) : underlyingTime;
  const price = num(chain.underlyingPrice) ?? num(chain.underlying?.last) ?? num(chain.underlying?.mark);
  const snap = builder.finish({
    reader: 'schwab-json',
    url,
    readAt: now,
    symbol: (chain.symbol ?? '').replace(/^\$/, '').replace(/\.X$/, ''),
    price: price !== null && price > 0 ? price : null,
    quoteTime: quoteMs ? new Date(quoteMs).toISOString() : null,
    expiriesListed: listed.size,
  });
  if (snap.expiries.length === 0) {
    const drops = snap.dropped.map((d) => `${d.count} ${d.reason}`).join(', ');
    return {
      ok: false,
      reader: 'schwab-json',
      failure: {
        reason: 'no-rows',
        detail: `${LABEL}: no readable contract${drops ? ` (dropped: ${drops})` : ''}`,
      },
    };
  }
  // Schwab says whether the underlying is an index; equity options settle on the close.
  settleEquityPm(snap, chain.isIndex === false, null);
  return { ok: true, reader: 'schwab-json', snapshots: [snap] };
}
