/**
 * Places marker labels (spot, break-evens) in rows above the plot so no two overlap and none
 * sits on the curves: each label goes to the first row where it clears every label already
 * there by `gapPx`. Pure: x positions and widths in SVG pixels in, row indices out.
 */

/** Rough width of a 9-px label in SVG pixels (system-ui digits are ~5.5 px wide). */
export function labelWidthPx(text: string, fontPx = 9): number {
  return Math.ceil(text.length * fontPx * 0.6) + 4;
}

export interface LabelBox {
  /** Left edge, px. */
  left: number;
  width: number;
}

/** Row index (0 = top row) per label, in input order. */
export function labelLanes(boxes: LabelBox[], gapPx = 4): number[] {
  const rows: LabelBox[][] = [];
  const out: number[] = new Array(boxes.length).fill(0);
  const order = boxes.map((b, i) => ({ b, i })).sort((a, z) => a.b.left - z.b.left);
  for (const { b, i } of order) {
    let lane = rows.findIndex((row) =>
      row.every((o) => b.left >= o.left + o.width + gapPx || b.left + b.width + gapPx <= o.left),
    );
    if (lane === -1) {
      lane = rows.length;
      rows.push([]);
    }
    rows[lane]?.push(b);
    out[i] = lane;
  }
  return out;
}

/** Left edge of a label centred on `x`, kept inside [minX, maxX]. */
export function clampLabel(x: number, width: number, minX: number, maxX: number): number {
  return Math.min(Math.max(x - width / 2, minX), Math.max(minX, maxX - width));
}
