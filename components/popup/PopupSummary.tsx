import type { Plan } from '../../lib/engine/plan-types';
import type { ReaderStatus } from '../../lib/schema/tab-state';
import { Figure } from '../ui/Figure';
import { formatPercent, formatPoints, formatStrike, formatUsd } from '../ui/format';

export interface PopupSummaryProps {
  plan: Plan | null;
  status: ReaderStatus | null;
  planError: string | null;
  /** Quotes older than the configured age, minutes (null when fresh). */
  staleMinutes?: number | null;
  /** What the page lacks for Layer 1, in the trader's terms (components/plan/plain-reasons.ts). */
  missing?: string[];
}

/** The current suggestion at a glance: break-evens, max profit/loss, POP. */
export function PopupSummary({
  plan,
  status,
  planError,
  staleMinutes = null,
  missing = [],
}: PopupSummaryProps) {
  const best = plan?.condor.figures?.best ?? null;
  if (!best)
    return (
      <section class="card" aria-label="current suggestion">
        <p class="muted" data-testid="popup-no-plan">
          {plan
            ? plan.condor.reason
            : planError
              ? `No plan: ${planError}`
              : status?.state === 'failed'
                ? `Reader failed: ${status.failure.detail}`
                : 'No plan for this tab. Open a supported option-chain page.'}
        </p>
        {missing.length > 0 && (
          <ul class="missing" data-testid="popup-missing">
            {missing.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        )}
      </section>
    );
  const { longPut, shortPut, shortCall, longCall } = best.legs;
  return (
    <section class="card" aria-label="current suggestion">
      <h2>
        {plan?.underlying.symbol} {best.expiry}: {formatStrike(longPut.strike)} /{' '}
        {formatStrike(shortPut.strike)} / {formatStrike(shortCall.strike)} / {formatStrike(longCall.strike)}
      </h2>
      {staleMinutes !== null && (
        <p class="stale-banner" role="alert" data-testid="popup-stale">
          Stale: quotes are {Math.floor(staleMinutes)} min old.
        </p>
      )}
      <dl class="figs">
        <Figure
          label="Break-evens"
          value={
            <span data-testid="popup-break-evens">
              {formatStrike(best.breakEvenLow)} – {formatStrike(best.breakEvenHigh)}
            </span>
          }
          why="Short put − credit (mid) and short call + credit."
        />
        <Figure
          label="Max profit"
          value={`${formatPoints(best.creditMid)} (${formatUsd(best.creditUsd)} for ${best.contracts})`}
          why="The credit at mid, kept when SPX settles between the shorts."
        />
        <Figure
          label="Max loss"
          value={`${formatPoints(best.maxLoss)} (${formatUsd(best.maxLossUsd)} for ${best.contracts})`}
          why="Widest wing − credit, × $100 × contracts."
        />
        <Figure
          label="POP"
          value={formatPercent(best.probabilityOfProfit)}
          why="Probability of finishing between the break-evens under the solved smile."
        />
      </dl>
    </section>
  );
}
