import type { Plan } from '../../lib/engine/plan-types';
import { Card } from '../ui/Card';
import { Figure } from '../ui/Figure';
import { formatNumber } from '../ui/format';
import { Why } from '../ui/Why';

const TILT_TEXT = {
  'puts-further': 'put side further out',
  'calls-further': 'call side further out',
  neutral: 'no tilt',
} as const;

/** RSI, MACD, advance/decline and the tilt they put on the condor. */
export function SignalsCard({ plan }: { plan: Plan }) {
  const layer = plan.signals;
  const f = layer.figures;
  return (
    <Card title="Signals" status={layer.status} reason={layer.reason} testId="signals-card">
      <Why entries={layer.why} label="why: signals" />
      {f && (
        <dl class="figs">
          <Figure
            label="RSI"
            value={formatNumber(f.rsi, 1)}
            why="Wilder RSI on daily SPX closes: above 70 overbought, below 30 oversold."
          />
          <Figure
            label="MACD"
            value={
              f.macd
                ? `${formatNumber(f.macd.macd)} / signal ${formatNumber(f.macd.signal)} / hist ${formatNumber(f.macd.histogram)}`
                : '—'
            }
            why="MACD line (fast − slow EMA of closes) against its signal EMA."
          />
          <Figure
            label="A/D line"
            value={f.adLine === null ? '—' : formatNumber(f.adLine, 0)}
            why={`Cumulative NYSE advances − declines; divergence from SPX: ${f.adDivergence ?? 'no breadth data'}.`}
          />
          <Figure
            label="Tilt"
            value={TILT_TEXT[f.tilt]}
            why="Which side of the condor the signals push further out."
          />
        </dl>
      )}
    </Card>
  );
}
