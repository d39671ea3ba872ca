/**
 * CLI bench: how long people wait for `alvh`. The compiled CLI (scripts/alvh.mjs → .cli/)
 * against a bare `node -e 0` measured interleaved in this run: `alvh --help` (budget ≤ 3× the
 * bare start), and reading / planning the 10,500-row Cboe quotedata CSV from
 * /work/shared/data (budget ≤ 1 s on top of the bare start). The old way (tsx compiling the
 * TypeScript at every start) is timed beside it for information.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { resolve } from 'node:path';
import { addFigure, addNote } from './budgets';
import { median } from './timing';

const CSV = resolve('../shared/data/cboe-quotedata-spx-ndx-2022-02-05/spx_quotedata.csv');
/** The CSV's quote date is 2022-02-04 (Friday); planning "now" is that afternoon. */
const NOW = '2022-02-04T20:00:00Z';
const HELP_RUNS = 11;
const CSV_RUNS = 5;
const TSX_RUNS = 3;

const HELP_RATIO_BUDGET = 3;
const CSV_OVER_START_BUDGET_MS = 1_000;

/** Wall time of one process run to its end, ms; throws when it fails. */
function wallMs(cmd: string, args: string[]): number {
  const t0 = performance.now();
  const r = spawnSync(cmd, args, { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  const ms = performance.now() - t0;
  if (r.status !== 0)
    throw new Error(`${cmd} ${args.join(' ')} failed (${r.status}): ${r.stderr.slice(0, 300)}`);
  return ms;
}

/** Runs each of `cmds` `runs` times, interleaved; medians in the same order. */
function interleaved(cmds: [string, string[]][], runs: number): number[] {
  const times: number[][] = cmds.map(() => []);
  for (let i = 0; i < runs; i++)
    cmds.forEach(([c, a], k) => {
      times[k]?.push(wallMs(c, a));
    });
  return times.map(median);
}

export async function run(): Promise<void> {
  // Build once (untimed) so the runs below measure starts, not the build.
  wallMs('node', ['scripts/alvh.mjs', '--build']);
  const node: [string, string[]] = ['node', ['-e', '0']];
  const [bare, help] = interleaved([node, ['node', ['scripts/alvh.mjs', '--help']]], HELP_RUNS);
  addFigure('node -e 0 (bare start, the floor)', bare ?? null, 'ms', null);
  addFigure('alvh --help (compiled)', help ?? null, 'ms', null, { floor: bare });
  addFigure('alvh --help ÷ bare start', bare && help ? help / bare : null, '×', HELP_RATIO_BUDGET);
  const [tsxHelp] = interleaved([['npx', ['tsx', 'lib/cli/main.ts', '--help']]], TSX_RUNS);
  addFigure('alvh --help via tsx (before: compiled at every start)', tsxHelp ?? null, 'ms', null, {
    floor: bare,
  });
  if (!existsSync(CSV)) {
    const why = `${CSV} is absent (real data lives outside the repo, see /work/shared/data/README.md)`;
    addFigure('alvh read 10,500-row Cboe CSV, over bare start', null, 'ms', CSV_OVER_START_BUDGET_MS, {
      why,
    });
    addFigure('alvh plan on it, over bare start', null, 'ms', CSV_OVER_START_BUDGET_MS, { why });
    return;
  }
  const [bare2, read, plan] = interleaved(
    [
      node,
      ['node', ['scripts/alvh.mjs', 'read', CSV]],
      ['node', ['scripts/alvh.mjs', 'plan', '--chain', CSV, '--now', NOW]],
    ],
    CSV_RUNS,
  );
  const floor = bare2 ?? 0;
  addFigure(
    'alvh read 10,500-row Cboe CSV, over bare start',
    (read ?? 0) - floor,
    'ms',
    CSV_OVER_START_BUDGET_MS,
  );
  addFigure(
    'alvh plan --chain <that CSV>, over bare start',
    (plan ?? 0) - floor,
    'ms',
    CSV_OVER_START_BUDGET_MS,
  );
  const [tsxPlan] = interleaved(
    [['npx', ['tsx', 'lib/cli/main.ts', 'plan', '--chain', CSV, '--now', NOW]]],
    TSX_RUNS,
  );
  addFigure('alvh plan via tsx (before), over bare start', (tsxPlan ?? 0) - floor, 'ms', null);
  addNote(
    `cli: machine load average ${loadavg()
      .map((x) => x.toFixed(1))
      .join(
        ' / ',
      )} (1/5/15 min) on ${cpus().length} cores; wall times of whole processes, medians of ${HELP_RUNS} (--help) and ${CSV_RUNS} (CSV) runs interleaved with node -e 0; tsx ${TSX_RUNS} runs`,
  );
}
