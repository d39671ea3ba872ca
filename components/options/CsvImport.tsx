import { MAX_HISTORY_DAYS } from '../../lib/schema/stored';
import { type CsvParse, dateRangeOf, dateRangeText, droppedByReason } from '../../lib/stores/csv-import';
import type { ImportKind } from '../../lib/stores/import-store';

export interface CsvImportProps {
  kind: ImportKind;
  fileName: string | null;
  parsed: CsvParse<unknown> | null;
  message: string | null;
  /** History: replace the stored days instead of merging by date. */
  replace?: boolean;
  onReplace?: (replace: boolean) => void;
  onKind: (k: ImportKind) => void;
  onFile: (name: string, text: string) => void;
  onCommit: () => void;
}

const PREVIEW_ROWS = 50;
const HELP: Record<ImportKind, string> = {
  history: `Columns: Date, SPX Close (or Close: a Yahoo ^GSPC download works), and any of Advances, Declines, VIX Close, VIX Front Spread. A file of another kind (VIX, VVIX or VX futures history) is refused by its header. Days merge with the stored history by date (a day in the file replaces that day). At most ${MAX_HISTORY_DAYS.toLocaleString('en-US')} days in all.`,
  'vix-curve': 'Columns: Expiry, Price (and Symbol). A row with symbol or expiry "VIX" is the spot.',
};

/** The dates of the good rows, when the rows carry one (history). */
function goodDates(parsed: CsvParse<unknown>): string[] {
  return parsed.rows.flatMap((r) => {
    const v = r.value as { date?: unknown } | null;
    return v && typeof v.date === 'string' ? [v.date] : [];
  });
}

/**
 * CSV import with a preview of every row and its error; only good rows are imported. Says what
 * the file was read as, the good rows' date range and the rows left out by reason; a file of
 * another kind than the slot's is refused in words (lib/stores/csv-kind.ts).
 */
export function CsvImport({
  kind,
  fileName,
  parsed,
  message,
  replace,
  onReplace,
  onKind,
  onFile,
  onCommit,
}: CsvImportProps) {
  const good = parsed?.rows.filter((r) => r.error === null).length ?? 0;
  const bad = (parsed?.rows.length ?? 0) - good;
  const range = parsed ? dateRangeOf(goodDates(parsed)) : null;
  const dropped = parsed ? droppedByReason(parsed.rows) : [];
  return (
    <section class="card" aria-labelledby="csv-h">
      <h2 id="csv-h">Import data (CSV)</h2>
      <label>
        What{' '}
        <select name="csv-kind" value={kind} onInput={(e) => onKind(e.currentTarget.value as ImportKind)}>
          <option value="history">Daily history: SPX closes and NYSE breadth</option>
          <option value="vix-curve">VIX futures curve</option>
        </select>
      </label>
      <p class="help">{HELP[kind]}</p>
      {kind === 'history' && onReplace && (
        <label>
          <input
            type="checkbox"
            name="csv-replace"
            checked={replace === true}
            onChange={(e) => onReplace(e.currentTarget.checked)}
          />{' '}
          Replace the stored history with this file (instead of merging by date)
        </label>
      )}
      <input
        type="file"
        name="csv-file"
        accept=".csv,text/csv"
        aria-label="CSV file"
        onChange={async (e) => {
          const f = e.currentTarget.files?.[0];
          if (f) onFile(f.name, await f.text());
        }}
      />
      {parsed?.error && (
        <>
          <p class="field-error" role="alert">
            {parsed.error}
          </p>
          <p class="muted" data-testid="csv-unchanged">
            Nothing was imported: the stored {kind === 'history' ? 'history' : 'VIX curve'} is unchanged.
          </p>
        </>
      )}
      {parsed && parsed.rows.length > 0 && (
        <>
          <p data-testid="csv-summary">
            {fileName}: {good} good rows, {bad} with errors{bad > 0 ? ' (left out)' : ''}.
          </p>
          {parsed.identity && <p data-testid="csv-kind">Read as {parsed.identity.words}.</p>}
          {kind === 'history' && range && <p data-testid="csv-range">Dates: {dateRangeText(range)}</p>}
          {dropped.length > 0 && (
            <ul data-testid="csv-dropped" aria-label="Rows left out">
              {dropped.map((d) => (
                <li key={d.reason}>
                  {d.count.toLocaleString('en-US')} × {d.reason}
                </li>
              ))}
            </ul>
          )}
          <table aria-label="CSV preview" class="csv-preview">
            <thead>
              <tr>
                <th scope="col">Line</th>
                {parsed.columns.map((c) => (
                  <th scope="col" key={c}>
                    {c}
                  </th>
                ))}
                <th scope="col">Problem</th>
              </tr>
            </thead>
            <tbody>
              {parsed.rows.slice(0, PREVIEW_ROWS).map((r) => (
                <tr key={r.line} class={r.error ? 'csv-errors' : undefined}>
                  <td>{r.line}</td>
                  {parsed.columns.map((c) => (
                    <td key={c}>{r.cells[c] ?? ''}</td>
                  ))}
                  <td>{r.error ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {parsed.rows.length > PREVIEW_ROWS && (
            <p class="muted">… {parsed.rows.length - PREVIEW_ROWS} more rows</p>
          )}
          <button
            type="button"
            class="primary"
            disabled={good === 0 || parsed.error !== null}
            onClick={onCommit}
          >
            Import {good} good rows
          </button>
        </>
      )}
      {message && (
        <p role="status" data-testid="csv-message">
          {message}
        </p>
      )}
    </section>
  );
}
