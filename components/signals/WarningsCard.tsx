import type { ParityFlag } from '../../lib/engine/plan-types';
import type { QualityFlag } from '../../lib/engine/snapshot-types';
import { Card } from '../ui/Card';
import { formatPoints, formatStrike } from '../ui/format';

export interface WarningsCardProps {
  warnings: string[];
  parity: ParityFlag[];
  /** Reader data-quality flags of the chain (zero bids, crossed markets…). */
  quality: QualityFlag[];
}

const MAX_QUALITY_SHOWN = 12;

/** Parity-scan flags, data-quality flags and plan warnings. */
export function WarningsCard({ warnings, parity, quality }: WarningsCardProps) {
  if (warnings.length + parity.length + quality.length === 0)
    return (
      <Card title="Warnings" testId="warnings-card">
        <p class="muted">No parity or data-quality warnings.</p>
      </Card>
    );
  return (
    <Card title="Warnings" testId="warnings-card">
      {warnings.length > 0 && (
        <ul class="warnings">
          {warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      )}
      {parity.length > 0 && (
        <>
          <h3>Put-call parity</h3>
          <ul class="parity">
            {parity.map((p) => (
              <li key={p.expiry + p.strike + p.kind}>
                {p.expiry} {formatStrike(p.strike)} {p.kind} (edge {formatPoints(p.edge)}): {p.text}
              </li>
            ))}
          </ul>
        </>
      )}
      {quality.length > 0 && (
        <>
          <h3>Data quality</h3>
          <ul class="quality">
            {quality.slice(0, MAX_QUALITY_SHOWN).map((q, i) => (
              <li key={i}>
                {q.kind}: {q.detail}
              </li>
            ))}
            {quality.length > MAX_QUALITY_SHOWN && <li>… and {quality.length - MAX_QUALITY_SHOWN} more</li>}
          </ul>
        </>
      )}
    </Card>
  );
}
