/**
 * CLI bench: how long people wait for `alvh`. The compiled CLI (scripts/alvh.mjs → .cli/)
 * against a bare `node -e 0` measured interleaved in this run: `alvh --help` (budget ≤ 3× the
 * bare start), and reading / planning the 10,500-row Cboe quotedata CSV from
 * /work/shared/data (budget ≤ 1 s on top of the bare start). Budgets apply to each process's
 * own CPU time (read at its exit by the cpu-usage.cjs preload): on these shared machines wall
 * time mostly measures the queue for a core. Wall times, and the old way (tsx compiling the
 * TypeScript at every start), are printed for information.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { resolve } from 'node:path';
import { addFigure, addNote, BUDGETS } from './budgets';
import { median } from './timing';

const CSV = resolve('../shared/data/cboe-quotedata-spx-ndx-2022-02-05/spx_quotedata.csv');
/** The CSV's quote date is 2022-02-04 (Friday); planning "now" is that afternoon. */
const NOW = '2022-02-04T20:00:00Z';
const HELP_RUNS = 11;
const CSV_RUNS = 5;
const TSX_RUNS = 3;

const HELP_RATIO_BUDGET = BUDGETS.cliHelpRatio.limit;
const CSV_OVER_START_BUDGET_MS = BUDGETS.cliReadCsvMs.limit;
const PLAN_OVER_START_BUDGET_MS = BUDGETS.cliPlanCsvMs.limit;

interface Timing {
  /** Wall time from spawn to exit, ms. */
  wallMs: number;
  /** The process's own CPU time (user + system), ms: what a busy shared machine inflates least. */
  cpuMs: number;
}

const CPU_PRELOAD = resolve('tests/bench/cpu-usage.cjs');

/** Times one run of `node <args>` to its end; throws when it fails. */
function timeNode(args: string[]): Timing {
  const t0 = performance.now();
  const r = spawnSync('node', ['--require', CPU_PRELOAD, ...args], {
    stdio: ['ignore', 'ignore', 'pipe'],
    encoding: 'utf8',
    maxBuffer: 64 * 2 ** 20,
  });
  const wallMs = performance.now() - t0;
  if (r.status !== 0)
    throw new Error(`node ${args.join(' ')} failed (${r.status}): ${r.stderr.slice(0, 300)}`);
  const cpu = /__cpu_ms ([\d.]+)\s*$/.exec(r.stderr);
  return { wallMs, cpuMs: cpu ? Number(cpu[1]) : Number.NaN };
}

/** Runs each argument list `runs` times, interleaved; median wall and CPU times in the same order. */
function interleaved(list: string[][], runs: number): Timing[] {
  const times: Timing[][] = list.map(() => []);
  for (let i = 0; i < runs; i++)
    list.forEach((args, k) => {
      times[k]?.push(timeNode(args));
    });
  return times.map((t) => ({ wallMs: median(t.map((x) => x.wallMs)), cpuMs: median(t.map((x) => x.cpuMs)) }));
}

/** Wall time of `npx tsx …` (the CLI as it ran before), ms. */
function tsxWallMs(args: string[]): number {
  const t0 = performance.now();
  const r = spawnSync('npx', ['tsx', ...args], { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`tsx ${args.join(' ')} failed: ${r.stderr.slice(0, 300)}`);
  return performance.now() - t0;
}

export async function run(): Promise<void> {
  // Build once (untimed) so the runs below measure starts, not the build.
  timeNode(['scripts/alvh.mjs', '--build']);
  const bareArgs = ['-e', '0'];
  const [bare, help] = interleaved([bareArgs, ['scripts/alvh.mjs', '--help']], HELP_RUNS);
  if (!bare || !help) throw new Error('no timings');
  addFigure('node -e 0 (bare start, the floor): CPU', bare.cpuMs, 'ms', null);
  addFigure('alvh --help (compiled): CPU', help.cpuMs, 'ms', null, { floor: bare.cpuMs });
  addFigure('alvh --help ÷ bare start, CPU', help.cpuMs / bare.cpuMs, '×', HELP_RATIO_BUDGET);
  addFigure('alvh --help ÷ bare start, wall', help.wallMs / bare.wallMs, '×', null);
  const tsxHelp = median(Array.from({ length: TSX_RUNS }, () => tsxWallMs(['lib/cli/main.ts', '--help'])));
  addFigure('alvh --help via tsx (before), wall', tsxHelp, 'ms', null, { floor: bare.wallMs });
  if (!existsSync(CSV)) {
    const why = `${CSV} is absent (real data lives outside the repo, see /work/shared/data/README.md)`;
    addFigure('alvh read 10,500-row Cboe CSV, over bare start', null, 'ms', CSV_OVER_START_BUDGET_MS, {
      why,
    });
    addFigure('alvh plan on it, over bare start', null, 'ms', PLAN_OVER_START_BUDGET_MS, { why });
    return;
  }
  const [bare2, read, plan] = interleaved(
    [bareArgs, ['scripts/alvh.mjs', 'read', CSV], ['scripts/alvh.mjs', 'plan', '--chain', CSV, '--now', NOW]],
    CSV_RUNS,
  );
  if (!bare2 || !read || !plan) throw new Error('no timings');
  addFigure(
    'alvh read 10,500-row Cboe CSV, over bare start: CPU',
    read.cpuMs - bare2.cpuMs,
    'ms',
    CSV_OVER_START_BUDGET_MS,
  );
  addFigure(
    'alvh plan --chain <that CSV>, over bare start: CPU',
    plan.cpuMs - bare2.cpuMs,
    'ms',
    PLAN_OVER_START_BUDGET_MS,
  );
  addFigure('alvh read, over bare start: wall', read.wallMs - bare2.wallMs, 'ms', null);
  addFigure('alvh plan, over bare start: wall', plan.wallMs - bare2.wallMs, 'ms', null);
  const tsxPlan = median(
    Array.from({ length: TSX_RUNS }, () =>
      tsxWallMs(['lib/cli/main.ts', 'plan', '--chain', CSV, '--now', NOW]),
    ),
  );
  addFigure('alvh plan via tsx (before), over bare start: wall', tsxPlan - bare2.wallMs, 'ms', null);
  addNote(
    `cli: machine load average ${loadavg()
      .map((x) => x.toFixed(1))
      .join(
        ' / ',
      )} (1/5/15 min) on ${cpus().length} cores; budgets apply to each process's own CPU time (user + system), which a shared, busy machine inflates far less than wall time (wall shown for information); medians of ${HELP_RUNS} (--help) and ${CSV_RUNS} (CSV) runs interleaved with node -e 0; tsx ${TSX_RUNS} runs`,
  );
}
