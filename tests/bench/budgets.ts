/**
 * The performance budgets, and the table of figures `npm run bench` prints beside them: each
 * section adds its rows (median, floor measured beside it, ratio, budget, verdict) and prints
 * them; run.ts prints every row again at the end, so one run shows each figure beside its
 * budget in one place. {@link BUDGETS} is the one list of budgets: the benches take their
 * limits from it, and README "Performance budgets" must list exactly these rows
 * (tests/docs/budgets-readme.test.ts checks it).
 */

export interface BudgetRow {
  section: string;
  figure: string;
  value: string;
  floor: string;
  ratio: string;
  budget: string;
  verdict: string;
}

export type Unit = 'ms' | 'MB' | 'KB' | '×' | '/s' | 'count';

/** One budget: the README row (section, figure) and its limit (an upper bound). */
export interface Budget {
  section: 'browser' | 'cli' | 'plan' | 'readers';
  /** The figure as the README names it. */
  figure: string;
  limit: number;
  unit: 'ms' | 'MB' | 'KB' | '×';
}

/** Every budget, in README order. */
export const BUDGETS = {
  contentScriptGzipKb: {
    section: 'browser',
    figure: '`content-scripts/broker.js` gzipped',
    limit: 40,
    unit: 'KB',
  },
  sidePanelFirstRenderMs: {
    section: 'browser',
    figure: 'side panel first render: reader status + Layer 1 card',
    limit: 500,
    unit: 'ms',
  },
  scriptPerUpdateMs: {
    section: 'browser',
    figure:
      '2,000-row page changing one cell a second: our scripting per update (page + ours, minus the same page without the extension)',
    limit: 5,
    unit: 'ms',
  },
  scriptPerReadMs: {
    section: 'browser',
    figure: "same page: our scripting per read, and our content script's CPU-profile time per read",
    limit: 5,
    unit: 'ms',
  },
  updateLongestTaskMs: {
    section: 'browser',
    figure: 'same page: longest task per update, and in the worst update',
    limit: 50,
    unit: 'ms',
  },
  loadLongestTaskMs: {
    section: 'browser',
    figure: 'same page: longest task from load through the first (full) read',
    limit: 200,
    unit: 'ms',
  },
  bigPageLongestTaskMs: {
    section: 'browser',
    figure:
      '20,000-row page: longest task from our content script attaching its overlay until the page is read',
    limit: 200,
    unit: 'ms',
  },
  heapGrowthMb: {
    section: 'browser',
    figure: 'page JS heap growth over 100 live updates',
    limit: 5,
    unit: 'MB',
  },
  pageWorldSliceMs: {
    section: 'browser',
    figure:
      '12 MB Cboe JSON handed over by the page-world script: longest task minus `JSON.parse` of that text alone (the one step that cannot be sliced; the rest must fit in slices shorter than a long task)',
    limit: 50,
    unit: 'ms',
  },
  cliHelpRatio: {
    section: 'cli',
    figure: '`alvh --help` (compiled) ÷ a bare `node -e 0`, process CPU time',
    limit: 3,
    unit: '×',
  },
  cliReadCsvMs: {
    section: 'cli',
    figure:
      '`alvh read` of the 10,500-row Cboe CSV (`spx_quotedata.csv` in /work/shared/data), CPU time over the bare start',
    limit: 1_000,
    unit: 'ms',
  },
  cliPlanCsvMs: {
    section: 'cli',
    figure: '`alvh plan --chain` on that CSV, CPU time over the bare start',
    limit: 1_000,
    unit: 'ms',
  },
  planOverIvRatio: {
    section: 'plan',
    figure: 'full `plan()` on a 10 × 400-strike chain ÷ solving its implied vols alone',
    limit: 3,
    unit: '×',
  },
  readOverBareRatio: {
    section: 'readers',
    figure: '`readPage` of a 2,000-row table ÷ a bare pass over its cells (happy-dom)',
    limit: 3,
    unit: '×',
  },
  bigReadLinearRatio: {
    section: 'readers',
    figure: '`readPage` of a 20,000-row page ÷ of a 5,000-row one (4× the rows: linear, not quadratic)',
    limit: 8,
    unit: '×',
  },
} as const satisfies Record<string, Budget>;

