import type { CondorCandidate, LegFigures } from '../../lib/engine/plan-types';
import { formatDelta, formatPercent, formatPoints, formatStrike } from '../ui/format';
import { TableScroll } from '../ui/TableScroll';
import { Why } from '../ui/Why';

const ORDER = ['longPut', 'shortPut', 'shortCall', 'longCall'] as const;

function LegRow({ leg }: { leg: LegFigures }) {
  return (
    <tr data-strike={leg.strike} data-role={`${leg.action}-${leg.side}`}>
      <td title={leg.occSymbol ?? undefined}>
        {leg.action === 'sell' ? 'Sell' : 'Buy'} {leg.side}
      </td>
      <td class="num strike">{formatStrike(leg.strike)}</td>
      <td class="num">{formatDelta(leg.delta)}</td>
      <td class="num">{formatPercent(leg.iv)}</td>
      <td class="num">
        {formatPoints(leg.bid)} / {formatPoints(leg.ask)}
      </td>
    </tr>
  );
}

/** The four legs of a condor: strike, our delta, solved IV, bid/ask (points per share). */
export function LegTable({ candidate }: { candidate: CondorCandidate }) {
  return (
    <>
      <p class="contract">
        {candidate.root ?? 'root not shown'}
        {candidate.settlement ? `, ${candidate.settlement}-settled` : ''} · {candidate.expiry}
      </p>
      <TableScroll label="condor legs">
        <table class="legs" aria-label={`legs, expiry ${candidate.expiry}`}>
          <thead>
            <tr>
              <th scope="col">Leg</th>
              <th scope="col">Strike</th>
              <th scope="col">Delta</th>
              <th scope="col">IV</th>
              <th scope="col">Bid / ask</th>
            </tr>
          </thead>
          <tbody>
            {ORDER.map((k) => (
              <LegRow key={k} leg={candidate.legs[k]} />
            ))}
          </tbody>
        </table>
      </TableScroll>
      <Why
        label="why: legs"
        text="Delta and IV are ours: Black-76 on the expiry's parity forward with the vol solved from each mid. Bid and ask are the page's quotes; the page's own greeks are never mixed in. Hover a leg for its OCC symbol."
      />
    </>
  );
}
