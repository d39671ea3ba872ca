import type { RollSuggestion, WhyEntry } from '../../lib/engine/plan-types';
import { formatStrike } from '../ui/format';
import { Why } from '../ui/Why';

export interface RollListProps {
  rolls: RollSuggestion[];
  /** Layer 1's why entries; the `roll-tested-side` ones explain each tested side. */
  why: WhyEntry[];
}

/** The engine's entries for one side (its text starts "Short put …" / "Short call …"). */
function whyFor(r: RollSuggestion, why: WhyEntry[]): WhyEntry[] {
  return why.filter((w) => w.rule === 'roll-tested-side' && w.text.startsWith(`Short ${r.leg} `));
}

const ACTION_TEXT: Record<RollSuggestion['action'], string> = {
  'roll-out-in-strike': 'roll out in strike',
  'roll-out-in-time': 'roll out in time',
  hold: 'hold',
};

/** Weekly adjustment of the held condor: one line per side, each with its "why". */
export function RollList({ rolls, why }: RollListProps) {
  if (rolls.length === 0) return null;
  return (
    <section aria-label="roll suggestions" data-testid="rolls">
      <h3>Roll suggestions (held condor)</h3>
      <ul class="rolls">
        {rolls.map((r) => (
          <li key={r.leg + r.action} data-testid={`roll-${r.leg}`} data-action={r.action}>
            <strong>
              {r.leg} side, {ACTION_TEXT[r.action]}
            </strong>
            : {r.text}
            {r.toStrike !== null && r.action !== 'hold' && (
              <span class="muted">
                {' '}
                (to {formatStrike(r.toStrike)} points{r.toExpiry ? `, expiry ${r.toExpiry}` : ''})
              </span>
            )}
            {r.action === 'hold' ? (
              <Why
                label={`why: ${r.leg} side hold`}
                text={`The short ${r.leg} is below the roll |delta| threshold and the forward is more than the buffer (points) from its break-even.`}
              />
            ) : (
              <Why label={`why: ${r.leg} side roll`} entries={whyFor(r, why)} />
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
