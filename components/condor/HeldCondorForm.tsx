import type { HeldCondor } from '../../lib/engine/condor/rolls';
import type { CondorCandidate } from '../../lib/engine/plan-types';
import type { HeldDrafts, HeldErrors, HeldField } from '../../lib/stores/held-condor-form';
import type { HeldStatus } from '../../lib/stores/held-condor-store';
import { Card } from '../ui/Card';
import { formatPoints, formatStrike } from '../ui/format';
import { NumberField } from '../ui/NumberField';

export interface HeldCondorFormProps {
  /** Expiries the page lists (YYYY-MM-DD), the choices of the expiry select. */
  expiries: string[];
  /** Layer 1's best condor, to fill the form from (null when Layer 1 is off). */
  suggestion: CondorCandidate | null;
  saved: HeldCondor | null;
  drafts: HeldDrafts;
  errors: HeldErrors;
  status: HeldStatus;
  failure: string | null;
  onField: (field: HeldField, text: string) => void;
  onUseSuggestion: (c: CondorCandidate) => void;
  onSave: () => void;
  onClear: () => void;
}

const STRIKES: { field: HeldField; label: string }[] = [
  { field: 'longPut', label: 'Long put' },
  { field: 'shortPut', label: 'Short put' },
  { field: 'shortCall', label: 'Short call' },
  { field: 'longCall', label: 'Long call' },
];

function statusText(p: HeldCondorFormProps): string | null {
  switch (p.status) {
    case 'saved':
      return 'Saved: the plan is recomputed with this condor.';
    case 'cleared':
      return 'Cleared: no held condor.';
    case 'filled':
      return 'Filled from the suggestion (credit at mid): enter the credit you got, then Save.';
    case 'invalid':
      return 'Not saved: fix the fields marked.';
    case 'error':
      return `Could not save: ${p.failure ?? 'unknown error'}`;
    default:
      return null;
  }
}

/** Where the roll check stands for the stored condor on this page. */
function checkNote(p: HeldCondorFormProps): string | null {
  const h = p.saved;
  if (!h) return null;
  if (!p.expiries.includes(h.expiry))
    return `Its expiry ${h.expiry} is not on this page: no roll check here.`;
  if (!p.suggestion) return 'Layer 1 is off on this page, so no roll check is shown.';
  return 'Checked against this page: see the roll suggestions in Layer 1.';
}

/** The condor the user holds, for Layer 1's weekly roll check (saved to local storage). */
export function HeldCondorForm(p: HeldCondorFormProps) {
  const h = p.saved;
  const options = p.drafts.expiry && !p.expiries.includes(p.drafts.expiry) ? [p.drafts.expiry] : [];
  const message = statusText(p);
  const note = checkNote(p);
  const submit = (e: Event) => {
    e.preventDefault();
    p.onSave();
  };
  return (
    <Card title="Held condor" testId="held-condor">
      <p class="muted" data-testid="held-summary">
        {h
          ? `Held: ${h.expiry} ${formatStrike(h.longPut)}/${formatStrike(h.shortPut)} put side, ${formatStrike(h.shortCall)}/${formatStrike(h.longCall)} call side (points), credit ${formatPoints(h.credit)} per share, ${h.contracts} contract${h.contracts === 1 ? '' : 's'}.`
          : 'No held condor. Enter the one you hold to get roll suggestions.'}{' '}
        {note}
      </p>
      <form class="held-form" onSubmit={submit} aria-label="held condor" noValidate>
        <div class={p.errors.expiry ? 'field field-invalid' : 'field'}>
          <label for="held-expiry">Expiry (date)</label>
          <select
            id="held-expiry"
            name="held-expiry"
            value={p.drafts.expiry}
            aria-invalid={p.errors.expiry ? 'true' : 'false'}
            aria-describedby={p.errors.expiry ? 'held-expiry-error' : undefined}
            onInput={(e) => p.onField('expiry', e.currentTarget.value)}
          >
            <option value="">choose…</option>
            {[...options, ...p.expiries].map((x) => (
              <option key={x} value={x}>
                {p.expiries.includes(x) ? x : `${x} (not on this page)`}
              </option>
            ))}
          </select>
          {p.errors.expiry && (
            <span id="held-expiry-error" class="field-error" role="alert">
              {p.errors.expiry}
            </span>
          )}
        </div>
        {STRIKES.map((s) => (
          <NumberField
            key={s.field}
            id={`held-${s.field}`}
            label={`${s.label} strike`}
            unit="points"
            value={p.drafts[s.field]}
            error={p.errors[s.field] ?? null}
            onInput={(t) => p.onField(s.field, t)}
          />
        ))}
        {p.errors.strikes && (
          <p class="field-error" role="alert" data-testid="held-strikes-error">
            {p.errors.strikes}
          </p>
        )}
        <NumberField
          id="held-credit"
          label="Opening credit"
          unit="points per share"
          value={p.drafts.credit}
          error={p.errors.credit ?? null}
          onInput={(t) => p.onField('credit', t)}
        />
        <NumberField
          id="held-contracts"
          label="Contracts"
          unit="count"
          value={p.drafts.contracts}
          error={p.errors.contracts ?? null}
          onInput={(t) => p.onField('contracts', t)}
        />
        <div class="actions">
          {p.suggestion && (
            <button
              type="button"
              onClick={() => {
                if (p.suggestion) p.onUseSuggestion(p.suggestion);
              }}
            >
              Use the suggestion
            </button>
          )}
          <button type="submit">Save</button>
          {h && (
            <button type="button" onClick={p.onClear}>
              Clear
            </button>
          )}
        </div>
        {message && (
          <p role="status" data-testid="held-status">
            {message}
          </p>
        )}
      </form>
    </Card>
  );
}
