import { useMemo, useRef } from 'preact/hooks';
import type { MarketOptions } from '../../lib/engine';
import type { ChainSnapshot } from '../../lib/engine/snapshot-types';
import { PayoffView } from '../chart/PayoffView';
import type { PayoffModel } from '../chart/payoff-model';
import { Figure } from '../ui/Figure';
import { formatPercent, formatPoints, formatStrike, formatUsd } from '../ui/format';
import { type CalcInput, calculateCondor } from './calculator';
import { expiryChoices, type Repriced, repriceCondor, smileFor } from './reprice';

export interface CalculatorProps {
  input: CalcInput;
  onChange: (patch: Partial<CalcInput>) => void;
  /** The chain of the tab (strikes are picked from it and priced through the engine); null: type by hand. */
  chain: ChainSnapshot | null;
  /** Now (ISO); the chain is priced at its quote time when it has one, as the plan does. */
  nowIso: string;
  /** The plan's quote screening (settings.data), so a condor prices here as in Layer 1; null: every quote. */
  market?: MarketOptions | null;
  /** Fills the inputs with the current suggestion; absent when there is none. */
  onUseSuggestion?: () => void;
}

const LEGS: { key: 'longPut' | 'shortPut' | 'shortCall' | 'longCall'; label: string }[] = [
  { key: 'longPut', label: 'Long put' },
  { key: 'shortPut', label: 'Short put' },
  { key: 'shortCall', label: 'Short call' },
  { key: 'longCall', label: 'Long call' },
];

function chainModel(r: Repriced, spot: number | null): PayoffModel {
  return {
    strikes: r.strikes,
    credit: r.creditMid,
    contracts: 1,
    legs: r.legs,
    spot: spot ?? r.forward,
    nowLabel: spot !== null ? 'spot' : 'forward',
    forward: r.forward,
    daysToExpiry: r.daysToExpiry,
    breakEvenLow: r.breakEvenLow,
    breakEvenHigh: r.breakEvenHigh,
  };
}

/**
 * Quick condor calculator. On a chain: expiry and four strikes picked from the listed ones,
 * repriced through the engine (credit at mid and natural, break-evens, max loss, POP). Without
 * a chain: strikes and credit typed by hand. Invalid picks keep the last valid chart on screen.
 */
