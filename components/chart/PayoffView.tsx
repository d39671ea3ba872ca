import { useState } from 'preact/hooks';
import { formatStrike, formatUsd } from '../ui/format';
import { type Cursor, LineChart, type Marker, type Series } from './LineChart';
import {
  beforeExpiryUsd,
  expiryUsd,
  extremesUsd,
  modelDomain,
  modelSeries,
  type PayoffModel,
} from './payoff-model';
import { extent } from './scale';

export interface PayoffViewProps {
  model: PayoffModel;
  title: string;
  height?: number;
  /** Date of "today" (YYYY-MM-DD, New York), to name the slider's day; omitted: T+n only. */
  today?: string;
}

const MAX_VOL_SHIFT_POINTS = 10;

function addDays(day: string, n: number): string {
  const d = new Date(`${day}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toLocaleDateString('en-US', { month: 'short', day: 'numeric', timeZone: 'UTC' });
}

const signedUsd = (v: number | null) => (v === null ? '—' : `${v > 0 ? '+' : ''}${formatUsd(v)}`);

/**
 * The condor's P/L chart a trader reads: expiry and T+n curves, max profit and max loss
 * labelled, spot and break-evens marked, a crosshair (pointer or arrow keys) reading P/L at a
 * price, a date slider (T+n days) and an IV shift for the curve before expiry.
 */
export function PayoffView({ model: m, title, height, today }: PayoffViewProps) {
  const [cursorX, setCursorX] = useState<number | null>(null);
  const [daysAhead, setDaysAhead] = useState(0);
  const [volPoints, setVolPoints] = useState(0);
  const maxDays = Math.max(0, Math.floor(m.daysToExpiry));
  const days = Math.min(daysAhead, maxDays);
  const { expiry, before } = modelSeries(m, days, volPoints);
  const dayName = days === 0 ? 'today' : `T+${days} d`;
  const beforeLabel = `${dayName}${volPoints ? `, IV ${volPoints > 0 ? '+' : ''}${volPoints} pts` : ''}`;
  const series: Series[] = [{ id: 'expiry', label: 'at expiry', points: expiry, cls: 'line-a' }];
  if (before.length) series.push({ id: 'today', label: beforeLabel, points: before, cls: 'line-b' });
  const { maxProfitUsd, maxLossUsd } = extremesUsd(m);
  const markers: Marker[] = [
    { at: m.breakEvenLow, label: `BE ${formatStrike(m.breakEvenLow)}`, cls: 'mark-be' },
    { at: m.breakEvenHigh, label: `BE ${formatStrike(m.breakEvenHigh)}`, cls: 'mark-be' },
  ];
  if (m.spot !== null)
    markers.push({ at: m.spot, label: `${m.nowLabel} ${formatStrike(m.spot)}`, cls: 'mark-spot' });
  const domain = modelDomain(m);
  const cursor: Cursor | null =
    cursorX === null
      ? null
      : (() => {
          const e = expiryUsd(m, cursorX);
          const b = before.length ? beforeExpiryUsd(m, cursorX, days, volPoints) : null;
          const rows: Cursor['rows'] = [{ label: 'at expiry', value: signedUsd(e), y: e, cls: 'line-a' }];
          if (before.length) rows.push({ label: beforeLabel, value: signedUsd(b), y: b, cls: 'line-b' });
          return { x: cursorX, rows };
        })();
  const summary =
    `Payoff of ${m.contracts} condor(s): max profit ${formatUsd(maxProfitUsd)} between ` +
    `${formatStrike(m.strikes.shortPut)} and ${formatStrike(m.strikes.shortCall)}, max loss ` +
    `${formatUsd(maxLossUsd)} beyond the wings; break-evens ${formatStrike(m.breakEvenLow)} and ` +
    `${formatStrike(m.breakEvenHigh)}${m.spot !== null ? `; ${m.nowLabel} ${formatStrike(m.spot)}` : ''}.`;
  return (
    <div class="payoff">
      <LineChart
        title={title}
        summary={summary}
        x={domain}
        y={extent([...series.flatMap((s) => s.points.map(([, y]) => y)), 0], 0.1)}
        series={series}
        vMarkers={markers}
        hLines={[
          { at: maxProfitUsd, label: `max profit ${formatUsd(maxProfitUsd)}`, cls: 'hline-profit' },
          { at: -maxLossUsd, label: `max loss ${formatUsd(-maxLossUsd)}`, cls: 'hline-loss' },
        ]}
        formatX={(v) => formatStrike(Math.round(v))}
        formatY={(v) => formatUsd(v)}
        height={height}
        cursor={cursor}
        onCursor={setCursorX}
        cursorStep={5}
      />
      {before.length > 0 && (
        <div class="payoff-controls">
          <label>
            <span>
              Date: <output data-testid="payoff-day">{days === 0 ? 'today' : `T+${days} days`}</output>
              {today && days > 0 ? ` (${addDays(today, days)})` : ''}
            </span>
            <input
              type="range"
              name="payoff-days"
              min={0}
              max={maxDays}
              step={1}
              value={days}
              onInput={(e) => setDaysAhead(Number(e.currentTarget.value))}
            />
          </label>
          <label>
            <span>
              IV shift:{' '}
              <output data-testid="payoff-iv">
                {volPoints > 0 ? '+' : volPoints < 0 ? '−' : ''}
                {Math.abs(volPoints)} vol pts
              </output>
            </span>
            <input
              type="range"
              name="payoff-iv"
              min={-MAX_VOL_SHIFT_POINTS}
              max={MAX_VOL_SHIFT_POINTS}
              step={1}
              value={volPoints}
              onInput={(e) => setVolPoints(Number(e.currentTarget.value))}
            />
          </label>
        </div>
      )}
    </div>
  );
}
