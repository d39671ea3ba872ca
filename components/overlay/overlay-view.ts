/**
 * What the in-page overlay draws: the floating status chip plus the badges and break-even
 * lines on the page's rows, built with plain DOM calls (text always through `textContent`).
 *
 * Not Preact, unlike the extension's own pages: this runs in the content script, which goes
 * into every supported page, and Preact with its hooks was 5.3 KB of that script's 45.7 KB
 * gzipped (budget 40 KB, README "Performance budgets") for one chip and a few badges. Each
 * element is built again only when what it shows changed (see paint).
 */
import type { OverlayPlan } from '../../lib/schema/overlay-plan';
import type { ReaderStatus } from '../../lib/schema/tab-state';
import { formatDelta, formatStrike } from '../ui/format';
import type { Mark } from './marks';

const ROLE_TEXT = { 'short-put': 'SP', 'long-put': 'LP', 'short-call': 'SC', 'long-call': 'LC' } as const;

/** How long the quiet chip (no chain on the page) stays open before it folds, ms. */
export const QUIET_CHIP_FOLD_MS = 4_000;

/** One formatter (toLocaleString builds one per call, at every redraw of a streaming page). */
const ROWS_FORMAT = new Intl.NumberFormat('en-US');
const rows = (n: number) => ROWS_FORMAT.format(n);

function chipText(status: ReaderStatus): string {
  switch (status.state) {
    case 'idle':
      return 'ALVH: waiting for the page';
    case 'reading':
      return status.rows ? `ALVH: Reading… ${rows(status.rows)} rows` : 'ALVH: Reading…';
    case 'read':
      return `ALVH: read ${rows(status.rows)} rows`;
    case 'failed':
      return status.failure.reason === 'not-a-chain'
        ? 'ALVH: no option chain on this page'
        : `ALVH: reader failed: ${status.failure.detail}`;
  }
}

/** A page with nothing for us: the chip stays grey and small, and can be hidden on the site. */
export function isQuiet(status: ReaderStatus): boolean {
  return (
    status.state === 'idle' ||
    (status.state === 'failed' && ['not-a-chain', 'unsupported-page'].includes(status.failure.reason))
  );
}

export interface OverlayViewProps {
  status: ReaderStatus;
  plan: OverlayPlan | null;
  marks: Mark[];
  /** A warning from the background (stale plan, storage problem), shown in the chip. */
  notice?: string | null;
  /** Hides the chip on this site (absent: no such button). */
  onDismissSite?: (() => void) | undefined;
  /** The user hid the chip on this site: a quiet chip is not drawn at all. */
  chipHidden?: boolean;
}

/** One element of the layer: a key naming all it shows, and how to build it. */
interface Part {
  key: string;
  make: () => HTMLElement;
}

export interface OverlayView {
  /** Draws these props in place of what was drawn. */
  render(props: OverlayViewProps): void;
  /** Removes everything drawn and stops the fold timer. */
  clear(): void;
}

