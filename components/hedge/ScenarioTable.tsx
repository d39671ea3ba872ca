import type { ScenarioRow } from '../../lib/engine/plan-types';
import { formatNumber, formatPercent, formatUsd } from '../ui/format';
import { TableScroll } from '../ui/TableScroll';
import { Why } from '../ui/Why';

/** Scenario payoffs of condor, hedge and the net position, in dollars. */
export function ScenarioTable({ rows }: { rows: ScenarioRow[] }) {
  return (
    <>
      <TableScroll label="hedge scenarios table">
        <table class="scenarios" aria-label="hedge scenarios">
          <thead>
            <tr>
              <th scope="col">Scenario</th>
              <th scope="col">SPX</th>
              <th scope="col">VIX</th>
              <th scope="col">Condor</th>
              <th scope="col">Hedge</th>
              <th scope="col">Net</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.name}>
                <th scope="row">{r.name}</th>
                <td class="num">{formatPercent(r.spxMove, 0)}</td>
                <td class="num">{formatNumber(r.vixLevel, 1)}</td>
                <td class={`num ${r.condorPnlUsd < 0 ? 'neg' : 'pos'}`}>{formatUsd(r.condorPnlUsd)}</td>
                <td class={`num ${r.hedgePnlUsd < 0 ? 'neg' : 'pos'}`}>{formatUsd(r.hedgePnlUsd)}</td>
                <td class={`num ${r.netPnlUsd < 0 ? 'neg' : 'pos'}`}>{formatUsd(r.netPnlUsd)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <Why
        label="why: scenarios"
        text="SPX moved to the condor's expiry; VIX answers by the configured points per 1 % drop. Condor P&L at expiry for all contracts; hedge P&L = its intrinsic value at the scenario VIX level minus its cost; net = both."
      />
    </>
  );
}
