/**
 * How the account's risk budget (account × max risk fraction) is split between Layer 1 and
 * Layer 3. The theta press holds its share (settings.press.riskShare) only when it is
 * suggested; when it is switched off or cannot open, its share goes back to the base condor.
 */
import type { LayerStatus, WhyEntry } from '../plan-types';
import type { Settings } from '../settings-types';
import { formatUsdText } from '../text/format';

export interface RiskShares {
  /** Share of the risk budget Layer 1 may use, 0–1. */
  condor: number;
  /** Share held by Layer 3, 0–1 (0 unless the press is suggested). */
  press: number;
  /** The account's risk budget, dollars. */
  budgetUsd: number;
  why: WhyEntry;
}

export function riskShares(settings: Settings, press: { status: LayerStatus; reason: string }): RiskShares {
  const budgetUsd = settings.risk.accountSizeUsd * settings.risk.maxRiskFractionOfAccount;
  const pressShare = press.status === 'suggested' ? settings.press.riskShare : 0;
  const condor = 1 - pressShare;
  const pct = (x: number) => `${(100 * x).toFixed(0)} %`;
  const text =
    pressShare > 0
      ? `Layer 1 is sized within ${pct(condor)} of the ${formatUsdText(budgetUsd)} risk budget (${formatUsdText(condor * budgetUsd)}): the theta press is suggested and holds ${pct(pressShare)} (${formatUsdText(pressShare * budgetUsd)}).`
      : `Layer 1 is sized within the whole ${formatUsdText(budgetUsd)} risk budget: the theta press is not suggested (${press.reason.replace(/\.$/, '')}), so its ${pct(settings.press.riskShare)} share goes back to Layer 1.`;
  return {
    condor,
    press: pressShare,
    budgetUsd,
    why: {
      rule: 'risk-shares',
      text,
      inputs: {
        riskBudgetUsd: budgetUsd,
        condorShare: condor,
        pressShare,
        pressShareSetting: settings.press.riskShare,
        pressStatus: press.status,
      },
    },
  };
}
