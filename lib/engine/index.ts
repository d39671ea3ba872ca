/**
 * The engine's only import surface. A list of re-exports: add lines, never logic.
 *
 * Units (pricing core): prices, spot, forward, strike in index points (premium per share);
 * tYears in years (ACT/365 calendar time to the settlement instant); vol, rate, divYield
 * annual fractions (0.05 = 5 %, continuous compounding); discount factor D = e^{−rT};
 * greeks: delta per point of the underlying, gamma per point², vega per 1 vol point,
 * theta per calendar day.
 */

export type {
  CondorLegs,
  CondorPriceErrors,
  CondorPriceOutcome,
  CondorPricing,
} from './condor/price-condor';
export { priceCondor } from './condor/price-condor';
export type { HeldCondor } from './condor/rolls';
export type { ExpirySmile } from './condor/smile';
export { builtinCalendar } from './events/builtin-calendar';
export type { CalendarEvent, EventCalendar, GatedKind } from './events/calendar-types';
export type { Greeks } from './greeks/greeks';
export { black76Greeks, CALENDAR_DAYS_PER_YEAR, greeks, VOL_POINT } from './greeks/greeks';
export type { ImpliedVolError, ImpliedVolResult } from './iv/implied-vol';
export { black76ImpliedVol, impliedVol } from './iv/implied-vol';
export type { VolBand } from './iv/vol-band';
export { black76VolBand } from './iv/vol-band';
export type { CondorStrikes } from './market/condor-payoff';
export { condorPayoffAtExpiry } from './market/condor-payoff';
export { DAYS_PER_YEAR_ACT365, OPTION_MULTIPLIER, VIX_FUTURE_MULTIPLIER } from './market/contracts';
export type { SettlementInstant } from './market/expiry-time';
export { daysToExpiry, settlementInstant, yearsToExpiry } from './market/expiry-time';
export type { CivilDate } from './market/ny-time';
export { parseIsoDate } from './market/ny-time';
export {
  isEarlyClose,
  isTradingDay,
  previousOrSameTradingDay,
  tradingDaysBetween,
} from './market/nyse-calendar';
export type { SettlementStyle } from './market/roots';
export { settlementForRoot, settlementStyleOf } from './market/roots';
export { thirdFriday, vixSettlementDate } from './market/vix-expiry';
export { normCdf, normPdf, normQuantile } from './math/normal';
export type {
  ParityFit,
  ParityFitError,
  ParityOutlierReason,
  ParityResidual,
} from './parity/forward-fit';
export { DEFAULT_PARITY_STRIKES, fitForwardFromParity } from './parity/forward-fit';
export type { ExpiryRef } from './plan/expiry-smile';
export { expirySmile } from './plan/expiry-smile';
export type { PlanInputs } from './plan/inputs';
export type { MarketOptions } from './plan/market';
export { plan } from './plan/plan';
export type { OptionKind } from './pricing/black76';
export { black76Price, forwardAndDiscount, price } from './pricing/black76';
export type { DailyRecord } from './signals/history-types';
export { formatSignedUsdText, formatUsdText, ordinal } from './text/format';
