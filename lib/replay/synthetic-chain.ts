/**
 * The synthetic chains of a decision day, in the snapshot shape page readers hand the engine:
 * - SPX: 5-point strikes, weekly PM (SPXW) expiries on the last session of each week and the
 *   AM monthly (SPX) on the third Friday (or the session before it), out to 60 days; Black-76
 *   on a forward equal to the close (rates and dividends taken as cancelling: r − q = 0,
 *   discount 1) with the VIX-level smile of ./skew.ts; quotes at model mid ± a half-spread.
 * - VIX: calls and puts on each listed VX future (1-point strikes), Black-76 on that day's VX
 *   settle with a flat vol of VVIX/100.
 * - VIX curve: that day's real VX settles and the VIX close.
 */
import { black76Price, settlementInstant, thirdFriday, yearsToExpiry } from '../engine';
import type { ChainExpiry, ChainRow, ChainSnapshot, Quote, VixCurveSnapshot } from '../engine/snapshot-types';
import { addDays, type DayMarket, type MarketIndex } from './market';
import { atmVol, modelVol, type SkewParams } from './skew';

export const MAX_EXPIRY_DAYS = 60;
export const STRIKE_STEP = 5;
/** Strikes span ± this many ATM standard deviations (at least ±3 %). */
const STRIKE_SIGMAS = 3.5;
/** VIX expiries listed: the hedge uses the first one settling after the condor (≤ 45 + ~35 days). */
const VIX_MAX_EXPIRY_DAYS = 120;

export interface ListedExpiry {
  expiry: string;
  root: 'SPX' | 'SPXW';
  settlement: 'AM' | 'PM';
}

/** 15:45 New York time on `date` (the plan runs just before the close, on closing prices). */
export function decisionInstant(date: string): string {
  const close = settlementInstant(date, 'SPXW', 'PM');
  if (!close) throw new Error(`bad date ${date}`);
  return new Date(close.instantMs - 15 * 60_000).toISOString();
}

/** SPX expiries listed on `date`: one per later week within MAX_EXPIRY_DAYS, whose sessions the file holds. */
export function listedExpiries(ix: MarketIndex, date: string): ListedExpiry[] {
  const last = addDays(date, MAX_EXPIRY_DAYS);
  const start = ix.sessionAt.get(date);
  if (start === undefined) return [];
  const out: ListedExpiry[] = [];
  for (let i = start + 1; i < ix.sessions.length; i++) {
    const s = ix.sessions[i]?.date as string;
    if (s > last) break;
    const fri = ix.weekOf[i] as string;
    if (i + 1 < ix.sessions.length && ix.weekOf[i + 1] === fri) continue;
    // The file's last session ends a week only if it is the Friday: the file may stop mid-week.
    if (i + 1 === ix.sessions.length && s !== fri) break;
    const monthly = fri === thirdFriday(Number(fri.slice(0, 4)), Number(fri.slice(5, 7)));
    out.push(
      monthly ? { expiry: s, root: 'SPX', settlement: 'AM' } : { expiry: s, root: 'SPXW', settlement: 'PM' },
    );
  }
  return out;
}

function quote(mid: number, half: number): Quote {
  return {
    bid: Math.max(0, mid - half),
    ask: mid + half,
    last: null,
    volume: null,
    openInterest: null,
    iv: null,
    delta: null,
  };
}

/** Model mid of an SPX option (points per share) on a day's market, T from `now`. */
export function spxModelPrice(
  kind: 'call' | 'put',
  spx: number,
  vix: number,
  strike: number,
  tYears: number,
  p: SkewParams,
): number {
  return black76Price(kind, spx, strike, tYears, 1, modelVol(p, vix, spx, strike, tYears)) ?? 0;
}

/** Model mid of a VIX option on VX future `future` with VVIX `vvix` (points per share). */
export function vixModelPrice(
  kind: 'call' | 'put',
  future: number,
  vvix: number,
  strike: number,
  tYears: number,
): number {
  return black76Price(kind, future, strike, tYears, 1, vvix / 100) ?? 0;
}

function source(now: string, what: string) {
  return { reader: 'replay-model', url: `model:${what}`, readAt: now };
}

export function spxChain(
  m: DayMarket,
  expiries: readonly ListedExpiry[],
  p: SkewParams,
  halfSpread: number,
  now: string,
): ChainSnapshot {
  const F = m.spxClose;
  const sa = atmVol(p, m.vix);
  const out: ChainExpiry[] = [];
  let rowsRead = 0;
  for (const e of expiries) {
    const t = yearsToExpiry(now, e.expiry, e.root, e.settlement);
    if (t === null || !(t > 0)) continue;
    const band = Math.max(0.03, STRIKE_SIGMAS * sa * Math.sqrt(t));
    const lo = Math.ceil((F * Math.exp(-band)) / STRIKE_STEP) * STRIKE_STEP;
    const hi = Math.floor((F * Math.exp(band)) / STRIKE_STEP) * STRIKE_STEP;
    const rows: ChainRow[] = [];
    for (let k = lo; k <= hi; k += STRIKE_STEP) {
      rows.push({
        strike: k,
        call: quote(spxModelPrice('call', F, m.vix, k, t, p), halfSpread),
        put: quote(spxModelPrice('put', F, m.vix, k, t, p), halfSpread),
      });
    }
    rowsRead += rows.length;
    out.push({ expiry: e.expiry, root: e.root, settlement: e.settlement, rows });
  }
  return {
    kind: 'option-chain',
    source: source(now, 'spx-black76-vix-skew'),
    underlying: { symbol: 'SPX', price: F },
    quoteTime: now,
    expiries: out,
    coverage: { expiriesListed: out.length, expiriesRead: out.length, rowsRead, note: null },
    dropped: [],
    flags: [],
  };
}

export function vixCurve(m: DayMarket, now: string): VixCurveSnapshot {
  return {
    kind: 'vix-curve',
    source: source(now, 'cboe-vx-settles'),
    spot: m.vix,
    indices: {},
    futures: m.curve.map((f) => ({ expiry: f.expiry, symbol: null, price: f.price })),
  };
}

export function vixChain(m: DayMarket, halfSpread: number, now: string): ChainSnapshot {
  const out: ChainExpiry[] = [];
  let rowsRead = 0;
  for (const f of m.curve) {
    const t = yearsToExpiry(now, f.expiry, 'VIX', null);
    if (t === null || !(t > 0) || t * 365 > VIX_MAX_EXPIRY_DAYS) continue;
    const rows: ChainRow[] = [];
    const hi = Math.ceil(Math.max(f.price, m.vix) + 40);
    for (let k = Math.max(1, Math.floor(f.price * 0.5)); k <= hi; k++) {
      rows.push({
        strike: k,
        call: quote(vixModelPrice('call', f.price, m.vvix, k, t), halfSpread),
        put: quote(vixModelPrice('put', f.price, m.vvix, k, t), halfSpread),
      });
    }
    rowsRead += rows.length;
    out.push({ expiry: f.expiry, root: 'VIX', settlement: 'AM', rows });
  }
  return {
    kind: 'option-chain',
    source: source(now, 'vix-black76-vvix'),
    underlying: { symbol: 'VIX', price: m.vix },
    quoteTime: now,
    expiries: out,
    coverage: { expiriesListed: out.length, expiriesRead: out.length, rowsRead, note: null },
    dropped: [],
    flags: [],
  };
}
