/** Linear scale helpers for the SVG charts (pure). */

export interface Domain {
  min: number;
  max: number;
}

/** Maps a value in `d` onto [r0, r1]; a zero-width domain maps to the middle. */
export function linear(d: Domain, r0: number, r1: number): (v: number) => number {
  const span = d.max - d.min;
  if (span === 0) return () => (r0 + r1) / 2;
  return (v) => r0 + ((v - d.min) / span) * (r1 - r0);
}

/** Domain of the values, widened by `padFraction` of its span on each side. */
export function extent(values: number[], padFraction = 0.05): Domain {
  const finite = values.filter(Number.isFinite);
  if (finite.length === 0) return { min: 0, max: 1 };
  let min = Math.min(...finite);
  let max = Math.max(...finite);
  if (min === max) {
    min -= 1;
    max += 1;
  }
  const pad = (max - min) * padFraction;
  return { min: min - pad, max: max + pad };
}

/** About `count` round tick values inside the domain (1, 2, 2.5, 5 × 10^k steps, at most count + 1). */
export function ticks(d: Domain, count = 5): number[] {
  const span = d.max - d.min;
  if (!(span > 0)) return [d.min];
  const minStep = span / (count + 1);
  const mag = 10 ** Math.floor(Math.log10(minStep));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => s >= minStep) ?? 10 * mag;
  const out: number[] = [];
  for (let v = Math.ceil(d.min / step) * step; v <= d.max + 1e-9; v += step) out.push(+v.toFixed(10));
  return out;
}

/** SVG path "M x y L x y …" through the points, skipping non-finite values (gap). */
export function pathOf(
  points: [number, number][],
  x: (v: number) => number,
  y: (v: number) => number,
): string {
  let d = '';
  let pen = false;
  for (const [px, py] of points) {
    if (!Number.isFinite(px) || !Number.isFinite(py)) {
      pen = false;
      continue;
    }
    d += `${pen ? 'L' : 'M'}${x(px).toFixed(1)} ${y(py).toFixed(1)} `;
    pen = true;
  }
  return d.trim();
}
