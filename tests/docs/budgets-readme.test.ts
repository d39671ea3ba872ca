/**
 * One source of truth for the performance budgets (issue 14 point 5): the README's
 * "Performance budgets" table lists exactly the budgets `npm run bench` checks
 * (tests/bench/budgets.ts BUDGETS), row by row: section, figure, limit.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUDGETS, budgetText } from '../bench/budgets';

const README = readFileSync(resolve(__dirname, '../../README.md'), 'utf8');

/** The rows of the first table under "## Performance budgets", header and rule left out. */
function readmeRows(): string[][] {
  const start = README.indexOf('\n## Performance budgets');
  if (start < 0) return [];
  const rest = README.slice(start + 1);
  const next = rest.indexOf('\n## ');
  const section = next < 0 ? rest : rest.slice(0, next);
  const lines = section.split('\n');
  const first = lines.findIndex((l) => l.startsWith('|'));
  const rows: string[][] = [];
  for (let i = first + 2; first >= 0 && i < lines.length && (lines[i] ?? '').startsWith('|'); i++)
    rows.push(
      (lines[i] as string)
        .slice(1, -1)
        .split(' | ')
        .map((c) => c.trim()),
    );
  return rows;
}

describe('README performance budgets', () => {
  it('lists every budget of tests/bench/budgets.ts, in order, with its limit', () => {
    const expected = Object.values(BUDGETS).map((b) => [b.section, b.figure, budgetText(b)]);
    expect(readmeRows()).toEqual(expected);
  });

  it('writes limits as the bench prints them', () => {
    expect(budgetText({ section: 'cli', figure: '', limit: 1_000, unit: 'ms' })).toBe('≤ 1 s');
    expect(budgetText({ section: 'plan', figure: '', limit: 3, unit: '×' })).toBe('≤ 3×');
    expect(budgetText({ section: 'browser', figure: '', limit: 40, unit: 'KB' })).toBe('≤ 40 KB');
  });
});