export function Calculator({
  input,
  onChange,
  chain,
  nowIso,
  market = null,
  onUseSuggestion,
}: CalculatorProps) {
  const choices = useMemo(() => (chain ? expiryChoices(chain) : []), [chain]);
  const onChain = choices.length > 0;
  const choice = choices.find((c) => c.key === input.expiry) ?? choices[0] ?? null;
  // Solving the smile is the costly step: once per chain and expiry, not per pick.
  const smile = useMemo(
    () => (chain && choice ? smileFor(chain, choice.key, nowIso, market) : null),
    [chain, choice?.key, nowIso.slice(0, 15), market],
  );
  const picked = {
    longPut: Number(input.longPut),
    shortPut: Number(input.shortPut),
    shortCall: Number(input.shortCall),
    longCall: Number(input.longCall),
  };
  const allPicked = LEGS.every((l) => input[l.key] !== '');
  const priced =
    onChain && smile && 'smile' in smile && allPicked
      ? repriceCondor(smile.smile, picked, 1, smile.leftOut)
      : null;
  const manual = onChain ? null : calculateCondor(input);
  const touched = LEGS.some((l) => input[l.key].trim() !== '');
  const errors: Partial<Record<string, string>> =
    priced && !priced.ok ? priced.errors : manual && !manual.ok && touched ? manual.errors : {};
  const model: PayoffModel | null =
    priced?.ok === true
      ? chainModel(priced.result, chain?.underlying.price ?? null)
      : manual?.ok === true
        ? {
            strikes: manual.result.strikes,
            credit: manual.result.credit,
            contracts: 1,
            legs: null,
            spot: null,
            nowLabel: 'spot',
            forward: null,
            daysToExpiry: 0,
            breakEvenLow: manual.result.breakEvenLow,
            breakEvenHigh: manual.result.breakEvenHigh,
          }
        : null;
  // The chart never disappears on a bad pick: it keeps the last valid condor, marked as such.
  const lastGood = useRef<PayoffModel | null>(null);
  if (model) lastGood.current = model;
  const shown = model ?? lastGood.current;
  const errorList = Object.entries(errors).filter((e): e is [string, string] => e[1] !== undefined);
  return (
    <section class="card" aria-labelledby="calc-h">
      <h2 id="calc-h">Quick calculator</h2>
      {onChain && choice && (
        <label class="calc-expiry">
          Expiry
          <select
            name="calc-expiry"
            value={choice.key}
            onInput={(e) => onChange({ expiry: e.currentTarget.value })}
          >
            {choices.map((c) => (
              <option key={c.key} value={c.key}>
                {c.label}
              </option>
            ))}
          </select>
        </label>
      )}
      <div class="calc-grid">
        {LEGS.map((f) => (
          <label key={f.key} for={`calc-${f.key}`}>
            {f.label}
            {onChain && choice ? (
              <select
                id={`calc-${f.key}`}
                name={`calc-${f.key}`}
                value={input[f.key]}
                aria-invalid={errors[f.key] ? 'true' : 'false'}
                onInput={(e) => onChange({ [f.key]: e.currentTarget.value })}
              >
                <option value="">pick</option>
                {choice.strikes.map((k) => (
                  <option key={k} value={String(k)}>
                    {formatStrike(k)}
                  </option>
                ))}
              </select>
            ) : (
              <input
                id={`calc-${f.key}`}
                name={`calc-${f.key}`}
                inputMode="decimal"
                value={input[f.key]}
                aria-invalid={errors[f.key] ? 'true' : 'false'}
                onInput={(e) => onChange({ [f.key]: e.currentTarget.value })}
              />
            )}
          </label>
        ))}
        {!onChain && (
          <label>
            Credit (pts)
            <input
              name="calc-credit"
              inputMode="decimal"
              value={input.credit}
              aria-invalid={errors.credit ? 'true' : 'false'}
              onInput={(e) => onChange({ credit: e.currentTarget.value })}
            />
          </label>
        )}
      </div>
      {onUseSuggestion && (
        <button type="button" onClick={onUseSuggestion}>
          Use the suggested condor
        </button>
      )}
      {smile && 'error' in smile && (
        <p class="field-error" role="alert">
          {smile.error}
        </p>
      )}
      {errorList.length > 0 && (
        <ul class="field-error" role="alert" data-testid="calc-errors">
          {errorList.map(([k, m]) => (
            <li key={k}>
              {[...LEGS, { key: 'credit', label: 'Credit' }].find((f) => f.key === k)?.label}: {m}
            </li>
          ))}
        </ul>
      )}
      {priced?.ok && (
        <dl class="figs" data-testid="calc-result">
          <Figure
            label="Credit"
            value={
              <span data-testid="calc-credit">
                {formatPoints(priced.result.creditMid)} mid · {formatPoints(priced.result.creditNatural)}{' '}
                natural
              </span>
            }
            why="Mid: short mids − long mids. Natural: sell at the bid, buy at the ask. From this page's quotes."
          />
          <Figure
            label="Break-evens"
            value={`${formatStrike(priced.result.breakEvenLow)} – ${formatStrike(priced.result.breakEvenHigh)}`}
            why="Short put − credit (mid) and short call + credit."
          />
          <Figure
            label="Max profit"
            value={`${formatPoints(priced.result.creditMid)} (${formatUsd(priced.result.maxProfitUsd)})`}
            why="The credit at mid, kept when SPX settles between the short strikes; $100 per point, one condor."
          />
          <Figure
            label="Max loss"
            value={`${formatPoints(priced.result.maxLoss)} (${formatUsd(priced.result.maxLossUsd)})`}
            why="Widest wing − credit at mid, beyond a long strike; $100 per point, one condor."
          />
          <Figure
            label="POP"
            value={<span data-testid="calc-pop">{formatPercent(priced.result.probabilityOfProfit)}</span>}
            why="Probability of finishing between the break-evens under this expiry's solved smile (the engine's digitals)."
          />
        </dl>
      )}
      {manual?.ok && (
        <dl class="figs" data-testid="calc-result">
          <Figure
            label="Break-evens"
            value={`${formatStrike(manual.result.breakEvenLow)} – ${formatStrike(manual.result.breakEvenHigh)}`}
            why="Short put − credit and short call + credit."
          />
          <Figure
            label="Max profit"
            value={`${formatPoints(manual.result.maxProfit)} (${formatUsd(manual.result.maxProfitUsd)})`}
            why="The credit, kept when SPX settles between the short strikes; $100 per point."
          />
          <Figure
            label="Max loss"
            value={`${formatPoints(manual.result.maxLoss)} (${formatUsd(manual.result.maxLossUsd)})`}
            why="Widest wing − credit, beyond a long strike; $100 per point."
          />
        </dl>
      )}
      {shown && (
        <div data-testid="calc-chart" data-outdated={model ? undefined : 'true'}>
          {!model && <p class="muted">The chart shows the last valid condor until the picks are fixed.</p>}
          <PayoffView model={shown} title="Calculator payoff" height={160} today={nowIso.slice(0, 10)} />
        </div>
      )}
    </section>
  );
}
