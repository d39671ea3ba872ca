import type { ChainSnapshot, VixCurveSnapshot } from '../../lib/engine/snapshot-types';
import { formatInstant, formatStrike } from '../ui/format';

export interface ChainImportProps {
  fileName: string | null;
  chain: ChainSnapshot | null;
  message: string | null;
  kept: { fileName: string; importedAt: string } | null;
  /** A VIX futures curve the file held instead (Cboe settlement CSV), with what it left out. */
  curve?: { snapshot: VixCurveSnapshot; skipped: string[] } | null;
  onUseCurve?: () => void;
  onFile: (fileName: string, text: string) => void;
  onCommit: () => void;
  onClear: () => void;
}

/**
 * Import an option chain from a file (Cboe quotedata, thinkorswim or Fidelity exports, saved
 * broker JSON, a saved page): what was read is shown before it is kept for the side panel.
 */
export function ChainImport(p: ChainImportProps) {
  const pick = async (e: Event) => {
    const input = e.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    if (file) p.onFile(file.name, await file.text());
    input.value = '';
  };
  const rows = p.chain?.expiries.reduce((n, e) => n + e.rows.length, 0) ?? 0;
  return (
    <section class="card" aria-labelledby="chain-import-h" data-testid="chain-import">
      <h2 id="chain-import-h">Import an option chain</h2>
      <p class="muted">
        A Cboe "quotedata" download, a thinkorswim or Fidelity Active Trader Pro export, saved Schwab/TD,
        Yahoo or Cboe JSON, or a saved chain page. The kind is read from the content; nothing leaves the
        browser.
      </p>
      <label>
        Chain file{' '}
        <input
          type="file"
          name="chain-file"
          accept=".csv,.htm,.html,.json,.txt"
          onChange={(e) => void pick(e)}
        />
      </label>
      {p.chain && (
        <div data-testid="chain-import-preview">
          <p>
            {p.fileName}: {p.chain.underlying.symbol}
            {p.chain.underlying.price !== null ? ` at ${formatStrike(p.chain.underlying.price)}` : ''}, {rows}{' '}
            rows in {p.chain.expiries.length} expir{p.chain.expiries.length === 1 ? 'y' : 'ies'} (
            {p.chain.expiries[0]?.expiry}
            {p.chain.expiries.length > 1 ? ` to ${p.chain.expiries.at(-1)?.expiry}` : ''}), quotes of{' '}
            {formatInstant(p.chain.quoteTime ?? p.chain.source.readAt)}; read by {p.chain.source.reader}.
          </p>
          <button type="button" class="primary" onClick={p.onCommit}>
            Plan on this chain
          </button>
        </div>
      )}
      {p.curve && (
        <div data-testid="curve-import-preview">
          <p>
            {p.fileName}: a VIX futures curve, {p.curve.snapshot.futures.length} monthly VX kept (
            {p.curve.snapshot.futures[0]?.expiry} to {p.curve.snapshot.futures.at(-1)?.expiry})
            {p.curve.skipped.length > 0 ? `; other products skipped: ${p.curve.skipped.join(', ')}` : ''}.
          </p>
          <button type="button" class="primary" onClick={p.onUseCurve}>
            Use as the VIX curve
          </button>
        </div>
      )}
      {p.message && (
        <p
          class={p.message.startsWith('Not') ? 'field-error' : 'ok'}
          role="status"
          data-testid="chain-import-message"
        >
          {p.message}
        </p>
      )}
      {p.kept && (
        <p class="muted">
          Kept: {p.kept.fileName} ({formatInstant(p.kept.importedAt)}).{' '}
          <button type="button" onClick={p.onClear}>
            Remove it
          </button>
        </p>
      )}
    </section>
  );
}
