/**
 * Prices and greeks against published reference values in ../shared/data (read in place,
 * never copied): Haug (1998) tables as shipped with QuantLib's test suite, Hull's textbook
 * worked examples, and py_vollib's Black–Scholes benchmark. Each table's units are
 * converted explicitly (Haug/Hull vega per 1.00 vol and theta per year; py_vollib theta per
 * year, vega per 1.00 vol). Skips with a message when the data folder is absent.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { greeks, type OptionKind, price } from '../../lib/engine/index';

const DATA = new URL('../../../shared/data/', import.meta.url);
const present = existsSync(DATA);
if (!present) console.warn(`reference-data.test: ${DATA.pathname} absent — skipping shared reference tables`);

function csv(path: string): Record<string, string>[] {
  const text = readFileSync(new URL(path, DATA), 'utf8').trim();
  const lines = text.split(/\r?\n/);
  const head = (lines[0] ?? '').split(',');
  // Only the last column of the Hull file holds commas (quoted); split the rest plainly.
  return lines.slice(1).map((line) => {
    const cells = line.match(/("[^"]*"|[^,]*)(,|$)/g)?.map((c) => c.replace(/,$/, '')) ?? [];
    return Object.fromEntries(head.map((h, i) => [h, cells[i] ?? '']));
  });
}

/** Our value of a named greek in the table's unit, or null when we do not compute it. */
function ourGreek(
  name: string,
  kind: OptionKind,
  S: number,
  K: number,
  T: number,
  r: number,
  q: number,
  v: number,
) {
  const g = greeks(kind, S, K, T, r, q, v);
  if (!g) return Number.NaN;
  const byName: Record<string, number> = {
    delta: g.delta,
    gamma: g.gamma,
    vega: g.vega * 100,
    vega_per_1_00_vol: g.vega * 100,
    theta: g.theta * 365,
    theta_per_year: g.theta * 365,
    theta_per_day: g.theta,
  };
  return byName[name.replace('vega_per_1.00_vol', 'vega_per_1_00_vol')] ?? null;
}

describe.skipIf(!present)('Haug (1998) European values and greeks (QuantLib test tables)', () => {
  it('prices match to the published tolerance', () => {
    const rows = csv('quantlib-haug-reference-values/european_bsm_values.csv');
    expect(rows.length).toBeGreaterThan(20);
    for (const r of rows) {
      const ours = price(
        r.type as OptionKind,
        +(r.spot ?? 0),
        +(r.strike ?? 0),
        +(r.t_years ?? 0),
        +(r.rate_r ?? 0),
        +(r.dividend_yield_q ?? 0),
        +(r.vol ?? 0),
      );
      expect(
        Math.abs((ours ?? Number.NaN) - +(r.expected_price ?? 0)),
        JSON.stringify(r),
      ).toBeLessThanOrEqual(+(r.tolerance ?? 0));
    }
  });

  it('greeks we compute match (rho, elasticity, dividend rho are not ours: skipped)', () => {
    const rows = csv('quantlib-haug-reference-values/european_bsm_greeks.csv');
    let checked = 0;
    for (const r of rows) {
      const ours = ourGreek(
        r.greek ?? '',
        r.type as OptionKind,
        +(r.spot ?? 0),
        +(r.strike ?? 0),
        +(r.t_years ?? 0),
        +(r.rate_r ?? 0),
        +(r.dividend_yield_q ?? 0),
        +(r.vol ?? 0),
      );
      if (ours === null) continue;
      checked++;
      expect(Math.abs(ours - +(r.expected ?? 0)), JSON.stringify(r)).toBeLessThanOrEqual(+(r.tolerance ?? 0));
    }
    expect(checked).toBe(8);
  });
});

describe.skipIf(!present)('Hull textbook worked examples', () => {
  it('prices and greeks match to the printed precision', () => {
    let checked = 0;
    for (const r of csv('hull-textbook-examples/hull-textbook-examples.csv')) {
      const kind = (r.type || 'call') as OptionKind;
      const args = [
        +(r.spot ?? 0),
        +(r.strike ?? 0),
        +(r.t_years ?? 0),
        +(r.rate_r ?? 0),
        +(r.dividend_q ?? 0),
        +(r.vol ?? 0),
      ] as const;
      const q = r.quantity ?? '';
      const ours = q === 'price' ? price(kind, ...args) : ourGreek(q, kind, ...args);
      if (ours === null) continue; // d1, d2, rho: not part of our API
      const dp = Number(/^(\d)dp/.exec(r.printed_precision ?? '')?.[1] ?? 'NaN');
      checked++;
      expect(Math.abs(ours - +(r.expected ?? 0)), JSON.stringify(r)).toBeLessThanOrEqual(
        0.5 * 10 ** -dp + 1e-12,
      );
    }
    expect(checked).toBe(7);
  });
});

describe.skipIf(!present)(
  'py_vollib Black–Scholes benchmark (theta and vega per year / per 1.00 vol)',
  () => {
    it('matches prices, delta, gamma, theta, vega for calls and puts', () => {
      const rows = csv('py_vollib-bs-benchmark/test_data.csv');
      expect(rows.length).toBeGreaterThan(90);
      // Values are printed to ~6–10 significant digits or rounded to 1e-10 absolute.
      const ok = (ours: number, ref: number) => Math.abs(ours - ref) <= 1e-5 * Math.abs(ref) + 1e-9;
      for (const r of rows) {
        const [S, K, R, t, v] = [+(r.S ?? 0), +(r.K ?? 0), +(r.R ?? 0), +(r.t ?? 0), +(r.v ?? 0)];
        for (const [kind, P] of [
          ['call', 'C'],
          ['put', 'P'],
        ] as const) {
          const g = greeks(kind, S, K, t, R, 0, v);
          const p = price(kind, S, K, t, R, 0, v) ?? Number.NaN;
          const label = `${kind} S=${S} K=${K}`;
          expect(ok(p, kind === 'call' ? +(r.call_vals ?? 0) : +(r.bs_put ?? 0)), `${label} price ${p}`).toBe(
            true,
          );
          expect(ok(g?.delta ?? Number.NaN, +(r[`${P}D`] ?? 0)), `${label} delta`).toBe(true);
          expect(ok(g?.gamma ?? Number.NaN, +(r[`${P}G`] ?? 0)), `${label} gamma`).toBe(true);
          expect(
            ok((g?.theta ?? Number.NaN) * 365, +(r[`${P}T`] ?? 0)),
            `${label} theta ${(g?.theta ?? 0) * 365}`,
          ).toBe(true);
          expect(ok((g?.vega ?? Number.NaN) * 100, +(r[`${P}V`] ?? 0)), `${label} vega`).toBe(true);
        }
      }
    });
  },
);
