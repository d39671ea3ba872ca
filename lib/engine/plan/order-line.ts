/**
 * Orders a trader can paste: a thinkorswim-style order line per suggested position and the
 * legs as OCC symbols with signed quantities.
 *
 * Order line grammar (thinkorswim's order description, as its Order Entry and fills print it):
 *   SIDE QTY [STRATEGY] UNDERLYING MULTIPLIER [(Weeklys)] D MON YY STRIKES TYPES @PRICE LMT
 * e.g. "SELL -3 IRON CONDOR SPX 100 (Weeklys) 9 FEB 24 4590/4620/4810/4840 PUT/CALL @14.50 LMT":
 * the quantity carries its sign (− sold, + bought); SPXW (PM-settled weeklies and end-of-month)
 * trade on the SPX underlying with the "(Weeklys)" tag, SPX monthlies (AM) without it; strikes
 * of an iron condor run long put/short put/short call/long call with "PUT/CALL"; a price below
 * 1 drops its leading zero ("@.85"). Limit prices are rounded to the 0.05 complex-order tick.
 *
 * Units: strikes index points; prices points per share; quantities contracts per leg.
 */
import { occSymbol } from '../condor/occ';
import type { CondorCandidate, HedgeFigures, LegFigures, Plan } from '../plan-types';

/** Minimum price increment of SPX/VIX complex (spread) orders, points. */
export const COMPLEX_ORDER_TICK = 0.05;

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];

/** Underlying and weekly tag per option root (thinkorswim lists SPXW/VIXW as "(Weeklys)"). */
const ROOTS: Record<string, { underlying: string; weekly: boolean }> = {
  SPX: { underlying: 'SPX', weekly: false },
  SPXW: { underlying: 'SPX', weekly: true },
  VIX: { underlying: 'VIX', weekly: false },
  VIXW: { underlying: 'VIX', weekly: true },
  XSP: { underlying: 'XSP', weekly: false },
  NDX: { underlying: 'NDX', weekly: false },
  NDXP: { underlying: 'NDX', weekly: true },
  RUT: { underlying: 'RUT', weekly: false },
  RUTW: { underlying: 'RUT', weekly: true },
};

/** One leg as an OCC symbol with its signed quantity (− sold, + bought). */
export interface OccLeg {
  symbol: string;
  quantity: number;
}

export type OrderTicket =
  | {
      ok: true;
      /** thinkorswim-style order line. */
      line: string;
      /** Limit price used in the line, points per share (credit for a sold condor, debit for bought calls). */
      limitPrice: number;
      legs: OccLeg[];
    }
  | { ok: false; reason: string };

/** "9 FEB 24" for 2024-02-09; null when the date is not YYYY-MM-DD. */
export function tosDate(expiry: string): string | null {
  const m = /^\d{2}(\d{2})-(\d{2})-(\d{2})$/.exec(expiry);
  if (!m) return null;
  const month = MONTHS[Number(m[2]) - 1];
  return month ? `${Number(m[3])} ${month} ${m[1]}` : null;
}

/** A strike as thinkorswim prints it: "4620", "4592.5". */
export function tosStrike(strike: number): string {
  return String(Number(strike.toFixed(3)));
}

/** A price as thinkorswim prints it: "14.50", ".85". */
export function tosPrice(price: number): string {
  const text = price.toFixed(2);
  return text.startsWith('0.') ? text.slice(1) : text;
}

/** Nearest multiple of the complex-order tick, points. */
export function roundToTick(price: number, tick = COMPLEX_ORDER_TICK): number {
  return Number((Math.round(price / tick) * tick).toFixed(2));
}

function contractOf(root: string | null): { underlying: string; weekly: boolean } | string {
  if (root === null)
    return "the page did not show the option root (SPX or SPXW), so the contract can't be named";
  return ROOTS[root.toUpperCase()] ?? `no thinkorswim name known for the root ${root}`;
}

