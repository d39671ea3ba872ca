import { useRef } from 'preact/hooks';

export interface SettingsToolsProps {
  exportJson: () => string;
  onImport: (text: string) => void;
  onReset: () => void;
  message: string | null;
}

/** Export the settings as a JSON file, import one (validated before anything is saved), reset. */
export function SettingsTools({ exportJson, onImport, onReset, message }: SettingsToolsProps) {
  const fileRef = useRef<HTMLInputElement>(null);
  const download = () => {
    const url = URL.createObjectURL(new Blob([exportJson()], { type: 'application/json' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = 'alvh-settings.json';
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1_000);
  };
  const pick = async (e: Event) => {
    const file = (e.currentTarget as HTMLInputElement).files?.[0];
    if (file) onImport(await file.text());
    if (fileRef.current) fileRef.current.value = '';
  };
  return (
    <section class="card" aria-labelledby="tools-h">
      <h2 id="tools-h">Import, export, reset</h2>
      <button type="button" onClick={download}>
        Export settings (JSON)
      </button>
      <label class="file">
        Import settings (JSON){' '}
        <input
          ref={fileRef}
          type="file"
          accept="application/json,.json"
          name="import-settings"
          onChange={pick}
        />
      </label>
      <button type="button" onClick={onReset}>
        Reset to defaults
      </button>
      {message && (
        <p role="status" data-testid="tools-message">
          {message}
        </p>
      )}
    </section>
  );
}
