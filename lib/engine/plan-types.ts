/**
 * The Plan: what plan(inputs, settings, now) returns and every surface shows.
 * Money: premiums and prices in index points per share; dollar figures end in `Usd` and use
 * the contract multiplier (100 for SPX and VIX options, 1000 for VIX futures).
 */

/** One rule that fired, with the inputs it used (numbers or short strings). */
export interface WhyEntry {
  rule: string;
  text: string;
  inputs: Record<string, number | string | boolean | null>;
}

export type LayerStatus = 'suggested' | 'on' | 'off';

export interface LegFigures {
  side: 'call' | 'put';
  action: 'buy' | 'sell';
  strike: number;
  /** Option root as the page named it ("SPX" monthly AM, "SPXW" PM, …); null when not shown. */
  root: string | null;
  /** Settlement of this contract: AM (opening print) or PM (closing print); null when unknown. */
  settlement: 'AM' | 'PM' | null;
  /**
   * OCC (OSI) symbol: root padded to 6 with spaces, yymmdd, C/P, strike × 1000 in 8 digits,
   * e.g. "SPXW  240209P04620000". Null when the root is unknown.
   */
  occSymbol: string | null;
  /** Our delta from the solved vol, per share. */
  delta: number;
  /** Solved implied vol (annualised fraction) at this strike, from the mid. */
  iv: number;
  bid: number;
  ask: number;
}

export interface PositionGreeks {
  /** Per contract set (one condor), delta w.r.t. the forward × multiplier: dollars per 1 point. */
  deltaUsdPerPoint: number;
  gammaUsdPerPoint2: number;
  /** Dollars per 1 vol point. */
  vegaUsdPerVolPoint: number;
  /**
   * Time decay in dollars, unit in `thetaUnit`: 'usd-per-calendar-day' (instantaneous rate
   * × 1 day) when a day or more is left; 'usd-to-expiry' when less than a day is left (0DTE):
   * value at expiry with the forward unchanged minus value now, over the remaining session.
   */
  thetaUsd: number;
  thetaUnit: 'usd-per-calendar-day' | 'usd-to-expiry';
}

/** The parts of a candidate's ranking score (lib/engine/condor/score.ts); score = their sum. */
export interface ScoreParts {
  /** POP · creditMid / maxLoss. */
  reward: number;
  /** −(creditMid − creditNatural) / maxLoss. */
  slippage: number;
  /** −DELTA_WEIGHT · (| |Δ put| − put target | + | |Δ call| − call target |); the tilt moves the targets. */
  deltaDistance: number;
}

export interface CondorCandidate {
  expiry: string;
  /** Root and settlement of the contract every leg belongs to (one per candidate). */
  root: string | null;
  settlement: 'AM' | 'PM' | null;
  /** Wing width used, index points (before snapping to listed strikes). */
  wingWidth: number;
  /** Forward of this expiry from put-call parity, index points. */
  forward: number;
  /** Calendar days to expiry (fractional) from `now` to the settlement instant. */
  daysToExpiry: number;
  legs: { longPut: LegFigures; shortPut: LegFigures; shortCall: LegFigures; longCall: LegFigures };
  /** Credit at mid, points per share. */
  creditMid: number;
  /** Credit at the natural price (sell at bid, buy at ask), points per share. */
  creditNatural: number;
  /** Max loss at expiry per share, points: widest wing − credit (mid). */
  maxLoss: number;
  breakEvenLow: number;
  breakEvenHigh: number;
  /** Probability of finishing between the break-evens under the solved smile, 0–1. */
  probabilityOfProfit: number;
  /** One-sigma expected move to expiry, points: F·σ·√T. */
  expectedMove: number;
  /** creditMid / maxLoss. */
  returnOnRisk: number;
  greeks: PositionGreeks;
  contracts: number;
  /** The limit that bound the contract count, named. */
  boundBy: string;
  /** Max loss of the whole position (all `contracts`), dollars. */
  maxLossUsd: number;
  /** Credit at mid of the whole position (all `contracts`), dollars. */
  creditUsd: number;
  /** Ranking score (lib/engine/condor/score.ts); higher is better. */
  score: number;
  scoreParts: ScoreParts;
  /** Flags such as "spans FOMC 2026-12-09". */
  flags: string[];
}

export interface RollSuggestion {
  leg: 'put' | 'call';
  action: 'roll-out-in-strike' | 'roll-out-in-time' | 'hold';
  text: string;
  toStrike: number | null;
  toExpiry: string | null;
}

/** One live VIX future on the curve. */
export interface CurvePoint {
  expiry: string;
  /** Futures price, VIX points. */
  price: number;
  /** Calendar days from `now` to the contract's settlement, fractional. */
  daysToExpiry: number;
}

export interface TermStructure {
  /** VIX spot, points (null when the curve came without it). */
  vixSpot: number | null;
  /** Live futures, nearest first (the term-structure chart). */
  curve: CurvePoint[];
  label: 'contango' | 'flat' | 'backwardation';
  /** (F2 − F1) / F1, fraction. */
  frontSpread: number;
  /** VIX spot / F1, ratio (null without spot). */
  basisVixToF1: number | null;
  /** Least-squares slope of futures price vs days to expiry, VIX points per 30 days. */
  slopePer30Days: number;
  /** (F1 − VIX) / days to F1 expiry: the drift a long F1 holder pays per day, VIX points. */
  rollYieldPerDay: number | null;
  /** z-score of the front spread against the norms (standard deviations). */
  frontSpreadZ: number | null;
  /** Percentile of the front spread against the norms, 0–100. */
  frontSpreadPercentile: number | null;
  /** Percentile of VIX spot against the norms, 0–100. */
  vixPercentile: number | null;
  /** Where the norms came from, e.g. "recorded 212 days + built-in 2013–2026 Cboe VX settlements". */
  normsSource: string;
}

