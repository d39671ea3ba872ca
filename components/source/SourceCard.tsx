import { quoteStaleness, staleRuleText } from '../../lib/engine/market/quote-staleness';
import type { TabState } from '../../lib/schema/tab-state';
import { Card } from '../ui/Card';
import { Figure } from '../ui/Figure';
import { formatAge, formatInstant } from '../ui/format';
import { DROP_REASON_TEXT, siteOf, snapshotAgeMinutes } from './freshness';
import { StatusLine } from './StatusLine';

export interface SourceCardProps {
  tab: TabState | null;
  nowMs: number;
  staleAfterMinutes: number;
  /** Offered when nothing was read in this tab: read it with the generic reader. */
  onReadThisTab?: () => void;
  /** Why the last "read this page" was refused, shown as is. */
  readError?: string | null;
}

/** Where the numbers come from: site, reader, quote time, freshness, rows read and dropped. */
export function SourceCard({ tab, nowMs, staleAfterMinutes, onReadThisTab, readError }: SourceCardProps) {
  if (!tab)
    return (
      <Card title="Source" testId="source-card">
        <p class="muted">
          Nothing read in this tab yet. Open a supported option-chain page, or read this one with the generic
          reader (after clicking the ALVH toolbar button on it).
        </p>
        {onReadThisTab && (
          <button type="button" onClick={onReadThisTab} data-testid="read-this-tab">
            Read this page
          </button>
        )}
        {readError && (
          <p class="field-error" role="alert" data-testid="read-this-tab-error">
            {readError}
          </p>
        )}
      </Card>
    );
  const chain = tab.chain;
  const age = chain ? snapshotAgeMinutes(chain, nowMs) : null;
  const staleness = chain ? quoteStaleness(chain, nowMs, staleAfterMinutes) : null;
  const stale = staleness?.stale ?? false;
  const rule = chain ? staleRuleText(chain.source.reader, staleAfterMinutes) : '';
  const droppedTotal = chain?.dropped.reduce((n, d) => n + d.count, 0) ?? 0;
  return (
    <Card title="Source" testId="source-card">
      <StatusLine status={tab.status} url={tab.url} />
      {chain && (
        <dl class="figs">
          <Figure label="Site" value={siteOf(chain.source.url)} why={`Read from ${chain.source.url}`} />
          <Figure
            label="Reader"
            value={chain.source.reader}
            why="The page reader that recognised this page."
          />
          <Figure
            label="Quote time"
            value={formatInstant(chain.quoteTime, nowMs)}
            why={
              chain.quoteTime
                ? 'The time the page printed for its quotes.'
                : 'The page shows no quote time; freshness uses the time it was read.'
            }
          />
          <Figure
            label="Freshness"
            tone={stale ? 'stale' : undefined}
            value={
              <span data-testid="freshness">
                {stale
                  ? `STALE: ${formatAge(age)} old`
                  : staleness?.closedSinceQuote
                    ? `last close, ${formatAge(age)} old (market closed)`
                    : age !== null && age < 1
                      ? 'just now'
                      : `${formatAge(age)} old`}
              </span>
            }
            why={`${rule} The stale setting is on the options page (data). Read at ${formatInstant(chain.source.readAt, nowMs)}.`}
          />
          <Figure
            label="Rows read"
            value={`${chain.coverage.rowsRead} rows, ${chain.coverage.expiriesRead} of ${chain.coverage.expiriesListed} expiries`}
            why={chain.coverage.note ?? 'Every listed expiry the page showed was read.'}
          />
          <Figure
            label="Rows dropped"
            value={`${droppedTotal}`}
            why={
              droppedTotal === 0
                ? 'No row was dropped.'
                : 'Rows the reader could not use are left out, never guessed.'
            }
          />
        </dl>
      )}
      {chain && (
        <p class="muted" data-testid="stale-rule">
          {rule}
        </p>
      )}
      {tab.vixCurve && (
        <dl class="figs">
          <Figure
            label="VIX curve"
            value={`${tab.vixCurve.futures.length} futures, ${tab.vixCurve.source.reader === 'manual' ? 'entered by hand' : `from ${siteOf(tab.vixCurve.source.url)}`}, ${formatAge(snapshotAgeMinutes(tab.vixCurve, nowMs))} old`}
            why={`Read at ${formatInstant(tab.vixCurve.source.readAt, nowMs)} by the ${tab.vixCurve.source.reader} reader; the newest curve (page or entered) is used for every tab.`}
          />
        </dl>
      )}
      {tab.vixChain && (
        <dl class="figs">
          <Figure
            label="VIX options"
            value={`from ${siteOf(tab.vixChain.url)}, quotes of ${formatInstant(tab.vixChain.quoteTime ?? tab.vixChain.readAt)}`}
            why={`Layer 2 prices its VIX calls from the VIX option chain read at ${formatInstant(tab.vixChain.readAt)} by the ${tab.vixChain.reader} reader (only the Cboe VIX options page supplies it).`}
          />
        </dl>
      )}
      {chain && chain.dropped.length > 0 && (
        <ul class="dropped" aria-label="dropped rows by reason">
          {chain.dropped.map((d) => (
            <li key={d.reason}>
              {d.count} × {DROP_REASON_TEXT[d.reason] ?? d.reason}
            </li>
          ))}
        </ul>
      )}
      {stale && (
        <p class="warn" role="status">
          These quotes are older than {staleness?.allowanceMinutes} min: the plan below is computed from stale
          data. Reload the page to read fresh quotes.
        </p>
      )}
      {tab.planError && (
        <p class="warn" data-testid="plan-error">
          No plan: {tab.planError}
        </p>
      )}
    </Card>
  );
}
