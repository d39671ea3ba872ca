import type { EventInWindow } from '../../lib/engine/plan-types';
import { Card } from '../ui/Card';

/** Macro releases (FOMC, CPI, PPI…) between now and the condor's expiry. */
export function EventsCard({ events }: { events: EventInWindow[] }) {
  return (
    <Card title="Events in the window" testId="events-card">
      {events.length === 0 ? (
        <p class="muted">No FOMC, CPI or PPI release on the calendar before expiry.</p>
      ) : (
        <ul class="events">
          {events.map((e) => (
            <li key={e.date + e.kind}>
              <time dateTime={e.date}>{e.date}</time> <span class={`kind kind-${e.kind}`}>{e.kind}</span>{' '}
              {e.label}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
