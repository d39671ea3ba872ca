/**
 * Cboe delayed-quotes option-chain JSON (what www.cboe.com/delayed_quotes pages load from
 * cdn.cboe.com/api/global/delayed_quotes/options/_SPX.json): validated with zod, mapped to
 * a chain snapshot. Fields: data.options[] with OCC `option`, bid, ask, last_trade_price,
 * volume, open_interest, iv (fraction), delta; data.current_price; timestamp (Eastern).
 */
import * as z from 'zod/mini';
import { ChainBuilder } from '../build';
import { parseOcc } from '../dom';
import { easternStampToIso } from '../eastern-time';
import { underlyingForRoot } from '../page-info';
import { runSteps, type Steps } from '../scan';
import type { ReadResult } from '../types';

/** Options mapped between pause points of a sliced read. */
const STEP = 500;

const num = z.optional(z.nullable(z.number()));

const cboeOptionSchema = z.object({
  option: z.string().check(z.maxLength(40)),
  bid: num,
  ask: num,
  last_trade_price: num,
  volume: num,
  open_interest: num,
  iv: num,
  delta: num,
});

const cboeChainJsonSchema = z.object({
  timestamp: z.optional(z.string().check(z.maxLength(64))),
  data: z.object({
    symbol: z.optional(z.string().check(z.maxLength(32))),
    current_price: num,
    options: z.array(z.unknown()).check(z.maxLength(200_000)),
  }),
});

const LABEL = 'Cboe delayed quotes';

/**
 * Maps validated Cboe option-chain JSON to a snapshot. Options that fail their own schema
 * or carry no OCC symbol are counted as dropped, not guessed.
 * @param url page URL stamped in the snapshot; @param now ISO read instant.
 */
export function readCboeOptionsJson(json: unknown, url: string, now: string): ReadResult {
  return runSteps(readCboeOptionsSteps(json, url, now));
}

/** {@link readCboeOptionsJson} with pause points every few hundred options (sliced read). */
export function* readCboeOptionsSteps(json: unknown, url: string, now: string): Steps<ReadResult> {
  const parsed = cboeChainJsonSchema.safeParse(json);
  if (!parsed.success) {
    return {
      ok: false,
      reader: 'cboe',
      failure: {
        reason: 'layout-changed',
        detail: `${LABEL}: option-chain JSON is not in the expected shape (data.options[])`,
      },
    };
  }
  const builder = new ChainBuilder();
  let n = 0;
  for (const raw of parsed.data.data.options) {
    if (++n % STEP === 0) yield;
    const o = cboeOptionSchema.safeParse(raw);
    if (!o.success) {
      builder.drop('option-invalid');
      continue;
    }
    const occ = parseOcc(o.data.option);
    if (!occ) {
      builder.drop('symbol-unreadable');
      continue;
    }
    builder.add(occ.expiry, occ.root, occ.strike, occ.side, {
      bid: o.data.bid ?? null,
      ask: o.data.ask ?? null,
      last: o.data.last_trade_price ?? null,
      volume: o.data.volume ?? null,
      openInterest: o.data.open_interest ?? null,
      iv: o.data.iv ?? null,
      delta: o.data.delta ?? null,
    });
  }
  if (builder.rowCount() === 0) {
    return {
      ok: false,
      reader: 'cboe',
      failure: { reason: 'no-rows', detail: `${LABEL}: option-chain JSON has no readable options` },
    };
  }
  const snap = builder.finish({
    reader: 'cboe',
    url,
    readAt: now,
    symbol: '',
    price: parsed.data.data.current_price ?? null,
    quoteTime: parsed.data.timestamp ? easternStampToIso(parsed.data.timestamp) : null,
  });
  const root = snap.expiries.find((e) => e.root)?.root;
  const sym = (parsed.data.data.symbol ?? '').replace(/^[_^$]/, '');
  snap.underlying.symbol = sym || (root ? underlyingForRoot(root) : '');
  return { ok: true, reader: 'cboe', snapshots: [snap] };
}
