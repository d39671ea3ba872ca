import type { Settings } from '../settings-types';

export interface Sizing {
  contracts: number;
  /** Name of the limit that bound the count (the first one on a tie). */
  boundBy: string;
}

/**
 * Whole contracts allowed by every risk limit for a position losing `maxLossUsdEach` dollars
 * per contract at worst: max loss per trade, the layer's share of the account risk budget
 * (account × max risk fraction × layerShare), and the contract cap. 0 when any limit is
 * smaller than one contract's risk.
 */
export function sizeByLimits(maxLossUsdEach: number, risk: Settings['risk'], layerShare: number): Sizing {
  const budgetUsd = risk.accountSizeUsd * risk.maxRiskFractionOfAccount * layerShare;
  const perTrade = Math.floor(risk.maxLossPerTradeUsd / maxLossUsdEach);
  const budget = Math.floor(budgetUsd / maxLossUsdEach);
  let contracts = perTrade;
  let boundBy = 'max loss per trade';
  if (budget < contracts) {
    contracts = budget;
    boundBy = 'account risk budget';
  }
  if (risk.maxContracts < contracts) {
    contracts = risk.maxContracts;
    boundBy = 'max contracts';
  }
  return { contracts: Math.max(0, contracts), boundBy };
}
