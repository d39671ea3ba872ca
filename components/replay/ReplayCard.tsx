import { useState } from 'preact/hooks';
import type { Settings } from '../../lib/engine/settings-types';
import { type ReplayReport, replayReport } from '../../lib/replay/report';
import { DEFAULT_REPLAY_SETTINGS, type ReplaySettings } from '../../lib/replay/types';
import {
  checkHistory,
  checkSize,
  HISTORY_LABELS,
  type HistoryCheck,
  type HistoryKind,
} from './history-files';
import { ReplayView } from './ReplayView';

/**
 * Options-page card "How the rules did": the user imports the four public histories (kept in
 * this page's memory only), picks a date range and runs the replay of the plan with their
 * saved settings; the result is drawn by ReplayView. The replay runs in this page (a few
 * seconds for 2013–2023); no event calendar is passed, so Layer 3 stays off and says so.
 */
type Loaded = { name: string; text: string; check: HistoryCheck };
const KINDS: HistoryKind[] = ['spx', 'vix', 'vx', 'vvix'];
const ISO = /^\d{4}-\d{2}-\d{2}$/;

export function ReplayCard({ settings }: { settings: Settings }) {
  const [files, setFiles] = useState<Partial<Record<HistoryKind, Loaded>>>({});
  const [refused, setRefused] = useState<Partial<Record<HistoryKind, string>>>({});
  const [from, setFrom] = useState('2013-01-01');
  const [to, setTo] = useState('2023-12-31');
  const [state, setState] = useState<'idle' | 'running'>('idle');
  const [costs, setCosts] = useState<ReplaySettings>(DEFAULT_REPLAY_SETTINGS);
  const [report, setReport] = useState<ReplayReport | null>(null);
  const [error, setError] = useState<string | null>(null);

  const costsOk = Object.values(costs).every((v) => Number.isFinite(v) && v >= 0 && v <= 100);
  const ready =
    KINDS.every((k) => files[k]?.check.ok) && ISO.test(from) && ISO.test(to) && from <= to && costsOk;
  const costField = (key: keyof ReplaySettings, label: string) => (
    <label>
      {label}{' '}
      <input
        type="number"
        name={`replay-${key}`}
        min={0}
        max={100}
        step={0.05}
        value={costs[key]}
        onInput={(e) => {
          const v = e.currentTarget.valueAsNumber;
          setCosts((c) => ({ ...c, [key]: v }));
        }}
      />
    </label>
  );

  const onFile = async (kind: HistoryKind, f: File) => {
    const tooBig = checkSize(f.size);
    if (tooBig) {
      setRefused((r) => ({ ...r, [kind]: tooBig }));
      setFiles(({ [kind]: _, ...rest }) => rest);
      return;
    }
    const text = await f.text();
    setRefused(({ [kind]: _, ...rest }) => rest);
    setFiles((x) => ({ ...x, [kind]: { name: f.name, text, check: checkHistory(kind, text) } }));
  };

  const run = () => {
    const [spx, vix, vx, vvix] = KINDS.map((k) => files[k]?.text ?? '');
    setState('running');
    setError(null);
    // Let the "Running…" state paint before the synchronous replay holds the page.
    setTimeout(() => {
      try {
        setReport(
          replayReport({
            texts: { spx: spx ?? '', vix: vix ?? '', vx: vx ?? '', vvix: vvix ?? '' },
            from,
            to,
            settings,
            replay: costs,
            calendar: null,
          }),
        );
      } catch (err) {
        setReport(null);
        setError(err instanceof Error ? err.message : String(err));
      }
      setState('idle');
    }, 0);
  };

  return (
    <section class="card" aria-labelledby="replay-h" data-testid="replay-card">
      <h2 id="replay-h">How the rules did (2013–2023 replay)</h2>
      <p class="help">
        Import the four public histories, then run the plan each Friday over the range. Files stay in this
        page only; each is limited to 8 MB.
      </p>
      {KINDS.map((k) => (
        <div key={k} class="replay-file">
          <label>
            {HISTORY_LABELS[k]}{' '}
            <input
              type="file"
              name={`replay-${k}`}
              accept=".csv,text/csv"
              onChange={(e) => {
                const f = e.currentTarget.files?.[0];
                if (f) void onFile(k, f);
              }}
            />
          </label>
          {refused[k] && (
            <p class="field-error" role="alert">
              {refused[k]}
            </p>
          )}
          {files[k] && (
            <p class={files[k]?.check.ok ? 'help' : 'field-error'} data-testid={`replay-file-${k}`}>
              {files[k]?.name}: {files[k]?.check.message}
              {files[k]?.check.span ? ` ${files[k]?.check.span?.[0]} … ${files[k]?.check.span?.[1]}.` : ''}
            </p>
          )}
        </div>
      ))}
      <label>
        From{' '}
        <input type="date" name="replay-from" value={from} onInput={(e) => setFrom(e.currentTarget.value)} />
      </label>{' '}
      <label>
        To <input type="date" name="replay-to" value={to} onInput={(e) => setTo(e.currentTarget.value)} />
      </label>{' '}
      <div>
        {costField('slippagePointsPerLeg', 'Slippage per leg (points)')}{' '}
        {costField('commissionUsdPerContract', 'Commission per contract per leg ($)')}{' '}
        {costField('quoteHalfSpreadPoints', 'Model half-spread (points)')}
      </div>
      <button type="button" disabled={!ready || state === 'running'} onClick={run}>
        {state === 'running' ? 'Running…' : 'Run the replay'}
      </button>
      {error && (
        <p class="field-error" role="alert">
          {error}
        </p>
      )}
      {report && <ReplayView report={report} />}
    </section>
  );
}
