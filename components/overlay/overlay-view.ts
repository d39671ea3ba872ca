/**
 * What the in-page overlay draws: the floating status chip plus the badges and break-even
 * lines on the page's rows, built with plain DOM calls (text always through `textContent`).
 *
 * Not Preact, unlike the extension's own pages: this runs in the content script, which goes
 * into every supported page, and Preact with its hooks was 5.3 KB of that script's 45.7 KB
 * gzipped (budget 40 KB, README "Performance budgets") for one chip and a few badges. mount.ts
 * redraws only when something drawn changed, so the view is simply built again.
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

  const chip = (p: OverlayViewProps, quiet: boolean): HTMLElement | null => {
    if (quiet && p.chipHidden) return null;
    if (quiet && folded) {
      const open = node('button', 'chip quiet folded', 'ALVH');
      open.type = 'button';
      open.dataset.alvhChip = 'folded';
      open.setAttribute('aria-label', `${chipText(p.status)} (show)`);
      open.addEventListener('click', () => {
        folded = false;
        paint();
      });
      return open;
    }
    const box = node('div', `chip ${p.status.state}${quiet ? ' quiet' : ''}`, chipText(p.status));
    box.setAttribute('role', 'status');
    box.dataset.alvhChip = '';
    const best = p.plan?.condor.figures?.best ?? null;
    const badges = p.marks.filter((m) => m.kind === 'badge').length;
    const sub = best
      ? `condor ${formatStrike(best.legs.shortPut.strike)} / ${formatStrike(best.legs.shortCall.strike)} · ${badges ? `${badges} legs marked` : 'leg rows not on this page'} · information, not financial advice`
      : p.plan
        ? p.plan.condor.reason
        : null;
    if (sub) box.append(node('span', 'sub', sub));
    if (p.notice) {
      const notice = node('span', 'sub notice', p.notice);
      notice.dataset.alvhNotice = '';
      box.append(notice);
    }
    const dismiss = p.onDismissSite;
    if (quiet && dismiss) {
      const hide = node('button', 'chip-dismiss', 'Hide on this site');
      hide.type = 'button';
      hide.addEventListener('click', () => dismiss());
      box.append(hide);
    }
    return box;
  };

  const markElement = (m: Mark): HTMLElement => {
    if (m.kind === 'badge') {
      const badge = node(
        'div',
        `badge ${m.role}${m.outside ? ' outside' : ''}`,
        `${ROLE_TEXT[m.role]} ${formatStrike(m.strike)} Δ ${formatDelta(m.delta)}`,
      );
      badge.dataset.alvhBadge = m.role;
      badge.dataset.strike = String(m.strike);
      badge.style.left = `${m.box.left + m.box.width + (m.outside ? 6 : -4)}px`;
      badge.style.top = `${m.box.top + m.box.height / 2}px`;
      return badge;
    }
    const line = node('div', 'be');
    line.dataset.alvhBe = String(m.level);
    line.style.left = `${m.box.left}px`;
    line.style.top = `${m.box.top}px`;
    line.style.width = `${m.box.width}px`;
    line.append(node('span', '', `BE ${formatStrike(m.level)}`));
    return line;
  };

  function paint(): void {
    if (!props) return;
    // A notice (stale plan, storage problem) keeps the chip open.
    const quiet = isQuiet(props.status) && !props.notice;
    const layer = node('div', 'layer');
    const shown = chip(props, quiet);
    if (shown) layer.append(shown);
    for (const m of props.marks) layer.append(markElement(m));
    root.replaceChildren(layer);
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
      root.replaceChildren();
    },
  };
}
