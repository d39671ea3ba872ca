import type { ReplayReport } from '../../lib/replay/report';
import { formatNumber, formatPoints, formatUsd } from '../ui/format';
import { TableScroll } from '../ui/TableScroll';
import { EquityChart } from './EquityChart';

const VARIANTS = [
  { key: 'condorOnly', label: 'Condor only' },
  { key: 'condorHedge', label: 'Condor + VIX hedge' },
  { key: 'allLayers', label: 'All three layers' },
] as const;

/** "How the rules did": the replay's three equity curves, summary, episodes and model fit. */
export function ReplayView({ report }: { report: ReplayReport }) {
  const v = report.variants;
  return (
    <div data-testid="replay-view">
      <p class="replay-label" data-testid="replay-label">
        <strong>{capitalise(report.model.label)}.</strong> {report.from} to {report.to}, weekly.
      </p>
      <EquityChart series={VARIANTS.map((x) => ({ id: x.key, label: x.label, points: v[x.key].equity }))} />
      <TableScroll label="Replay summary">
        <table aria-label="Replay summary">
          <thead>
            <tr>
              <th scope="col">Variant</th>
              <th scope="col">Total P/L</th>
              <th scope="col">Max drawdown</th>
              <th scope="col">Worst week</th>
            </tr>
          </thead>
          <tbody>
            {VARIANTS.map((x) => (
              <tr key={x.key} data-variant={x.key}>
                <th scope="row">{x.label}</th>
                <td>{formatUsd(v[x.key].totalPnlUsd)}</td>
                <td>{formatUsd(v[x.key].maxDrawdownUsd)}</td>
                <td>
                  {v[x.key].worstWeek
                    ? `${formatUsd(v[x.key].worstWeek?.pnlUsd)} (${v[x.key].worstWeek?.date})`
                    : '—'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <TableScroll label="Stress episodes">
        <table aria-label="Stress episodes">
          <thead>
            <tr>
              <th scope="col">Episode</th>
              <th scope="col">Condor P/L</th>
              <th scope="col">Hedge P/L</th>
              <th scope="col">Press P/L</th>
            </tr>
          </thead>
          <tbody>
            {report.episodes.map((e) => (
              <tr key={e.name} data-episode={e.name}>
                <th scope="row">
                  {e.name}{' '}
                  <span class="help">
                    ({e.from} – {e.to})
                  </span>
                </th>
                <td>{formatUsd(e.condorPnlUsd)}</td>
                <td>{formatUsd(e.hedgePnlUsd)}</td>
                <td>{formatUsd(e.pressPnlUsd)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      {report.episodes.length === 0 && <p class="help">No stress episode lies wholly inside this range.</p>}
      <h3>Model fit against real SPX chains</h3>
      <TableScroll label="Skew fit error">
        <table aria-label="Skew fit error">
          <thead>
            <tr>
              <th scope="col">Chain</th>
              <th scope="col">VIX</th>
              <th scope="col">RMS IV error</th>
              <th scope="col">Bias</th>
              <th scope="col">Largest</th>
              <th scope="col">RMS, 21–45 days</th>
            </tr>
          </thead>
          <tbody>
            {report.fit.byChain.map((f) => (
              <tr key={f.chain} data-fit={f.date}>
                <th scope="row">{f.date}</th>
                <td>{formatNumber(f.vix)}</td>
                <td>{formatNumber(f.rmsVolPoints, 1)} vol pts</td>
                <td>{formatNumber(f.meanVolPoints, 1)} vol pts</td>
                <td>{formatNumber(f.maxAbsVolPoints, 1)} vol pts</td>
                <td>{formatNumber(f.condorWindow.rmsVolPoints, 1)} vol pts</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <p class="help">
        Smile: ATM vol {report.model.skew.atmToVix} × VIX, skew {report.model.skew.skew}, curvature{' '}
        {report.model.skew.curvature} per standard deviation; {report.fit.source}.
      </p>
      <p class="help">
        Fills at model mid ± {formatPoints(report.settings.replay.slippagePointsPerLeg)} points per leg,{' '}
        {formatUsd(report.settings.replay.commissionUsdPerContract, true)} commission per contract per leg.{' '}
        {report.model.positionRules}
      </p>
      <p class="help">{report.events.note}</p>
      <p class="help">
        {report.trades.length} trades; {report.skipped.length} decision days left out for missing data.
      </p>
      <p class="help">Limits: {report.model.limits}</p>
    </div>
  );
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
