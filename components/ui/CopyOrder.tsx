import { useState } from 'preact/hooks';
import { type OrderTicket, occList } from '../../lib/engine/plan/order-line';

export interface CopyOrderProps {
  ticket: OrderTicket;
  /** What the order is, for the buttons' accessible names ("Layer 1 condor"). */
  what: string;
  /** Writes text to the clipboard (tests pass their own). */
  copy?: (text: string) => Promise<void>;
}

const clipboard = (text: string) => navigator.clipboard.writeText(text);

/**
 * The order of a suggested position, ready to paste: the thinkorswim-style order line and the
 * legs as OCC symbols with signed quantities, each with its own copy button. Says why when
 * there is no order (root not shown, no contract fits).
 */
export function CopyOrder({ ticket, what, copy = clipboard }: CopyOrderProps) {
  const [copied, setCopied] = useState<string | null>(null);
  if (!ticket.ok)
    return (
      <p class="muted" data-testid="order-none">
        No order to copy: {ticket.reason}.
      </p>
    );
  const occ = occList(ticket.legs);
  const put = (label: string, text: string) =>
    copy(text).then(
      () => setCopied(`${label} copied.`),
      () => setCopied('The browser refused the clipboard: select the text and copy it.'),
    );
  return (
    <div class="order" data-testid="order">
      <code class="order-line" data-testid="order-line">
        {ticket.line}
      </code>
      <pre class="order-occ" data-testid="order-occ">
        {occ}
      </pre>
      <button type="button" aria-label={`Copy order: ${what}`} onClick={() => void put('Order', ticket.line)}>
        Copy order
      </button>
      <button type="button" aria-label={`Copy OCC legs: ${what}`} onClick={() => void put('OCC legs', occ)}>
        Copy OCC legs
      </button>
      <span class="muted" role="status">
        {copied ?? 'Limit at the mid, rounded to the 0.05 tick: check it against the live quote.'}
      </span>
    </div>
  );
}
