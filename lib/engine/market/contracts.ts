/**
 * Contract sizes and the year convention: the figures that turn index points into dollars
 * and days into years, written once for readers, engine and surfaces.
 * Source: Cboe SPX/SPXW/XSP and VIX option specifications ($100 × index), CFE VX futures
 * specification ($1,000 × VIX index).
 */

/** SPX, SPXW, XSP and VIX options: dollars per index point per contract. */
export const OPTION_MULTIPLIER = 100;

/** VX (monthly VIX) futures: dollars per VIX point per contract. */
export const VIX_FUTURE_MULTIPLIER = 1000;

/** Calendar days per year for ACT/365 time to expiry and theta per calendar day. */
export const DAYS_PER_YEAR_ACT365 = 365;
