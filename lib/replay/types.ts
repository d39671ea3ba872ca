/**
 * Types of the 2013–2023 replay of the ALVH plan (issue 15): the market histories it reads,
 * its own settings (fills and costs), and what it returns. Units: index points per share for
 * prices, dollars in fields ending `Usd`, dates "YYYY-MM-DD" (exchange dates, New York).
 */

/** One SPX session from a daily OHLC file (Yahoo ^GSPC layout). */
export interface SpxDay {
  date: string;
  /** Opening print, index points: our stand-in for the AM (SOQ) settlement of monthlies. */
  open: number;
  /** Close, index points: PM settlement and the decision price. */
  close: number;
}

/** One daily settle of one monthly VX future. */
export interface VxSettle {
  /** Trade date. */
  date: string;
  /** Final settlement date of the contract. */
  expiry: string;
  /** Settlement price in VIX points (the file's close where its settle is 0, early 2013). */
  price: number;
  /** True when the price is the close because the file's settle was 0. */
  fromClose: boolean;
}

/** A history file after parsing: the rows kept and the rows dropped, counted by reason. */
export interface Parsed<T> {
  rows: T[];
  dropped: { reason: string; count: number }[];
}

/** The four histories the replay runs on. */
export interface ReplayHistories {
  spx: SpxDay[];
  /** VIX close by date. */
  vix: Map<string, number>;
  /** VVIX close by date. */
  vvix: Map<string, number>;
  vx: VxSettle[];
}

/** Fill and cost settings of the replay (the plan's own settings are the extension's). */
export interface ReplaySettings {
  /** Each option leg fills this many points worse than the model mid (per share). */
  slippagePointsPerLeg: number;
  /** Commission and fees per option contract per leg, dollars (opening only: cash settlement is free). */
  commissionUsdPerContract: number;
  /** Half the synthetic bid–ask width, points; the engine's "natural" credit uses it. */
  quoteHalfSpreadPoints: number;
}

export const DEFAULT_REPLAY_SETTINGS: ReplaySettings = {
  slippagePointsPerLeg: 0.1,
  commissionUsdPerContract: 1.5,
  quoteHalfSpreadPoints: 0.1,
};

export type Layer = 'condor' | 'hedge' | 'press';

/** One option leg held: +contracts long, −contracts short. */
export interface HeldLeg {
  kind: 'call' | 'put';
  strike: number;
  /** Signed count: positive long, negative short. */
  contracts: number;
  /** Fill price per share, points (mid ± slippage). */
  fill: number;
}

/** One trade of the log: opened on a decision day, held to expiry, settled. */
export interface Trade {
  layer: Layer;
  /** A new position, or one side of a roll: the tested vertical bought back, or its replacement sold. */
  action: 'open' | 'roll-close' | 'roll-open';
  opened: string;
  expiry: string;
  /** AM (SPX monthly, settles at the expiry day's open), PM (SPXW, at its close), VIX (VX final settle). */
  settlement: 'AM' | 'PM' | 'VIX';
  legs: HeldLeg[];
  /** Net premium received (+) or paid (−) for the whole position, dollars, after slippage. */
  premiumUsd: number;
  commissionUsd: number;
  /** Settlement price used, index points; null while open. */
  settlePrice: number | null;
  /** Where the settlement price came from, e.g. "GSPC open 2018-02-16" or "VX final settle". */
  settleSource: string | null;
  /** Settlement value of the legs, dollars (+ received); null while open. */
  payoffUsd: number | null;
  /** premium − commission + payoff, dollars; null while open. */
  pnlUsd: number | null;
  /** The plan's reason for this trade, one sentence. */
  why: string;
}

/** One week's equity point, dollars of cumulative P/L (realised + model mark of open positions). */
export interface EquityPoint {
  date: string;
  equityUsd: number;
}

export interface VariantResult {
  totalPnlUsd: number;
  /** Largest peak-to-trough fall of weekly equity, dollars (positive). */
  maxDrawdownUsd: number;
  /** Worst week-over-week change, dollars, and the week it ended. */
  worstWeek: { date: string; pnlUsd: number } | null;
  weeks: number;
  equity: EquityPoint[];
}

export interface EpisodeResult {
  name: string;
  from: string;
  to: string;
  /** Change of the Layer 1 condor's equity over the episode, dollars. */
  condorPnlUsd: number;
  /** Change of the Layer 2 hedge's equity over the episode, dollars. */
  hedgePnlUsd: number;
  /** Change of the Layer 3 press's equity over the episode, dollars. */
  pressPnlUsd: number;
}
