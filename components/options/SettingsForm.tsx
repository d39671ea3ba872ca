import type { Settings } from '../../lib/engine/settings-types';
import type { SaveState } from '../../lib/stores/settings-store';
import { NumberField } from '../ui/NumberField';
import { FIELDS, type FieldMeta, GROUPS } from './settings-fields';

export interface SettingsFormProps {
  saved: Settings;
  drafts: Record<string, string>;
  errors: Record<string, string>;
  saveState: SaveState;
  onNumber: (path: string, text: string) => void;
  onValue: (path: string, value: boolean | string) => void;
}

const SAVE_TEXT: Record<SaveState, string> = {
  idle: '',
  saved: 'Saved.',
  invalid: 'Not saved: fix the field marked in red.',
  error: 'Could not save.',
};

function Field({ f, p }: { f: FieldMeta; p: SettingsFormProps }) {
  const path = `${f.group}.${f.key}`;
  const id = `f-${f.group}-${f.key}`;
  const current = (p.saved[f.group] as Record<string, unknown>)[f.key];
  if (f.kind === 'boolean')
    return (
      <div class="field">
        <label for={id}>
          <input
            id={id}
            type="checkbox"
            checked={current === true}
            onChange={(e) => p.onValue(path, e.currentTarget.checked)}
          />{' '}
          {f.label}
        </label>
      </div>
    );
  if (f.kind === 'select')
    return (
      <div class="field">
        <label for={id}>{f.label}</label>
        <select id={id} value={String(current)} onInput={(e) => p.onValue(path, e.currentTarget.value)}>
          {f.options?.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </div>
    );
  // Only one of the two wing widths is used, depending on the wing mode.
  const wingUnused =
    (f.key === 'wingWidthPoints' && p.saved.condor.wingMode !== 'points') ||
    (f.key === 'wingExpectedMoveFraction' && p.saved.condor.wingMode !== 'expected-move-fraction');
  return (
    <NumberField
      id={id}
      label={f.label}
      unit={f.unit}
      help={wingUnused ? 'Not used with the current wing mode.' : f.help}
      disabled={wingUnused}
      value={p.drafts[path] ?? ''}
      error={p.errors[path] ?? null}
      onInput={(text) => p.onNumber(path, text)}
    />
  );
}

/** Every risk limit and method setting, grouped; each field validated as it is typed. */
export function SettingsForm(p: SettingsFormProps) {
  return (
    <form aria-label="settings" onSubmit={(e) => e.preventDefault()} noValidate>
      {GROUPS.map((g) => (
        <fieldset key={g.key} data-group={g.key}>
          <legend>{g.title}</legend>
          <div class="group-fields">
            {FIELDS.filter((f) => f.group === g.key).map((f) => (
              <Field key={f.key} f={f} p={p} />
            ))}
          </div>
        </fieldset>
      ))}
      <p class="save-state" role="status" data-testid="save-state">
        {SAVE_TEXT[p.saveState]}
      </p>
    </form>
  );
}
