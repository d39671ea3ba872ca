import type { ComponentChildren } from 'preact';
import type { LayerStatus } from '../../lib/engine/plan-types';
import { plainText } from './plain-text';

export interface CardProps {
  title: string;
  /** Layer status shown as a badge; omit for plain cards. */
  status?: LayerStatus;
  /** Sentence saying why the layer is in this state. */
  reason?: string;
  children?: ComponentChildren;
  testId?: string;
}

const STATUS_TEXT: Record<LayerStatus, string> = { suggested: 'suggested', on: 'on', off: 'off' };

/** A titled section of the side panel with an optional layer status badge and reason. */
export function Card({ title, status, reason, children, testId }: CardProps) {
  const headingId = `h-${title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
  return (
    <section class="card" aria-labelledby={headingId} data-testid={testId}>
      <header class="card-head">
        <h2 id={headingId}>{title}</h2>
        {status && <span class={`badge badge-${status}`}>{STATUS_TEXT[status]}</span>}
      </header>
      {reason && <p class="card-reason">{plainText(reason)}</p>}
      {children}
    </section>
  );
}
