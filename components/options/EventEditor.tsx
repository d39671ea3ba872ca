import { useState } from 'preact/hooks';
import type { CalendarEvent as BuiltinEvent } from '../../lib/engine/events/calendar-types';
import type { CalendarEvent, UserEvents } from '../../lib/schema/stored';
import { TableScroll } from '../ui/TableScroll';

export interface EventEditorProps {
  builtin: BuiltinEvent[];
  /** Up to which date the built-in list of each gated kind is complete (null = none built in). */
  coverage: Record<'FOMC' | 'CPI' | 'PPI', string | null>;
  user: UserEvents;
  error: string | null;
  onAdd: (e: CalendarEvent) => void;
  onRemove: (e: Pick<CalendarEvent, 'date' | 'kind'>, builtin: boolean) => void;
  onRestore: (e: Pick<CalendarEvent, 'date' | 'kind'>) => void;
  /** Declares the user's list of a kind complete through a date (null withdraws it). */
  onDeclare: (kind: GatedKind, date: string | null) => void;
}

type GatedKind = 'FOMC' | 'CPI' | 'PPI';
const GATED: GatedKind[] = ['FOMC', 'CPI', 'PPI'];

const KINDS: CalendarEvent['kind'][] = ['FOMC', 'CPI', 'PPI', 'other'];

/** The macro calendar: built-in dates (with their source) plus the user's additions and removals. */
export function EventEditor({
  builtin,
  coverage,
  user,
  error,
  onAdd,
  onRemove,
  onRestore,
  onDeclare,
}: EventEditorProps) {
  const [date, setDate] = useState('');
  const [declKind, setDeclKind] = useState<GatedKind>('PPI');
  const [declDate, setDeclDate] = useState('');
  const [kind, setKind] = useState<CalendarEvent['kind']>('CPI');
  const [label, setLabel] = useState('');
  const hidden = (e: Pick<CalendarEvent, 'date' | 'kind'>) =>
    user.removed.some((r) => r.date === e.date && r.kind === e.kind);
  const rows = [
    ...builtin.map((e) => ({ ...e, builtin: true })),
    ...user.added.map((e) => ({ ...e, source: 'you', builtin: false })),
  ].sort((a, b) => a.date.localeCompare(b.date));
  return (
    <section class="card" aria-labelledby="events-h">
      <h2 id="events-h">Event calendar</h2>
      <p data-testid="calendar-coverage">
        Built in:{' '}
        {(['FOMC', 'CPI', 'PPI'] as const)
          .map((k) => (coverage[k] ? `${k} through ${coverage[k]}` : `${k} none (add them)`))
          .join(' · ')}
      </p>
      <p data-testid="calendar-declared">
        Declared complete by you:{' '}
        {GATED.filter((k) => user.coveredThrough[k]).length === 0
          ? 'nothing'
          : GATED.filter((k) => user.coveredThrough[k]).map((k) => (
              <span key={k}>
                {k} through {user.coveredThrough[k]}{' '}
                <button
                  type="button"
                  aria-label={`withdraw ${k} coverage`}
                  onClick={() => onDeclare(k, null)}
                >
                  Withdraw
                </button>{' '}
              </span>
            ))}
      </p>
      <p class="muted">
        FOMC, CPI and PPI dates gate Layer 3 and flag condors that span them. Add what is missing, then
        declare how far your list of that kind is complete: dates you add do not count as complete on their
        own. Where CPI or PPI dates are unknown, Layer 3 treats every weekday from the 9th to the 17th as a
        possible release.
      </p>
      <form
        aria-label="declare a kind complete"
        onSubmit={(e) => {
          e.preventDefault();
          onDeclare(declKind, declDate.trim());
        }}
      >
        <label>
          My{' '}
          <select
            name="declare-kind"
            value={declKind}
            onInput={(e) => setDeclKind(e.currentTarget.value as GatedKind)}
          >
            {GATED.map((k) => (
              <option key={k} value={k}>
                {k}
              </option>
            ))}
          </select>{' '}
          dates are complete through{' '}
          <input
            name="declare-date"
            placeholder="YYYY-MM-DD"
            value={declDate}
            onInput={(e) => setDeclDate(e.currentTarget.value)}
          />
        </label>{' '}
        <button type="submit">Declare</button>
      </form>
      <form
        aria-label="add an event"
        onSubmit={(e) => {
          e.preventDefault();
          onAdd({ date: date.trim(), kind, label: label.trim() || `${kind} release` });
        }}
      >
        <label>
          Date{' '}
          <input
            name="event-date"
            placeholder="YYYY-MM-DD"
            value={date}
            onInput={(e) => setDate(e.currentTarget.value)}
          />
        </label>{' '}
        <label>
          Kind{' '}
          <select
            name="event-kind"
            value={kind}
            onInput={(e) => setKind(e.currentTarget.value as CalendarEvent['kind'])}
          >
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {k}
              </option>
            ))}
          </select>
        </label>{' '}
        <label>
          Label <input name="event-label" value={label} onInput={(e) => setLabel(e.currentTarget.value)} />
        </label>{' '}
        <button type="submit">Add</button>
        {error && (
          <p class="field-error" role="alert">
            {error}
          </p>
        )}
      </form>
      <TableScroll label="events table">
        <table aria-label="events">
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col">Kind</th>
              <th scope="col">Label</th>
              <th scope="col">Source</th>
              <th scope="col">
                <span class="muted">action</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((e) => {
              const off = e.builtin && hidden(e);
              return (
                <tr key={`${e.date}${e.kind}${e.builtin}`} class={off ? 'muted' : undefined}>
                  <td>{off ? <s>{e.date}</s> : e.date}</td>
                  <td>{e.kind}</td>
                  <td>{e.label}</td>
                  <td>{e.source}</td>
                  <td>
                    {off ? (
                      <button type="button" onClick={() => onRestore(e)}>
                        Restore
                      </button>
                    ) : (
                      <button
                        type="button"
                        aria-label={`remove ${e.kind} ${e.date}`}
                        onClick={() => onRemove(e, e.builtin)}
                      >
                        Remove
                      </button>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
}
