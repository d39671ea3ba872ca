import type { UiPrefs } from '../../lib/schema/ui-prefs';

export interface SurfacePrefsProps {
  prefs: UiPrefs;
  error: string | null;
  onToolbarOpens: (mode: UiPrefs['toolbarOpens']) => void;
  onUndismissHost: (host: string) => void;
}

const CHOICES: { value: UiPrefs['toolbarOpens']; label: string }[] = [
  { value: 'popup', label: 'the popup (break-evens, calculator)' },
  { value: 'side-panel', label: 'the side panel (the whole plan)' },
];

/** How the extension shows itself: what the toolbar button opens, where the chip is hidden. */
export function SurfacePrefs({ prefs, error, onToolbarOpens, onUndismissHost }: SurfacePrefsProps) {
  return (
    <section class="card" aria-labelledby="surfaces-h" data-testid="surface-prefs">
      <h2 id="surfaces-h">Toolbar button and page chip</h2>
      <fieldset>
        <legend>The toolbar button opens</legend>
        {CHOICES.map((c) => (
          <label key={c.value} class="choice">
            <input
              type="radio"
              name="toolbar-opens"
              value={c.value}
              checked={prefs.toolbarOpens === c.value}
              onChange={() => onToolbarOpens(c.value)}
            />{' '}
            {c.label}
          </label>
        ))}
        <p class="muted">Alt+Shift+A always opens the popup; the popup has a button for the side panel.</p>
      </fieldset>
      {prefs.chipDismissedHosts.length > 0 && (
        <fieldset>
          <legend>Chip hidden on pages without a chain at</legend>
          <ul class="plain-list">
            {prefs.chipDismissedHosts.map((h) => (
              <li key={h}>
                {h}{' '}
                <button type="button" onClick={() => onUndismissHost(h)}>
                  Show it again
                </button>
              </li>
            ))}
          </ul>
        </fieldset>
      )}
      {error && (
        <p class="field-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
