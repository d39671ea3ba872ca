/**
 * Prices and greeks against the committed high-precision table
 * tests/fixtures/engine/black-reference.json, made by make_black_reference.py (mpmath,
 * 60 digits, independent closed forms). Tolerance: 1e-10 relative wherever the reference
 * exceeds 1e-10 × its natural scale (price: forward; delta: 1; gamma: 1/forward;
 * vega: forward/100; theta: forward/365); below that, 1e-20 × scale absolute.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { black76Greeks, black76Price, greeks, type OptionKind, price } from '../../lib/engine/index';

interface Row {
  model: 'black76' | 'bsm';
  kind: OptionKind;
  forward?: number;
  spot?: number;
  strike: number;
  tYears: number;
  discount?: number;
  rate?: number;
  divYield?: number;
  vol: number;
  price: string;
  delta: string;
  gamma: string;
  vega: string;
  theta: string;
}

const table = JSON.parse(
  readFileSync(new URL('../fixtures/engine/black-reference.json', import.meta.url), 'utf8'),
) as { rows: Row[] };

const REL_TOL = 1e-10;

function close(ours: number | undefined, refText: string, scale: number): boolean {
  const ref = Number(refText);
  if (ours === undefined || !Number.isFinite(ours)) return false;
  const floor = 1e-10 * scale;
  if (Math.abs(ref) > floor) return Math.abs(ours - ref) <= REL_TOL * Math.abs(ref);
  return Math.abs(ours - ref) <= 1e-10 * floor;
}

function compute(row: Row): { value: number | null; g: ReturnType<typeof greeks>; under: number } {
  if (row.model === 'black76') {
    const args = [row.kind, row.forward ?? 0, row.strike, row.tYears, row.discount ?? 0, row.vol] as const;
    return { value: black76Price(...args), g: black76Greeks(...args), under: row.forward ?? 0 };
  }
  const args = [
    row.kind,
    row.spot ?? 0,
    row.strike,
    row.tYears,
    row.rate ?? 0,
    row.divYield ?? 0,
    row.vol,
  ] as const;
  return { value: price(...args), g: greeks(...args), under: row.spot ?? 0 };
}

describe('black76Price / price vs mpmath reference', () => {
  it.each(table.rows.map((r, i) => [i, r] as const))('row %i matches price and greeks', (_i, row) => {
    const { value, g, under } = compute(row);
    const bad: string[] = [];
    if (!close(value ?? undefined, row.price, under)) bad.push(`price ${value} vs ${row.price}`);
    if (!close(g?.delta, row.delta, 1)) bad.push(`delta ${g?.delta} vs ${row.delta}`);
    if (!close(g?.gamma, row.gamma, 1 / under)) bad.push(`gamma ${g?.gamma} vs ${row.gamma}`);
    if (!close(g?.vega, row.vega, under / 100)) bad.push(`vega ${g?.vega} vs ${row.vega}`);
    if (!close(g?.theta, row.theta, under / 365)) bad.push(`theta ${g?.theta} vs ${row.theta}`);
    expect(bad).toEqual([]);
  });

  it('covers deep wings, 1 day to 3 years, vol 1 % to 400 %', () => {
    const tiny = table.rows.filter(
      (r) => Number(r.price) < 1e-6 * (r.forward ?? r.spot ?? 0) && Number(r.price) > 0,
    );
    expect(tiny.length).toBeGreaterThan(50);
    expect(Math.min(...table.rows.map((r) => r.tYears))).toBeCloseTo(1 / 365, 12);
    expect(Math.max(...table.rows.map((r) => r.vol))).toBe(4);
  });
});
