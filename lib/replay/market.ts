/**
 * The market of each decision day, from the parsed histories: SPX open and close, VIX, VVIX,
 * that day's real VX curve, the daily history the signals read (up to that day only), and the
 * settlement prices positions are closed at. Decision days: the last SPX session of each
 * Monday–Friday week (Friday, or the session before a Friday holiday).
 */
import type { DailyRecord } from '../engine/signals/history-types';
import type { ReplayHistories, SpxDay, VxSettle } from './types';

/** Sessions of daily history handed to plan() (signals need ~35; norms pool what is recorded). */
export const HISTORY_SESSIONS = 260;
/** F1→F2 gaps wider than this (a contract missing from the file) give no front spread. */
const MAX_F1_F2_GAP_DAYS = 40;
const DAY_MS = 86_400_000;

export interface DayMarket {
  date: string;
  spxOpen: number;
  spxClose: number;
  /** VIX close, points. */
  vix: number;
  /** VVIX close, points (VIX options' 30-day implied vol × 100). */
  vvix: number;
  /** Monthly VX futures live after this date, nearest first, settle prices in VIX points. */
  curve: { expiry: string; price: number }[];
}

export interface MarketIndex {
  sessions: SpxDay[];
  /** Position of each session date in `sessions`. */
  sessionAt: Map<string, number>;
  /** The Friday ending each session's week, aligned with `sessions`. */
  weekOf: string[];
  histories: ReplayHistories;
  /** VX settles by trade date, nearest expiry first. */
  vxByDate: Map<string, VxSettle[]>;
  /** Signals/norms history, one record per SPX session, aligned with `sessions`. */
  records: DailyRecord[];
}

/** Day of week of an ISO date, 0 = Sunday. */
export function weekday(date: string): number {
  return new Date(`${date}T12:00:00Z`).getUTCDay();
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T12:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** The Friday ending the Monday–Friday week of `date` (Saturday/Sunday belong to the week before). */
export function fridayOf(date: string): string {
  const wd = weekday(date);
  return addDays(date, wd === 6 ? -1 : wd === 0 ? -2 : 5 - wd);
}

export function buildIndex(h: ReplayHistories): MarketIndex {
  const vxByDate = new Map<string, VxSettle[]>();
  for (const s of h.vx) {
    const list = vxByDate.get(s.date) ?? [];
    list.push(s);
    vxByDate.set(s.date, list);
  }
  for (const list of vxByDate.values()) list.sort((a, b) => a.expiry.localeCompare(b.expiry));
  const sessionAt = new Map(h.spx.map((d, i) => [d.date, i] as const));
  const records: DailyRecord[] = h.spx.map((d) => ({
    date: d.date,
    spxClose: d.close,
    advances: null,
    declines: null,
    vixClose: h.vix.get(d.date) ?? null,
    vxFrontSpread: frontSpread(vxByDate.get(d.date) ?? [], d.date),
  }));
  const weekOf = h.spx.map((d) => fridayOf(d.date));
  return { sessions: h.spx, sessionAt, weekOf, histories: h, vxByDate, records };
}

function frontSpread(list: readonly VxSettle[], date: string): number | null {
  const live = list.filter((s) => s.expiry > date);
  const [f1, f2] = live;
  if (!f1 || !f2) return null;
  if ((Date.parse(f2.expiry) - Date.parse(f1.expiry)) / DAY_MS > MAX_F1_F2_GAP_DAYS) return null;
  return (f2.price - f1.price) / f1.price;
}

/** Last SPX session of each Monday–Friday week with a session in [from, to]. */
export function decisionDays(ix: MarketIndex, from: string, to: string): string[] {
  const out: string[] = [];
  for (const [i, d] of ix.sessions.entries()) {
    if (d.date < from || d.date > to) continue;
    if (i + 1 >= ix.sessions.length || ix.weekOf[i + 1] !== ix.weekOf[i]) out.push(d.date);
  }
  return out;
}

/** The market of one session, or the reason it cannot be built. */
export function dayMarket(ix: MarketIndex, date: string): DayMarket | { missing: string } {
  const i = ix.sessionAt.get(date);
  const spx = i === undefined ? undefined : ix.sessions[i];
  if (!spx) return { missing: 'no SPX session' };
  const vix = ix.histories.vix.get(date);
  if (vix === undefined) return { missing: 'no VIX close' };
  const vvix = ix.histories.vvix.get(date);
  if (vvix === undefined) return { missing: 'no VVIX close' };
  const curve = (ix.vxByDate.get(date) ?? [])
    .filter((s) => s.expiry > date)
    .map((s) => ({ expiry: s.expiry, price: s.price }));
  if (curve.length < 2) return { missing: 'fewer than two live VX futures' };
  return { date, spxOpen: spx.open, spxClose: spx.close, vix, vvix, curve };
}

/** Daily history up to and including `date` (never after it), at most HISTORY_SESSIONS. */
export function historyUpTo(ix: MarketIndex, date: string): DailyRecord[] {
  const i = ix.sessionAt.get(date);
  if (i === undefined) return [];
  return ix.records.slice(Math.max(0, i + 1 - HISTORY_SESSIONS), i + 1);
}

/** Last session on or before `date`, or null. */
export function sessionOnOrBefore(ix: MarketIndex, date: string): SpxDay | null {
  let lo = 0;
  let hi = ix.sessions.length - 1;
  let best: SpxDay | null = null;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = ix.sessions[mid] as SpxDay;
    if (s.date <= date) {
      best = s;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return best;
}

/**
 * SPX settlement of an expiry session: AM (standard monthly) at the session's open — our
 * stand-in for the Special Opening Quotation, which the daily file does not carry — PM at its
 * close. Null when the file has no such session.
 */
export function spxSettlement(
  ix: MarketIndex,
  expiry: string,
  style: 'AM' | 'PM',
): { price: number; source: string } | null {
  const i = ix.sessionAt.get(expiry);
  const s = i === undefined ? undefined : ix.sessions[i];
  if (!s) return null;
  return style === 'AM'
    ? { price: s.open, source: `SPX open ${expiry} (stand-in for the AM settlement)` }
    : { price: s.close, source: `SPX close ${expiry}` };
}

/**
 * Final settlement of the VX contract expiring on `expiry`: its settle on that date (the file
 * records the final settlement value there). Where the file lacks it (early 2013: settle 0),
 * the contract's last settle before expiry is used and the source says so.
 */
export function vxFinalSettle(ix: MarketIndex, expiry: string): { price: number; source: string } | null {
  const onDay = (ix.vxByDate.get(expiry) ?? []).find((s) => s.expiry === expiry && !s.fromClose);
  if (onDay) return { price: onDay.price, source: `VX final settle ${expiry}` };
  const before = ix.histories.vx.filter((s) => s.expiry === expiry && s.date < expiry).at(-1);
  return before
    ? { price: before.price, source: `VX final settle missing in file; ${before.date} settle used` }
    : null;
}
