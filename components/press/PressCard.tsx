import type { Plan } from '../../lib/engine/plan-types';
import { CondorFigures } from '../condor/CondorFigures';
import { LegTable } from '../condor/LegTable';
import { Card } from '../ui/Card';
import { formatUsd } from '../ui/format';
import { Why } from '../ui/Why';

/** Layer 3: short-dated condors, only in extreme complacency. */
export function PressCard({ plan }: { plan: Plan }) {
  const layer = plan.press;
  const f = layer.figures;
  return (
    <Card title="Layer 3: theta press" status={layer.status} reason={layer.reason} testId="press-card">
      <Why entries={layer.why} label="why: Layer 3" />
      {f && (
        <>
          <p class="muted">Risk budget for the press: {formatUsd(f.riskBudgetUsd)}.</p>
          {f.candidates.map((c) => (
            <div class="press-candidate" key={c.expiry + c.legs.shortPut.strike + c.legs.shortCall.strike}>
              <LegTable candidate={c} />
              <CondorFigures c={c} />
            </div>
          ))}
        </>
      )}
    </Card>
  );
}
