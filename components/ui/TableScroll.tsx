import type { ComponentChildren } from 'preact';

/**
 * A data table's own scroll box: on a narrow window (360 px at 200 % zoom) a wide table scrolls
 * inside it, never the page (WCAG 1.4.10 allows it for data tables). Focusable, so the keyboard
 * can scroll it too.
 */
export function TableScroll({ label, children }: { label: string; children: ComponentChildren }) {
  return (
    <section class="table-scroll" aria-label={label} tabindex={0}>
      {children}
    </section>
  );
}
