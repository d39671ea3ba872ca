export interface NumberFieldProps {
  id: string;
  label: string;
  /** Raw text as typed (kept even when invalid so the user can fix it). */
  value: string;
  unit?: string;
  help?: string;
  error?: string | null;
  step?: string;
  /** Shown but not editable (e.g. a setting the current mode does not use). */
  disabled?: boolean;
  onInput: (raw: string) => void;
}

/** A labelled numeric input with its unit and a field-level error message. */
export function NumberField({
  id,
  label,
  value,
  unit,
  help,
  error,
  step,
  disabled,
  onInput,
}: NumberFieldProps) {
  const errId = `${id}-error`;
  return (
    <div class={error ? 'field field-invalid' : 'field'}>
      <label for={id}>
        {label}
        {unit && <span class="unit"> ({unit})</span>}
      </label>
      <input
        id={id}
        name={id}
        type="text"
        inputMode="decimal"
        value={value}
        step={step}
        disabled={disabled}
        aria-invalid={error ? 'true' : 'false'}
        aria-describedby={error ? errId : undefined}
        onInput={(e) => onInput((e.currentTarget as HTMLInputElement).value)}
      />
      {help && <small class="help">{help}</small>}
      {error && (
        <span id={errId} class="field-error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}
