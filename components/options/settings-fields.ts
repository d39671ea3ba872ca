/**
 * Every setting of docs/method.md "Defaults" as the options page shows it: group, label, unit and how the
 * stored value maps to what the user types (`scale` 100 shows a fraction as percent).
 */
import type { Settings } from '../../lib/engine/settings-types';

export type GroupKey = Exclude<keyof Settings, 'version'>;

export interface FieldMeta {
  group: GroupKey;
  key: string;
  label: string;
  unit?: string;
  kind: 'number' | 'boolean' | 'select';
  /** Displayed value = stored × scale (fractions shown as percent). */
  scale?: number;
  options?: { value: string; label: string }[];
  help?: string;
}

export const GROUPS: { key: GroupKey; title: string }[] = [
  { key: 'risk', title: 'Risk limits' },
  { key: 'condor', title: 'Layer 1: base iron condor' },
  { key: 'hedge', title: 'Layer 2: VIX hedge' },
  { key: 'press', title: 'Layer 3: theta press' },
  { key: 'signals', title: 'Signals' },
  { key: 'data', title: 'Data' },
  { key: 'overlay', title: 'In-page overlay' },
];

const n = (group: GroupKey, key: string, label: string, unit?: string, extra: Partial<FieldMeta> = {}) =>
  ({ group, key, label, unit, kind: 'number', ...extra }) satisfies FieldMeta;

export const FIELDS: FieldMeta[] = [
  n('risk', 'accountSizeUsd', 'Account size', '$'),
  n('risk', 'maxLossPerTradeUsd', 'Max loss per trade', '$', { help: 'Caps the contracts of one condor.' }),
  n('risk', 'maxRiskFractionOfAccount', 'Max risk of account', '%', { scale: 100 }),
  n('risk', 'maxContracts', 'Max contracts', 'contracts per leg'),
  n('condor', 'dteMin', 'Min days to expiry', 'days'),
  n('condor', 'dteMax', 'Max days to expiry', 'days'),
  n('condor', 'shortDeltaMin', 'Short strike |delta| min', 'Δ per share'),
  n('condor', 'shortDeltaMax', 'Short strike |delta| max', 'Δ per share'),
  {
    group: 'condor',
    key: 'wingMode',
    label: 'Wing width from',
    kind: 'select',
    options: [
      { value: 'points', label: 'fixed SPX points' },
      { value: 'expected-move-fraction', label: 'fraction of the expected move' },
    ],
  },
  n('condor', 'wingWidthPoints', 'Wing width', 'SPX points'),
  n('condor', 'wingExpectedMoveFraction', 'Wing width', '× expected move'),
  n('condor', 'targetShortDelta', 'Short strike |delta| target', 'Δ per share', {
    help: 'The ranking prefers short strikes nearest this |delta| inside the band.',
  }),
  n('condor', 'rollDeltaThreshold', 'Roll when short |delta| exceeds', 'Δ per share'),
  n('condor', 'rollBreakevenBufferPoints', 'Roll when spot is within', 'SPX points of a break-even'),
  n('hedge', 'activationFrontSpreadZ', 'Hedge on at front-spread z ≤', 'z-score'),
  n('hedge', 'stressSpxMove', 'Stress scenario SPX move', '%', { scale: 100 }),
  n('hedge', 'vixPointsPerSpxPercentDrop', 'VIX sensitivity', 'VIX points per 1 % SPX drop'),
  n('hedge', 'paybackShare', 'Hedge pays back', '% of the stress loss', { scale: 100 }),
  n('hedge', 'budgetShareOfCredit', 'Hedge budget', '% of condor credit', { scale: 100 }),
  n('hedge', 'vxMarginUsdPerContract', 'VIX future margin (your broker’s)', '$ per contract'),
  { group: 'press', key: 'enabled', label: 'Suggest the theta press', kind: 'boolean' },
  n('press', 'vixPercentileMax', 'Complacent when VIX percentile ≤', 'percentile 0–100'),
  n('press', 'contangoZMin', 'Steep contango when front-spread z ≥', 'z-score'),
  n('press', 'dteMin', 'Min days to expiry', 'days'),
  n('press', 'dteMax', 'Max days to expiry', 'days'),
  n('press', 'shortDeltaMin', 'Short strike |delta| min', 'Δ per share'),
  n('press', 'shortDeltaMax', 'Short strike |delta| max', 'Δ per share'),
  n('press', 'riskShare', 'Share of the risk budget', '%', { scale: 100 }),
  n('signals', 'rsiPeriod', 'RSI period', 'days'),
  n('signals', 'macdFast', 'MACD fast EMA', 'days'),
  n('signals', 'macdSlow', 'MACD slow EMA', 'days'),
  n('signals', 'macdSignal', 'MACD signal EMA', 'days'),
  n('data', 'staleAfterMinutes', 'Show quotes as stale after (beyond a source’s known delay)', 'minutes'),
  n('data', 'maxSpreadFractionOfMid', 'Widest bid–ask spread for a leg', '% of mid', {
    scale: 100,
    help: 'A quote with a wider spread never becomes a leg; the plan lists it.',
  }),
  n('data', 'parityRateMin', 'Parity rate plausible from', '% a year', { scale: 100 }),
  n('data', 'parityRateMax', 'Parity rate plausible up to', '% a year', { scale: 100 }),
  n('data', 'riskFreeRate', 'Rate when parity is implausible', '% a year', {
    scale: 100,
    help: 'Used for discounting when the rate implied by put-call parity is outside the band.',
  }),
  { group: 'overlay', key: 'enabled', label: 'Show badges on the broker page', kind: 'boolean' },
];

/** "risk.maxLossPerTradeUsd" → its field; null for unknown paths. */
export function fieldByPath(path: string): FieldMeta | null {
  return FIELDS.find((f) => `${f.group}.${f.key}` === path) ?? null;
}

/** A binding-limit id from the engine in words ("max loss per trade"); unknown ids as given. */
export function limitLabel(path: string): string {
  const f = fieldByPath(path);
  return f ? f.label.toLowerCase() : path;
}
