/**
 * Weekly adjustment of the held Layer 1 condor, acting on the plan's own roll suggestions
 * (lib/engine/condor/rolls.ts via plan's `held` input). A roll of one side is two trades:
 * the tested vertical bought back (its legs reversed, so both settle against each other at
 * expiry and only the premiums remain), and a new vertical of the same width sold at the
 * suggested short strike in the suggested expiry. The held position the plan sees next week
 * is the net of all open condor trades; once its sides sit in two expiries (a roll out in
 * time) it is no longer one condor, so no further roll is checked for it.
 */
import type { HeldCondor } from '../engine/condor/rolls';
import { OPTION_MULTIPLIER } from '../engine/market/contracts';
import type { RollSuggestion } from '../engine/plan-types';
import { fillPrice } from './settle';
import type { HeldLeg, Trade } from './types';

/** Net contracts by expiry, side and strike over the open condor trades (zeros dropped). */
function netLegs(
  trades: readonly Trade[],
): Map<string, { expiry: string; kind: 'call' | 'put'; strike: number; n: number }> {
  const net = new Map<string, { expiry: string; kind: 'call' | 'put'; strike: number; n: number }>();
  for (const t of trades)
    for (const l of t.legs) {
      const key = `${t.expiry}|${l.kind}|${l.strike}`;
      const cur = net.get(key) ?? { expiry: t.expiry, kind: l.kind, strike: l.strike, n: 0 };
      cur.n += l.contracts;
      net.set(key, cur);
    }
  for (const [k, v] of net) if (v.n === 0) net.delete(k);
  return net;
}

/**
 * The open condor trades as the plan's HeldCondor: one expiry, long put < short put <
 * short call < long call, equal counts; credit = net premium received so far per share
 * (rolls included). Null when the net position is not one such condor.
 */
export function heldCondorOf(trades: readonly Trade[]): HeldCondor | null {
  const legs = [...netLegs(trades).values()];
  if (legs.length !== 4) return null;
  const expiry = legs[0]?.expiry;
  if (!expiry || legs.some((l) => l.expiry !== expiry)) return null;
  const puts = legs.filter((l) => l.kind === 'put').sort((a, b) => a.strike - b.strike);
  const calls = legs.filter((l) => l.kind === 'call').sort((a, b) => a.strike - b.strike);
  const [lp, sp] = puts;
  const [sc, lc] = calls;
  if (!lp || !sp || !sc || !lc) return null;
  const n = lp.n;
  if (!(n > 0) || sp.n !== -n || sc.n !== -n || lc.n !== n || !(sp.strike < sc.strike)) return null;
  const premium = trades.reduce((s, t) => s + t.premiumUsd, 0);
  return {
    expiry,
    longPut: lp.strike,
    shortPut: sp.strike,
    shortCall: sc.strike,
    longCall: lc.strike,
    credit: premium / (OPTION_MULTIPLIER * n),
    contracts: n,
  };
}

/**
 * The two sets of legs of one side's roll: `close` reverses the held vertical (buy the short
 * back, sell the long), `open` sells the new short at `roll.toStrike` with its long the same
 * width further out. Prices are model mids from `midOf(expiry, kind, strike)` with slippage.
 * Null for a "hold" or a suggestion without a strike or expiry.
 */
export function rollLegs(
  held: HeldCondor,
  roll: RollSuggestion,
  midOf: (expiry: string, kind: 'call' | 'put', strike: number) => number,
  slippage: number,
): { close: HeldLeg[]; open: HeldLeg[]; toExpiry: string } | null {
  if (roll.action === 'hold' || roll.toStrike === null || roll.toExpiry === null) return null;
  const kind = roll.leg;
  const n = held.contracts;
  const [short, long] = kind === 'put' ? [held.shortPut, held.longPut] : [held.shortCall, held.longCall];
  const width = Math.abs(short - long);
  const newShort = roll.toStrike;
  const newLong = kind === 'put' ? newShort - width : newShort + width;
  if (newShort === short && roll.toExpiry === held.expiry) return null;
  const leg = (expiry: string, strike: number, contracts: number): HeldLeg => ({
    kind,
    strike,
    contracts,
    fill: fillPrice(midOf(expiry, kind, strike), contracts, slippage),
  });
  return {
    close: [leg(held.expiry, short, n), leg(held.expiry, long, -n)],
    open: [leg(roll.toExpiry, newShort, -n), leg(roll.toExpiry, newLong, n)],
    toExpiry: roll.toExpiry,
  };
}
