/**
 * Where the overlay draws: a badge on each leg's row and a break-even line between the two
 * rows around each break-even, in document coordinates (viewport rect + scroll), so the
 * overlay sits on top of the page without taking any space in its layout.
 */
import type { OverlayCondor } from '../../lib/schema/overlay-plan';

export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

export interface BadgeMark {
  kind: 'badge';
  role: 'short-put' | 'long-put' | 'short-call' | 'long-call';
  strike: number;
  delta: number;
  box: Box;
  /** Drawn just right of the row when the page has room there, else over the row's right end. */
  outside: boolean;
}

export interface BreakEvenMark {
  kind: 'break-even';
  level: number;
  /** Horizontal line: left/width of the rows, top = interpolated y. */
  box: Box;
}

export type Mark = BadgeMark | BreakEvenMark;

function boxOf(el: Element, scrollX: number, scrollY: number): Box | null {
  const r = el.getBoundingClientRect();
  if (r.width === 0 && r.height === 0) return null; // hidden (display: none, collapsed)
  return { left: r.left + scrollX, top: r.top + scrollY, width: r.width, height: r.height };
}

/** The two listed strikes around `level` (below, above), or null when the page lacks one. */
function bracket(strikes: number[], level: number): [number, number] | null {
  let lo: number | null = null;
  let hi: number | null = null;
  for (const k of strikes) {
    if (k <= level && (lo === null || k > lo)) lo = k;
    if (k >= level && (hi === null || k < hi)) hi = k;
  }
  return lo === null || hi === null ? null : [lo, hi];
}

/** Room a badge needs beside a row, CSS px. */
const BADGE_ROOM_PX = 130;

/**
 * Badges and break-even lines for a condor on the located rows. `pageWidth` (CSS px, document
 * coordinates) decides whether a badge fits beside its row rather than over it.
 */
/** Rows by strike for each side (the same map twice for straddle tables). */
export interface SideRows {
  put: Map<number, Element>;
  call: Map<number, Element>;
}

export function marksFor(
  c: OverlayCondor,
  located: Map<number, Element> | SideRows,
  scrollX: number,
  scrollY: number,
  pageWidth = 0,
): Mark[] {
  const bySide: SideRows = located instanceof Map ? { put: located, call: located } : located;
  const marks: Mark[] = [];
  const legs = [
    ['long-put', c.legs.longPut],
    ['short-put', c.legs.shortPut],
    ['short-call', c.legs.shortCall],
    ['long-call', c.legs.longCall],
  ] as const;
  for (const [role, leg] of legs) {
    const row = bySide[leg.side].get(leg.strike);
    const box = row ? boxOf(row, scrollX, scrollY) : null;
    if (box)
      marks.push({
        kind: 'badge',
        role,
        strike: leg.strike,
        delta: leg.delta,
        box,
        outside: box.left + box.width + BADGE_ROOM_PX <= pageWidth,
      });
  }
  for (const [level, rows] of [
    [c.breakEvenLow, bySide.put],
    [c.breakEvenHigh, bySide.call],
  ] as const) {
    const around = bracket([...rows.keys()], level);
    if (!around) continue;
    const [lo, hi] = around;
    const a = rows.get(lo);
    const b = rows.get(hi);
    const ba = a ? boxOf(a, scrollX, scrollY) : null;
    const bb = b ? boxOf(b, scrollX, scrollY) : null;
    if (!ba || !bb) continue;
    const ya = ba.top + ba.height / 2;
    const yb = bb.top + bb.height / 2;
    const t = hi === lo ? 0 : (level - lo) / (hi - lo);
    marks.push({
      kind: 'break-even',
      level,
      box: {
        left: Math.min(ba.left, bb.left),
        top: ya + t * (yb - ya),
        width: Math.max(ba.width, bb.width),
        height: 0,
      },
    });
  }
  return marks;
}
