import { hedgeOrder } from '../../lib/engine/plan/order-line';
import type { HedgeFigures, Plan } from '../../lib/engine/plan-types';
import { limitLabel } from '../options/settings-fields';
import { Card } from '../ui/Card';
import { CopyOrder } from '../ui/CopyOrder';
import { Figure } from '../ui/Figure';
import { formatNumber, formatPercent, formatPoints, formatStrike, formatUsd } from '../ui/format';
import { Why } from '../ui/Why';
import { ScenarioTable } from './ScenarioTable';
import { TermStructureChart } from './TermStructureChart';
import { TermStructureFigures } from './TermStructureFigures';

function HedgeFiguresList({ h }: { h: HedgeFigures }) {
  const what =
    h.instrument === 'vix-call'
      ? `${h.contracts} × VIX ${h.expiry} ${formatStrike(h.strike)} call @ ${formatPoints(h.price)}`
      : `${h.contracts} × VIX future ${h.expiry} @ ${formatNumber(h.price)}`;
  return (
    <dl class="figs">
      <Figure
        label="Hedge"
        value={<span data-testid="hedge-position">{what}</span>}
        why={`Bound by ${limitLabel(h.boundBy)}.`}
      />
      <Figure
        label={h.instrument === 'vix-call' ? 'Cost' : 'Can give back'}
        value={formatUsd(h.costUsd)}
        why={
          h.instrument === 'vix-call'
            ? `Premium at the ask. Budget ${formatUsd(h.budgetUsd)} (share of the condor credit).`
            : `No premium, but a future bought in backwardation is not free: the larger of its roll-down to spot and its fall if VIX returns to its long-run median. Budget ${formatUsd(h.budgetUsd)}.`
        }
      />
      <Figure
        label="If VIX falls"
        value={formatUsd(-h.vixFallsLossUsd)}
        why={`The hedge, net of cost, at the condor's expiry with SPX flat and VIX at ${formatNumber(h.vixFallsTo)} (its long-run median).`}
      />
      {h.marginUsd > 0 && (
        <Figure
          label="Margin tied up"
          value={formatUsd(h.marginUsd)}
          why="Contracts × the VIX future margin setting (your broker's figure; the default is an assumption)."
        />
      )}
      <Figure
        label="Carry"
        value={`${formatUsd(h.carryUsdPerMonth)} / month`}
        why="Roll-yield drag of holding the hedge."
      />
      <Figure
        label="Pays back"
        value={`${formatPercent(h.paybackShare, 0)} of ${formatUsd(h.stressLossUsd)}`}
        why={`Share of the condor's stress-scenario loss the hedge returns; target expanded ×${formatNumber(h.expansion)} as the curve flattened.`}
      />
      <Figure
        label="Worth its cost"
        tone={h.worthItsCost ? undefined : 'bad'}
        value={h.worthItsCost ? 'yes' : 'no: it costs more than it saves'}
        why={h.costBenefit}
      />
    </dl>
  );
}

/** Layer 2: VIX term structure against its norms, and the hedge with its scenarios. */
export function HedgeCard({ plan }: { plan: Plan }) {
  const layer = plan.hedge;
  const f = layer.figures;
  return (
    <Card title="Layer 2: VIX hedge" status={layer.status} reason={layer.reason} testId="hedge-card">
      <Why entries={layer.why} label="why: Layer 2" />
      {f && (
        <>
          <TermStructureChart ts={f.termStructure} />
          <TermStructureFigures ts={f.termStructure} />
          {f.hedge && (
            <>
              <HedgeFiguresList h={f.hedge} />
              {layer.status !== 'off' && <CopyOrder ticket={hedgeOrder(f.hedge)} what="Layer 2 hedge" />}
              <ScenarioTable rows={f.hedge.scenarios} />
            </>
          )}
        </>
      )}
    </Card>
  );
}
