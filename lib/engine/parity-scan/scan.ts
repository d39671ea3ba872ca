import type { ParityResidual } from '../parity/forward-fit';
import type { ParityFlag } from '../plan-types';

/** Fees assumed per share for the two option legs of a conversion/reversal, points. */
export const PARITY_COST_POINTS = 0.05;

/**
 * Beyond the strikes the fit used, an error ε in the fitted discount factor shifts the
 * parity line by ε·|K − K_edge|: this much per index point of distance is allowed on top of
 * the half spread and fees. On the Cboe SPX chains of 2020-03 and 2022-02 no far strike
 * exceeds its half spread by more than 0.003 per point, while the stale pre-split AAPL
 * strikes of a 2020 Yahoo page sit 4 points off per point of distance.
 */
export const FAR_TOLERANCE_PER_POINT = 0.005;

/**
 * Conversion/reversal scan of one expiry from the parity fit's residuals (docs/method.md, parity scan): with
 * r = (C_mid − P_mid) − D·(F − K) and h the half synthetic spread,
 * - conversion (sell the call at its bid, buy the put at its ask against the parity forward)
 *   earns r − h − fees;
 * - reversal (the other way round) earns −r − h − fees.
 * A strike is flagged when either edge is positive beyond fees, or when the fit marked it an
 * outlier (crossed or off the line) without a tradable edge. Usually a stale or bad quote.
 * Strikes inside the range the fit used are judged against the line as above; beyond it a
 * small error in the fitted discount factor grows with the distance, so a far strike is
 * flagged as an outlier only when its residual exceeds h + fees + FAR_TOLERANCE_PER_POINT ·
 * distance (a stale or mismatched quote, e.g. pre-split). Crossed quotes are flagged anywhere.
 */
export function scanParity(expiry: string, residuals: readonly ParityResidual[]): ParityFlag[] {
  const used = residuals.filter((r) => r.used).map((r) => r.strike);
  const lo = Math.min(...used);
  const hi = Math.max(...used);
  const flags: ParityFlag[] = [];
  for (const r of residuals) {
    if (r.strike < lo || r.strike > hi) {
      const distance = r.strike < lo ? lo - r.strike : r.strike - hi;
      const off =
        Math.abs(r.residual) - r.halfSpread - PARITY_COST_POINTS - FAR_TOLERANCE_PER_POINT * distance;
      if (r.reason === 'crossed' || off > 0)
        flags.push({
          expiry,
          strike: r.strike,
          kind: 'outlier',
          edge: 0,
          text:
            r.reason === 'crossed'
              ? `${expiry} ${r.strike}: call/put quotes are crossed.`
              : `${expiry} ${r.strike}: call − put is ${r.residual.toFixed(2)} points off the parity line, beyond its spread: a stale or bad quote.`,
        });
      continue;
    }
    const conversion = r.residual - r.halfSpread - PARITY_COST_POINTS;
    const reversal = -r.residual - r.halfSpread - PARITY_COST_POINTS;
    if (conversion > 0 || reversal > 0) {
      const kind = conversion > 0 ? 'conversion' : 'reversal';
      const edge = Math.max(conversion, reversal);
      flags.push({
        expiry,
        strike: r.strike,
        kind,
        edge,
        text: `${expiry} ${r.strike}: ${kind} shows ${edge.toFixed(2)} points per share beyond the bid/ask and fees — usually a stale or bad quote; check it before trading.`,
      });
    } else if (r.outlier)
      flags.push({
        expiry,
        strike: r.strike,
        kind: 'outlier',
        edge: 0,
        text: `${expiry} ${r.strike}: call/put quotes ${r.reason === 'crossed' ? 'are crossed' : 'sit off the parity line'}; left out of the forward fit.`,
      });
  }
  return flags;
}
