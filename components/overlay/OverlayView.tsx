import { useEffect, useState } from 'preact/hooks';
import type { OverlayPlan } from '../../lib/schema/overlay-plan';
import type { ReaderStatus } from '../../lib/schema/tab-state';
import { formatDelta, formatStrike } from '../ui/format';
import type { Mark } from './marks';

const ROLE_TEXT = { 'short-put': 'SP', 'long-put': 'LP', 'short-call': 'SC', 'long-call': 'LC' } as const;

/** How long the quiet chip (no chain on the page) stays open before it folds, ms. */
export const QUIET_CHIP_FOLD_MS = 4_000;

/** One formatter (toLocaleString builds one per call, at every redraw of a streaming page). */
const ROWS_FORMAT = new Intl.NumberFormat('en-US');
const rows = (n: number) => ROWS_FORMAT.format(n);

function chipText(status: ReaderStatus): string {
  switch (status.state) {
    case 'idle':
      return 'ALVH: waiting for the page';
    case 'reading':
      return status.rows ? `ALVH: Reading… ${rows(status.rows)} rows` : 'ALVH: Reading…';
    case 'read':
      return `ALVH: read ${rows(status.rows)} rows`;
    case 'failed':
      return status.failure.reason === 'not-a-chain'
        ? 'ALVH: no option chain on this page'
        : `ALVH: reader failed: ${status.failure.detail}`;
  }
}

/** A page with nothing for us: the chip stays grey and small, and can be hidden on the site. */
export function isQuiet(status: ReaderStatus): boolean {
  return (
    status.state === 'idle' ||
    (status.state === 'failed' && ['not-a-chain', 'unsupported-page'].includes(status.failure.reason))
  );
}

export interface OverlayViewProps {
  status: ReaderStatus;
  plan: OverlayPlan | null;
  marks: Mark[];
  /** A warning from the background (stale plan, storage problem), shown in the chip. */
  notice?: string | null;
  /** Hides the chip on this site (absent: no such button). */
  onDismissSite?: () => void;
  /** The user hid the chip on this site: a quiet chip is not drawn at all. */
  chipHidden?: boolean;
}

/** The floating status chip plus the badges and break-even lines on the page's rows. */
export function OverlayView({
  status,
  plan,
  marks,
  notice,
  onDismissSite,
  chipHidden = false,
}: OverlayViewProps) {
  const best = plan?.condor.figures?.best ?? null;
  const badges = marks.filter((m) => m.kind === 'badge').length;
  // A notice (stale plan, storage problem) keeps the chip open.
  const quiet = isQuiet(status) && !notice;
  const [folded, setFolded] = useState(false);
  // The quiet chip folds to a small tab after a few seconds; any other state opens it again.
  useEffect(() => {
    setFolded(false);
    if (!quiet) return;
    const t = setTimeout(() => setFolded(true), QUIET_CHIP_FOLD_MS);
    return () => clearTimeout(t);
  }, [quiet, status.state]);
  const sub = best
    ? `condor ${formatStrike(best.legs.shortPut.strike)} / ${formatStrike(best.legs.shortCall.strike)} · ${badges ? `${badges} legs marked` : 'leg rows not on this page'} · information, not financial advice`
    : plan
      ? plan.condor.reason
      : null;
  return (
    <div class="layer">
      {quiet && chipHidden ? null : quiet && folded ? (
        <button
          type="button"
          class="chip quiet folded"
          data-alvh-chip="folded"
          aria-label={`${chipText(status)} (show)`}
          onClick={() => setFolded(false)}
        >
          ALVH
        </button>
      ) : (
        <div class={`chip ${status.state}${quiet ? ' quiet' : ''}`} role="status" data-alvh-chip="">
          {chipText(status)}
          {sub && <span class="sub">{sub}</span>}
          {notice && (
            <span class="sub notice" data-alvh-notice="">
              {notice}
            </span>
          )}
          {quiet && onDismissSite && (
            <button type="button" class="chip-dismiss" onClick={onDismissSite}>
              Hide on this site
            </button>
          )}
        </div>
      )}
      {marks.map((m) =>
        m.kind === 'badge' ? (
          <div
            key={m.role}
            class={`badge ${m.role}${m.outside ? ' outside' : ''}`}
            data-alvh-badge={m.role}
            data-strike={m.strike}
            style={{
              left: `${m.box.left + m.box.width + (m.outside ? 6 : -4)}px`,
              top: `${m.box.top + m.box.height / 2}px`,
            }}
          >
            {ROLE_TEXT[m.role]} {formatStrike(m.strike)} Δ {formatDelta(m.delta)}
          </div>
        ) : (
          <div
            key={`be${m.level}`}
            class="be"
            data-alvh-be={m.level}
            style={{ left: `${m.box.left}px`, top: `${m.box.top}px`, width: `${m.box.width}px` }}
          >
            <span>BE {formatStrike(m.level)}</span>
          </div>
        ),
      )}
    </div>
  );
}
