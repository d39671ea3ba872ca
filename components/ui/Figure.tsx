import type { ComponentChildren } from 'preact';
import type { WhyEntry } from '../../lib/engine/plan-types';
import { Why } from './Why';

export interface FigureProps {
  label: string;
  value: ComponentChildren;
  /** Sentence explaining the figure (its rule and inputs). */
  why?: string;
  entries?: WhyEntry[];
  /** Extra class for the value, e.g. "stale" or "bad". */
  tone?: string;
}

/** One labelled figure with its "why" disclosure; render inside a <dl class="figs">. */
export function Figure({ label, value, why, entries, tone }: FigureProps) {
  return (
    <div class="fig">
      <dt>{label}</dt>
      <dd class={tone}>
        <span class="fig-value">{value}</span>
        <Why text={why} entries={entries} label={`why: ${label}`} />
      </dd>
    </div>
  );
}
