/**
 * Fills and settlement of held option legs. European, cash-settled: an SPX leg pays its
 * intrinsic value at the settlement price (AM: expiry day's open, PM: its close), a VIX call
 * its intrinsic value at the VX final settlement. Fills are at the model mid, worse by the
 * slippage per leg (sell lower, buy higher); commission per contract per leg on opening only.
 * Dollars = points per share × 100 (SPX and VIX option multiplier).
 */
import { OPTION_MULTIPLIER } from '../engine/market/contracts';
import type { HeldLeg } from './types';

/** Intrinsic value of one option at settlement price S, points per share. */
export function intrinsic(kind: 'call' | 'put', strike: number, settle: number): number {
  return kind === 'call' ? Math.max(0, settle - strike) : Math.max(0, strike - settle);
}

/** Fill price of a leg: mid − slippage when selling (contracts < 0), mid + slippage when buying, never below 0. */
export function fillPrice(mid: number, contracts: number, slippage: number): number {
  return Math.max(0, contracts < 0 ? mid - slippage : mid + slippage);
}

/** Premium received (+) or paid (−) for the legs at their fills, dollars. */
export function premiumUsd(legs: readonly HeldLeg[]): number {
  return -legs.reduce((s, l) => s + l.contracts * l.fill, 0) * OPTION_MULTIPLIER;
}

/** Commission of opening the legs, dollars. */
export function commissionUsd(legs: readonly HeldLeg[], perContract: number): number {
  return legs.reduce((s, l) => s + Math.abs(l.contracts), 0) * perContract;
}

/** Value of the legs at settlement price S, dollars (+ we receive, − we pay). */
export function settlementUsd(legs: readonly HeldLeg[], settle: number): number {
  return legs.reduce((s, l) => s + l.contracts * intrinsic(l.kind, l.strike, settle), 0) * OPTION_MULTIPLIER;
}

/** Value of the legs at model prices `priceOf(leg)` (points per share), dollars. */
export function markUsd(legs: readonly HeldLeg[], priceOf: (l: HeldLeg) => number): number {
  return legs.reduce((s, l) => s + l.contracts * priceOf(l), 0) * OPTION_MULTIPLIER;
}
