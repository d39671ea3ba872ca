import { useState } from 'preact/hooks';
import type { VixCurveSnapshot } from '../../lib/engine/snapshot-types';
import { buildVixCurve, type VixFormRow } from './vix-form';

export interface VixCurveFormProps {
  onSubmit: (snapshot: VixCurveSnapshot) => void;
  /** Epoch ms used as the curve's read time. */
  now: () => number;
  /** Message from the last submit (background reply), if any. */
  result?: string | null;
}

const EMPTY_ROWS = 4;

/** Manual entry of the VIX curve (spot + futures) when no page supplied one. */
export function VixCurveForm({ onSubmit, now, result }: VixCurveFormProps) {
  const [spot, setSpot] = useState('');
  const [rows, setRows] = useState<VixFormRow[]>(() =>
    Array.from({ length: EMPTY_ROWS }, () => ({ expiry: '', price: '' })),
  );
  const [errors, setErrors] = useState<Record<string, string>>({});
  const setRow = (i: number, patch: Partial<VixFormRow>) =>
    setRows(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const submit = (e: Event) => {
    e.preventDefault();
    const out = buildVixCurve(spot, rows, new Date(now()).toISOString());
    if (out.ok) {
      setErrors({});
      onSubmit(out.snapshot);
    } else setErrors(out.errors);
  };
  return (
    <form class="vix-form" onSubmit={submit} aria-label="enter the VIX curve by hand" noValidate>
      <p class="muted">
        No page supplied a VIX futures curve. Enter it here (VIX points) to turn Layer 2 on.
      </p>
      <label>
        VIX spot <input name="vix-spot" value={spot} onInput={(e) => setSpot(e.currentTarget.value)} />
      </label>
      {errors.spot && <span class="field-error">{errors.spot}</span>}
      {rows.map((r, i) => (
        <div class="vix-row" key={i}>
          <label>
            F{i + 1} expiry
            <input
              name={`vix-expiry-${i}`}
              placeholder="YYYY-MM-DD"
              value={r.expiry}
              onInput={(e) => setRow(i, { expiry: e.currentTarget.value })}
            />
          </label>
          <label>
            price
            <input
              name={`vix-price-${i}`}
              inputMode="decimal"
              value={r.price}
              onInput={(e) => setRow(i, { price: e.currentTarget.value })}
            />
          </label>
          {(errors[`expiry-${i}`] || errors[`price-${i}`]) && (
            <span class="field-error">{errors[`expiry-${i}`] ?? errors[`price-${i}`]}</span>
          )}
        </div>
      ))}
      <button type="button" onClick={() => setRows([...rows, { expiry: '', price: '' }])}>
        Add a month
      </button>
      <button type="submit">Use this curve</button>
      {errors.form && (
        <p class="field-error" role="alert">
          {errors.form}
        </p>
      )}
      {result && <p role="status">{result}</p>}
    </form>
  );
}
