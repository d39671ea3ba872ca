/**
 * Risk limits and method settings (docs/method.md "Defaults"). Every default is the user's to change in the
 * options page; lib/schema/settings.ts validates them and holds the defaults.
 */
export interface Settings {
  version: 1;
  risk: {
    /** Account equity, dollars. */
    accountSizeUsd: number;
    /** Most a single condor position may lose at expiry, dollars. */
    maxLossPerTradeUsd: number;
    /** Fraction of account at risk across all suggested positions (0.05 = 5 %). */
    maxRiskFractionOfAccount: number;
    /** Hard cap on contracts per leg. */
    maxContracts: number;
  };
  condor: {
    dteMin: number;
    dteMax: number;
    /** |delta| band of the short strikes, per share. */
    shortDeltaMin: number;
    shortDeltaMax: number;
    wingMode: 'points' | 'expected-move-fraction';
    /** Wing width in SPX index points (wingMode "points"). */
    wingWidthPoints: number;
    /** Wing width as a fraction of the expected move (wingMode "expected-move-fraction"). */
    wingExpectedMoveFraction: number;
    /** |delta| per share the short strikes aim at inside the band; the score ranks distance from it. */
    targetShortDelta: number;
    /** A held short strike whose |delta| exceeds this gets a roll suggestion. */
    rollDeltaThreshold: number;
    /** A held condor whose spot is within this many points of a break-even gets a roll suggestion. */
    rollBreakevenBufferPoints: number;
  };
  hedge: {
    /** Hedge turns on when the front-spread z-score is at or below this. */
    activationFrontSpreadZ: number;
    /** Stress scenario: SPX move as a fraction (−0.10 = −10 %). */
    stressSpxMove: number;
    /** VIX points gained per 1 % SPX drop in the stress scenario. */
    vixPointsPerSpxPercentDrop: number;
    /** Share of the condor's stress loss the hedge should pay back (0.5 = 50 %). */
    paybackShare: number;
    /** Hedge premium budget as a share of the condor credit (0.2 = 20 %). */
    budgetShareOfCredit: number;
    /**
     * Margin one long VX future ties up, dollars per contract. Not computable from the page:
     * the exchange sets it from OCC's risk model and brokers add their own (published figures
     * have ranged from about $7,000 to over $25,000 per contract). Default $10,000 is an
     * assumption; enter your broker's figure.
     */
    vxMarginUsdPerContract: number;
  };
  press: {
    enabled: boolean;
    /** VIX percentile (0–100) at or below which markets count as complacent. */
    vixPercentileMax: number;
    /** Front-spread z-score at or above which contango counts as steep. */
    contangoZMin: number;
    dteMin: number;
    dteMax: number;
    shortDeltaMin: number;
    shortDeltaMax: number;
    /** Share of the risk budget the press may use (0.25 = 25 %). */
    riskShare: number;
  };
  signals: {
    rsiPeriod: number;
    macdFast: number;
    macdSlow: number;
    macdSignal: number;
  };
  data: {
    /** Quotes older than this many minutes beyond their source's known delay are stale (market/quote-staleness.ts). */
    staleAfterMinutes: number;
    /** A quote whose bid–ask spread exceeds this fraction of its mid never becomes a leg (0.25 = 25 %). */
    maxSpreadFractionOfMid: number;
    /** Plausible band of the rate implied by put-call parity, annualised continuous fraction. */
    parityRateMin: number;
    parityRateMax: number;
    /** Rate used when the parity rate falls outside the band, annualised continuous fraction. */
    riskFreeRate: number;
  };
  overlay: {
    enabled: boolean;
  };
}