export interface ScenarioRow {
  name: string;
  /** SPX move to the condor's expiry, fraction (−0.10 = −10 %). */
  spxMove: number;
  /** VIX level at the condor's expiry in the scenario, points (the hedge is valued there). */
  vixLevel: number;
  condorPnlUsd: number;
  hedgePnlUsd: number;
  netPnlUsd: number;
}

export interface HedgeFigures {
  instrument: 'vix-call' | 'vix-future';
  expiry: string;
  strike: number | null;
  /** Price paid per share (calls) or per future point, index points. */
  price: number;
  contracts: number;
  /** Calls: premium paid. Futures: what they can give back (roll-down to spot or fall to the long-run median VIX, the larger). */
  costUsd: number;
  /** Margin the position ties up, dollars (futures: contracts × the margin setting; 0 for long calls). */
  marginUsd: number;
  /** VIX level of the "VIX falls" scenario (its long-run median, or spot if already below), points. */
  vixFallsTo: number;
  /** What the hedge loses, net of cost, in the "VIX falls" scenario, dollars (≥ 0). */
  vixFallsLossUsd: number;
  /** Carry: dollars the position loses over the next 30 days (or to expiry) with VIX unchanged (roll-down + decay). */
  carryUsdPerMonth: number;
  scenarios: ScenarioRow[];
  /** Share of the condor's stress loss paid back, 0–1. */
  paybackShare: number;
  /** The condor's loss in the stress scenario, dollars (positive = loss). */
  stressLossUsd: number;
  /** Hedge premium budget, dollars (budget share × condor credit). */
  budgetUsd: number;
  /** Expansion factor applied to the payback target (1 = base; grows as the curve flattens further). */
  expansion: number;
  /** One sentence comparing cost (premium + carry) with the loss removed in the stress scenario. */
  costBenefit: string;
  /** Whether the stress-scenario payback exceeds the worst loss in the calm scenarios (VIX unchanged, VIX falls). */
  worthItsCost: boolean;
  boundBy: string;
}

export interface Layer<T> {
  status: LayerStatus;
  /** One sentence saying why the layer is in this state. */
  reason: string;
  why: WhyEntry[];
  figures: T | null;
}

export interface SignalFigures {
  rsi: number | null;
  macd: { macd: number; signal: number; histogram: number } | null;
  adLine: number | null;
  adDivergence: 'bullish' | 'bearish' | 'none' | null;
  /** Which side sits further out: positive moves the put side further, negative the call side. */
  tilt: 'puts-further' | 'calls-further' | 'neutral';
}

export interface EventInWindow {
  date: string;
  kind: 'FOMC' | 'CPI' | 'PPI' | 'other';
  label: string;
}

export interface ParityFlag {
  expiry: string;
  strike: number;
  kind: 'conversion' | 'reversal' | 'outlier';
  /** Edge beyond costs, points per share. */
  edge: number;
  text: string;
}

/** The plan's clocks (lib/engine/plan/clock.ts says which figure uses which). */
export interface PlanClock {
  /** ISO instant every market figure is computed at: the chain's quote time, else `asOf`. */
  pricedAt: string;
  basis: 'quote-time' | 'now';
  /** Minutes from the quote time to `asOf` (negative: quote time after now); null when unknown. */
  quoteAgeMinutes: number | null;
  /** Quotes older than the stale setting at `asOf`. */
  stale: boolean;
  /** Quote time after `asOf` beyond clock skew. */
  quoteInFuture: boolean;
}

/** A quote a layer would not trade on, with the reason. */
export interface QuoteLeftOut {
  expiry: string;
  root: string | null;
  strike: number;
  side: 'call' | 'put';
  reason:
    | 'no-two-sided-quote'
    | 'zero-bid'
    | 'crossed'
    | 'wide-spread'
    | 'parity-outlier'
    | 'impossible-greek';
  detail: string;
}

export interface Plan {
  /** ISO instant the plan was computed for (the `now` input). */
  asOf: string;
  clock: PlanClock;
  /** Messages a surface shows above every layer (e.g. "not SPX"). */
  banners: string[];
  /** Quotes near the money of the expiries a layer priced that it would not trade on. */
  quotesLeftOut: QuoteLeftOut[];
  underlying: { symbol: string; price: number | null; forward: number | null };
  condor: Layer<{ best: CondorCandidate; alternatives: CondorCandidate[]; rolls: RollSuggestion[] }>;
  hedge: Layer<{ termStructure: TermStructure; hedge: HedgeFigures | null }>;
  press: Layer<{ candidates: CondorCandidate[]; riskBudgetUsd: number }>;
  signals: Layer<SignalFigures>;
  events: EventInWindow[];
  parity: ParityFlag[];
  warnings: string[];
}