/** A budget as the README writes it: "≤ 5 ms", "≤ 1 s", "≤ 3×", "≤ 40 KB". */
export function budgetText(b: Budget): string {
  if (b.unit === '×') return `≤ ${b.limit}×`;
  if (b.unit === 'ms' && b.limit >= 1_000 && b.limit % 1_000 === 0) return `≤ ${b.limit / 1_000} s`;
  return `≤ ${b.limit} ${b.unit}`;
}

const all: BudgetRow[] = [];
const notes: string[] = [];
let current = '';
let sectionStart = 0;

/** Starts a section: rows added from now on belong to it. */
export function beginSection(name: string): void {
  current = name;
  sectionStart = all.length;
}

function fmt(x: number, unit: Unit): string {
  if (unit === 'count') return String(Math.round(x));
  if (unit === '/s') return `${Math.round(x).toLocaleString('en-US')} /s`;
  if (unit === '×') return `${x.toFixed(2)}×`;
  return `${unit === 'ms' && Math.abs(x) >= 0.1 ? x.toFixed(1) : x.toFixed(2)} ${unit}`;
}

/**
 * Adds a figure. `budget` is an upper bound (null: for information); with `atLeast` it is a
 * lower bound. A null value is printed as NOT MEASURED with `why` as a note.
 */
export function addFigure(
  figure: string,
  value: number | null,
  unit: Unit,
  budget: number | null,
  opts: { floor?: number | null; why?: string; atLeast?: boolean } = {},
): void {
  const floor = opts.floor ?? null;
  const within = value !== null && budget !== null && (opts.atLeast ? value >= budget : value <= budget);
  all.push({
    section: current,
    figure,
    value: value === null ? 'n/a' : fmt(value, unit),
    floor: floor === null ? '—' : fmt(floor, unit),
    ratio: value !== null && floor !== null && floor > 0 ? `${(value / floor).toFixed(2)}×` : '—',
    budget: budget === null ? '(info)' : `${opts.atLeast ? '≥' : '≤'} ${fmt(budget, unit)}`,
    verdict: value === null ? 'NOT MEASURED' : budget === null ? '' : within ? 'PASS' : 'OVER',
  });
  if (value === null && opts.why) notes.push(`${figure}: not measured — ${opts.why}`);
}

/** Adds a row with a preformatted value (e.g. "9 of 10"). */
export function addText(figure: string, value: string, verdict = ''): void {
  all.push({ section: current, figure, value, floor: '—', ratio: '—', budget: '(info)', verdict });
}

/** A note printed under the section's table. */
export function addNote(note: string): void {
  notes.push(note);
}

function print(rows: BudgetRow[], withSection: boolean): void {
  const head: BudgetRow = {
    section: 'section',
    figure: 'figure',
    value: 'median',
    floor: 'floor',
    ratio: 'ratio',
    budget: 'budget',
    verdict: '',
  };
  const list = [head, ...rows];
  const w = (k: keyof BudgetRow) => Math.max(...list.map((r) => r[k].length));
  const line = (r: BudgetRow) =>
    `${withSection ? `${r.section.padEnd(w('section'))}  ` : ''}${r.figure.padEnd(w('figure'))}  ${r.value.padStart(
      w('value'),
    )}  ${r.floor.padStart(w('floor'))}  ${r.ratio.padStart(w('ratio'))}  ${r.budget.padEnd(w('budget'))}  ${
      r.verdict
    }`.trimEnd();
  for (const r of list) console.log(line(r));
}

/** Prints the current section's rows and notes. */
export function printSection(): void {
  print(all.slice(sectionStart), false);
  for (const n of notes) console.log(`note: ${n}`);
  notes.length = 0;
}

/** Prints every row of the run; returns how many are over budget or not measured. */
export function printSummary(): { over: number; unmeasured: number } {
  console.log('\n== every figure beside its budget (this run) ==');
  print(all, true);
  return {
    over: all.filter((r) => r.verdict === 'OVER').length,
    unmeasured: all.filter((r) => r.verdict === 'NOT MEASURED').length,
  };
}
