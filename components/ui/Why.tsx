import type { WhyEntry } from '../../lib/engine/plan-types';
import { plainText } from './plain-text';

export interface WhyProps {
  /** Plain sentences, or rule entries from the plan (rule, text, inputs). */
  text?: string;
  entries?: WhyEntry[];
  /** Accessible name of the disclosure, e.g. "why: break-evens". */
  label?: string;
}

function formatInput(value: number | string | boolean | null): string {
  if (value === null) return '—';
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : String(+value.toFixed(6));
  return String(value);
}

/** A "why" disclosure: native <details>, so it is keyboard reachable without extra code. */
export function Why({ text, entries, label }: WhyProps) {
  const list = entries ?? [];
  if (!text && list.length === 0) return null;
  return (
    <details class="why">
      <summary aria-label={label ?? 'why'}>why</summary>
      {text && <p>{plainText(text)}</p>}
      {list.map((e) => (
        <div class="why-entry" key={e.rule + e.text}>
          <p>
            <span class="why-rule">{e.rule}</span>: {plainText(e.text)}
          </p>
          {Object.keys(e.inputs).length > 0 && (
            <ul class="why-inputs">
              {Object.entries(e.inputs).map(([k, v]) => (
                <li key={k}>
                  {k} = {formatInput(v)}
                </li>
              ))}
            </ul>
          )}
        </div>
      ))}
    </details>
  );
}
