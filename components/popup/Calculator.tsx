import { Figure } from '../ui/Figure';
import { formatPoints, formatStrike, formatUsd } from '../ui/format';
import { type CalcInput, calculateCondor } from './calculator';
import { ExpiryPayoffChart } from './ExpiryPayoffChart';

export interface CalculatorProps {
  input: CalcInput;
  onChange: (patch: Partial<CalcInput>) => void;
  /** Strikes listed on the current chain (for the pick lists), index points. */
  chainStrikes: number[];
  /** Fills the inputs with the current suggestion; absent when there is none. */
  onUseSuggestion?: () => void;
}

const FIELDS: { key: keyof CalcInput; label: string }[] = [
  { key: 'longPut', label: 'Long put' },
  { key: 'shortPut', label: 'Short put' },
  { key: 'shortCall', label: 'Short call' },
  { key: 'longCall', label: 'Long call' },
  { key: 'credit', label: 'Credit (pts)' },
];

/** Quick condor calculator: 4 strikes + credit → break-evens, max profit/loss, payoff chart. */
export function Calculator({ input, onChange, chainStrikes, onUseSuggestion }: CalculatorProps) {
  const out = calculateCondor(input);
  const touched = Object.values(input).some((v) => v.trim() !== '');
  return (
    <section class="card" aria-labelledby="calc-h">
      <h2 id="calc-h">Quick calculator</h2>
      <datalist id="chain-strikes">
        {chainStrikes.map((k) => (
          <option key={k} value={String(k)} />
        ))}
      </datalist>
      <div class="calc-grid">
        {FIELDS.map((f) => (
          <label key={f.key}>
            {f.label}
            <input
              name={`calc-${f.key}`}
              inputMode="decimal"
              list={f.key === 'credit' ? undefined : 'chain-strikes'}
              value={input[f.key]}
              aria-invalid={touched && !out.ok && out.errors[f.key] ? 'true' : 'false'}
              onInput={(e) => onChange({ [f.key]: e.currentTarget.value })}
            />
          </label>
        ))}
      </div>
      {onUseSuggestion && (
        <button type="button" onClick={onUseSuggestion}>
          Use the suggested condor
        </button>
      )}
      {touched && !out.ok && (
        <ul class="field-error" role="alert">
          {Object.entries(out.errors).map(([k, m]) => (
            <li key={k}>
              {FIELDS.find((f) => f.key === k)?.label}: {m}
            </li>
          ))}
        </ul>
      )}
      {out.ok && (
        <>
          <dl class="figs" data-testid="calc-result">
            <Figure
              label="Break-evens"
              value={`${formatStrike(out.result.breakEvenLow)} – ${formatStrike(out.result.breakEvenHigh)}`}
              why="Short put − credit and short call + credit."
            />
            <Figure
              label="Max profit"
              value={`${formatPoints(out.result.maxProfit)} (${formatUsd(out.result.maxProfitUsd)})`}
              why="The credit, kept when SPX settles between the short strikes; $100 per point."
            />
            <Figure
              label="Max loss"
              value={`${formatPoints(out.result.maxLoss)} (${formatUsd(out.result.maxLossUsd)})`}
              why="Widest wing − credit, beyond a long strike; $100 per point."
            />
          </dl>
          <ExpiryPayoffChart r={out.result} />
        </>
      )}
    </section>
  );
}