function occLegs(legs: LegFigures[], expiry: string, root: string, contracts: number): OccLeg[] | string {
  const out: OccLeg[] = [];
  for (const leg of legs) {
    const symbol = leg.occSymbol ?? occSymbol(leg.root ?? root, expiry, leg.side, leg.strike);
    if (!symbol) return `no OCC symbol for the ${leg.strike} ${leg.side}`;
    out.push({ symbol, quantity: leg.action === 'sell' ? -contracts : contracts });
  }
  return out;
}

/** The order of a suggested iron condor, sold at its mid credit rounded to the tick. */
export function condorOrder(c: CondorCandidate): OrderTicket {
  if (!(c.contracts > 0)) return { ok: false, reason: 'no contract fits the risk limits' };
  const contract = contractOf(c.root);
  if (typeof contract === 'string') return { ok: false, reason: contract };
  const date = tosDate(c.expiry);
  if (!date) return { ok: false, reason: `unreadable expiry ${c.expiry}` };
  const { longPut, shortPut, shortCall, longCall } = c.legs;
  const legs = occLegs([longPut, shortPut, shortCall, longCall], c.expiry, c.root ?? '', c.contracts);
  if (typeof legs === 'string') return { ok: false, reason: legs };
  const limitPrice = roundToTick(c.creditMid);
  if (!(limitPrice > 0)) return { ok: false, reason: 'the credit rounds to nothing' };
  const strikes = [longPut, shortPut, shortCall, longCall].map((l) => tosStrike(l.strike)).join('/');
  const line = [
    `SELL -${c.contracts} IRON CONDOR ${contract.underlying} 100`,
    contract.weekly ? '(Weeklys)' : null,
    `${date} ${strikes} PUT/CALL @${tosPrice(limitPrice)} LMT`,
  ]
    .filter((p) => p !== null)
    .join(' ');
  return { ok: true, line, limitPrice, legs };
}

/**
 * The order of a VIX call hedge (monthly VIX options, bought at the price the plan paid,
 * rounded to the tick). VIX futures hedges have no option line: null reason says so.
 */
export function hedgeOrder(h: HedgeFigures, root = 'VIX'): OrderTicket {
  if (h.instrument !== 'vix-call' || h.strike === null)
    return { ok: false, reason: 'a VIX futures hedge is entered on the futures ticket' };
  if (!(h.contracts > 0)) return { ok: false, reason: 'no contract fits the hedge budget' };
  const contract = contractOf(root);
  if (typeof contract === 'string') return { ok: false, reason: contract };
  const date = tosDate(h.expiry);
  const symbol = occSymbol(root, h.expiry, 'call', h.strike);
  if (!date || !symbol) return { ok: false, reason: `unreadable expiry ${h.expiry}` };
  const limitPrice = roundToTick(h.price);
  const line = [
    `BUY +${h.contracts} ${contract.underlying} 100`,
    contract.weekly ? '(Weeklys)' : null,
    `${date} ${tosStrike(h.strike)} CALL @${tosPrice(limitPrice)} LMT`,
  ]
    .filter((p) => p !== null)
    .join(' ');
  return { ok: true, line, limitPrice, legs: [{ symbol, quantity: h.contracts }] };
}

/** "SPXW  240209P04590000 +3" lines, one per leg. */
export function occList(legs: OccLeg[]): string {
  return legs.map((l) => `${l.quantity > 0 ? '+' : ''}${l.quantity} ${l.symbol}`).join('\n');
}

/** The orders of a plan: Layer 1's best condor and Layer 2's hedge, when each is suggested. */
export function planOrders(p: Plan): { condor: OrderTicket | null; hedge: OrderTicket | null } {
  const best = p.condor.figures?.best ?? null;
  const hedge = p.hedge.status !== 'off' ? (p.hedge.figures?.hedge ?? null) : null;
  return { condor: best ? condorOrder(best) : null, hedge: hedge ? hedgeOrder(hedge) : null };
}
