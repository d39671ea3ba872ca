import { condorOrder } from '../../lib/engine/plan/order-line';
import type { Plan } from '../../lib/engine/plan-types';
import { PayoffChart } from '../chart/PayoffChart';
import { Card } from '../ui/Card';
import { CopyOrder } from '../ui/CopyOrder';
import { Why } from '../ui/Why';
import { AlternativesList } from './AlternativesList';
import { CondorFigures } from './CondorFigures';
import { LegTable } from './LegTable';
import { RollList } from './RollList';

/** Layer 1: the suggested base iron condor, its payoff, alternatives and roll suggestions. */
export function CondorCard({ plan, missing = [] }: { plan: Plan; missing?: string[] }) {
  const layer = plan.condor;
  const f = layer.figures;
  return (
    <Card title="Layer 1: base iron condor" status={layer.status} reason={layer.reason} testId="condor-card">
      {missing.length > 0 && (
        <ul class="missing" data-testid="layer1-missing" aria-label="what is missing">
          {missing.map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ul>
      )}
      <Why entries={layer.why} label="why: Layer 1" />
      {f && (
        <>
          <LegTable candidate={f.best} />
          {f.best.flags.length > 0 && (
            <ul class="flags" aria-label="flags">
              {f.best.flags.map((x) => (
                <li key={x}>{x}</li>
              ))}
            </ul>
          )}
          <CondorFigures c={f.best} />
          <CopyOrder ticket={condorOrder(f.best)} what="Layer 1 condor" />
          <PayoffChart
            candidate={f.best}
            spot={plan.underlying.price}
            forward={f.best.forward}
            title="Layer 1 payoff"
          />
          <h3>Alternatives</h3>
          <AlternativesList best={f.best} alternatives={f.alternatives} />
          <RollList rolls={f.rolls} why={layer.why} />
        </>
      )}
    </Card>
  );
}