/** A view drawing into `root` (the overlay's shadow-root container). */
export function createOverlayView(root: HTMLElement): OverlayView {
  const doc = root.ownerDocument;
  let props: OverlayViewProps | null = null;
  let folded = false;
  let foldTimer: ReturnType<typeof setTimeout> | null = null;
  /** The chip's quiet flag and reader state last drawn: a change opens the chip again. */
  let chipKey = '';
  /** The layer holding what is drawn, and each of its children with the key it was drawn for. */
  let layer: HTMLElement | null = null;
  let drawn: { key: string; el: HTMLElement }[] = [];

  const node = <K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string) => {
    const el = doc.createElement(tag);
    if (className) el.className = className;
    if (text !== undefined) el.textContent = text;
    return el;
  };
  const stopFold = () => {
    if (foldTimer !== null) clearTimeout(foldTimer);
    foldTimer = null;
  };

  /**
   * The chip as drawn: its key says everything it shows (so an equal key means the element
   * drawn last time can stay), `make` builds it.
   */
  const chip = (p: OverlayViewProps, quiet: boolean): Part | null => {
    if (quiet && p.chipHidden) return null;
    const text = chipText(p.status);
    if (quiet && folded)
      return {
        key: `folded\u0000${text}`,
        make: () => {
          const open = node('button', 'chip quiet folded', 'ALVH');
          open.type = 'button';
          open.dataset.alvhChip = 'folded';
          open.setAttribute('aria-label', `${text} (show)`);
          open.addEventListener('click', () => {
            folded = false;
            paint();
          });
          return open;
        },
      };
    const best = p.plan?.condor.figures?.best ?? null;
    const badges = p.marks.filter((m) => m.kind === 'badge').length;
    const sub = best
      ? `condor ${formatStrike(best.legs.shortPut.strike)} / ${formatStrike(best.legs.shortCall.strike)} · ${badges ? `${badges} legs marked` : 'leg rows not on this page'} · information, not financial advice`
      : p.plan
        ? p.plan.condor.reason
        : null;
    const notice = p.notice ?? null;
    const dismiss = quiet && p.onDismissSite !== undefined;
    const className = `chip ${p.status.state}${quiet ? ' quiet' : ''}`;
    return {
      key: `chip\u0000${className}\u0000${text}\u0000${sub}\u0000${notice}\u0000${dismiss}`,
      make: () => {
        const box = node('div', className, text);
        box.setAttribute('role', 'status');
        box.dataset.alvhChip = '';
        if (sub) box.append(node('span', 'sub', sub));
        if (notice) {
          const shown = node('span', 'sub notice', notice);
          shown.dataset.alvhNotice = '';
          box.append(shown);
        }
        if (dismiss) {
          const hide = node('button', 'chip-dismiss', 'Hide on this site');
          hide.type = 'button';
          hide.addEventListener('click', () => props?.onDismissSite?.());
          box.append(hide);
        }
        return box;
      },
    };
  };

  const markPart = (m: Mark): Part => {
    if (m.kind === 'badge') {
      const className = `badge ${m.role}${m.outside ? ' outside' : ''}`;
      const text = `${ROLE_TEXT[m.role]} ${formatStrike(m.strike)} Δ ${formatDelta(m.delta)}`;
      const left = `${m.box.left + m.box.width + (m.outside ? 6 : -4)}px`;
      const top = `${m.box.top + m.box.height / 2}px`;
      return {
        key: `badge\u0000${className}\u0000${text}\u0000${m.strike}\u0000${left}\u0000${top}`,
        make: () => {
          const badge = node('div', className, text);
          badge.dataset.alvhBadge = m.role;
          badge.dataset.strike = String(m.strike);
          badge.style.left = left;
          badge.style.top = top;
          return badge;
        },
      };
    }
    const { left, top, width } = m.box;
    return {
      key: `be\u0000${m.level}\u0000${left}\u0000${top}\u0000${width}`,
      make: () => {
        const line = node('div', 'be');
        line.dataset.alvhBe = String(m.level);
        line.style.left = `${left}px`;
        line.style.top = `${top}px`;
        line.style.width = `${width}px`;
        line.append(node('span', '', `BE ${formatStrike(m.level)}`));
        return line;
      },
    };
  };

  /**
   * Draws the current props. An element whose key is the one drawn at its place last time stays
   * as it is: a streaming page redraws often with nothing changed, and taking the elements out
   * and putting new ones in cost ~0.7 ms a redraw in Chromium (the live bench's profile).
   */
  function paint(): void {
    if (!props) return;
    // A notice (stale plan, storage problem) keeps the chip open.
    const quiet = isQuiet(props.status) && !props.notice;
    const parts: Part[] = [];
    const shown = chip(props, quiet);
    if (shown) parts.push(shown);
    for (const m of props.marks) parts.push(markPart(m));
    if (!layer) {
      layer = node('div', 'layer');
      root.replaceChildren(layer);
    }
    const next = parts.map((part, i) => {
      const old = drawn[i];
      return old && old.key === part.key ? old : { key: part.key, el: part.make() };
    });
    next.forEach(({ el }, i) => {
      const at = layer?.children[i] ?? null;
      if (at !== el) layer?.insertBefore(el, at);
    });
    while (layer.children.length > next.length) layer.lastElementChild?.remove();
    drawn = next;
  }

  return {
    render(next) {
      props = next;
      const quiet = isQuiet(next.status) && !next.notice;
      const key = `${quiet}/${next.status.state}`;
      // The quiet chip folds to a small tab after a few seconds; any other state opens it again.
      if (key !== chipKey) {
        chipKey = key;
        folded = false;
        stopFold();
        if (quiet)
          foldTimer = setTimeout(() => {
            foldTimer = null;
            folded = true;
            paint();
          }, QUIET_CHIP_FOLD_MS);
      }
      paint();
    },
    clear() {
      stopFold();
      props = null;
      chipKey = '';
      folded = false;
      layer = null;
      drawn = [];
      root.replaceChildren();
    },
  };
}
