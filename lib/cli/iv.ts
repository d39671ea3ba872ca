/**
 * `alvh iv <in.csv>`: implied vol and greeks per row.
 * Input rows: kind,S,K,T,r,q,price — kind c/p/call/put; S spot and K strike in points;
 * T in years; r and q continuous annual fractions; price in points. A header row is optional.
 * Output (stdout, CSV): the same rows with iv,delta,gamma,vega,theta,error appended — iv an
 * annual fraction, vega per vol point, theta per calendar day; greeks at the solved vol;
 * `error` names why a row has no vol (below-intrinsic, above-maximum, no-time-value, bad-input).
 */
import { readFile } from 'node:fs/promises';
import Papa from 'papaparse';
import { greeks, impliedVol, type OptionKind } from '../engine/index';
import { CliError, type Command, parseArgs } from './command';

const INPUT_COLUMNS = ['kind', 'S', 'K', 'T', 'r', 'q', 'price'];
const OUTPUT_COLUMNS = ['iv', 'delta', 'gamma', 'vega', 'theta', 'error'];

function kindOf(text: string): OptionKind | null {
  const k = text.trim().toLowerCase();
  if (k === 'c' || k === 'call') return 'call';
  if (k === 'p' || k === 'put') return 'put';
  return null;
}

/** Parses a number cell strictly: empty or non-numeric text gives NaN (→ bad-input). */
function num(text: string | undefined): number {
  const t = (text ?? '').trim();
  return t === '' ? Number.NaN : Number(t);
}

/** The appended cells for one input row. */
export function solveRow(cells: readonly string[]): string[] {
  const kind = kindOf(cells[0] ?? '');
  const [S, K, T, r, q, p] = cells.slice(1, 7).map(num) as [number, number, number, number, number, number];
  if (!kind) return ['', '', '', '', '', 'bad-input'];
  const res = impliedVol(kind, p, S, K, T, r, q);
  if ('error' in res) return ['', '', '', '', '', res.error];
  const g = greeks(kind, S, K, T, r, q, res.vol);
  if (!g) return [String(res.vol), '', '', '', '', 'bad-input'];
  return [res.vol, g.delta, g.gamma, g.vega, g.theta].map(String).concat('');
}

function isHeader(cells: readonly string[]): boolean {
  return kindOf(cells[0] ?? '') === null && Number.isNaN(num(cells[1]));
}

export const command: Command = {
  help: [
    'alvh iv <in.csv>',
    '  rows: kind,S,K,T,r,q,price (kind c|p|call|put; T years; r, q annual fractions; header optional)',
    '  writes the rows with iv,delta,gamma,vega,theta,error appended (vega per vol point, theta per day)',
  ].join('\n'),
  async run(args, io) {
    const { positionals } = parseArgs(args, []);
    const [path, extra] = positionals;
    if (!path || extra !== undefined) throw new CliError('expected exactly one input file: alvh iv <in.csv>');
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (err) {
      throw new CliError(`cannot read ${path}: ${err instanceof Error ? err.message : String(err)}`);
    }
    const parsed = Papa.parse<string[]>(text.trim(), { skipEmptyLines: true });
    const rows = parsed.data;
    if (rows.length === 0) throw new CliError(`${path}: no rows`);
    const out: string[][] = [];
    let start = 0;
    if (isHeader(rows[0] ?? [])) {
      out.push([...(rows[0] ?? []), ...OUTPUT_COLUMNS]);
      start = 1;
    } else out.push([...INPUT_COLUMNS, ...OUTPUT_COLUMNS]);
    for (let i = start; i < rows.length; i++) {
      const cells = rows[i] ?? [];
      if (cells.length < INPUT_COLUMNS.length)
        throw new CliError(
          `${path} line ${i + 1}: expected ${INPUT_COLUMNS.length} columns (${INPUT_COLUMNS.join(',')}), got ${cells.length}`,
        );
      out.push([...cells, ...solveRow(cells)]);
    }
    io.stdout(`${Papa.unparse(out, { newline: '\n' })}\n`);
  },
};
