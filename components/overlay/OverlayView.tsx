import type { OverlayPlan } from '../../lib/schema/overlay-plan';
import type { ReaderStatus } from '../../lib/schema/tab-state';
import { formatDelta, formatStrike } from '../ui/format';
import type { Mark } from './marks';

const ROLE_TEXT = { 'short-put': 'SP', 'long-put': 'LP', 'short-call': 'SC', 'long-call': 'LC' } as const;

function chipText(status: ReaderStatus): string {
  switch (status.state) {
    case 'idle':
      return 'ALVH: waiting for the page';
    case 'reading':
      return 'ALVH: reading…';
    case 'read':
      return `ALVH: read ${status.rows} rows`;
    case 'failed':
      return `ALVH: reader failed: ${status.failure.detail}`;
  }
}

export interface OverlayViewProps {
  status: ReaderStatus;
  plan: OverlayPlan | null;
  marks: Mark[];
  /** A warning from the background (stale plan, storage problem), shown in the chip. */
  notice?: string | null;
}

/** The floating status chip plus the badges and break-even lines on the page's rows. */
export function OverlayView({ status, plan, marks, notice }: OverlayViewProps) {
  const best = plan?.condor.figures?.best ?? null;
  const badges = marks.filter((m) => m.kind === 'badge').length;
  const sub = best
    ? `condor ${formatStrike(best.legs.shortPut.strike)} / ${formatStrike(best.legs.shortCall.strike)} · ${badges ? `${badges} legs marked` : 'leg rows not on this page'} · information, not financial advice`
    : plan
      ? plan.condor.reason
      : null;
  return (
    <div class="layer">
      <div class={`chip ${status.state}`} role="status" data-alvh-chip="">
        {chipText(status)}
        {sub && <span class="sub">{sub}</span>}
        {notice && (
          <span class="sub notice" data-alvh-notice="">
            {notice}
          </span>
        )}
      </div>
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
