/**
 * One table of figures and their budgets for `npm run bench`: each section adds its rows
 * (median, floor measured beside it, ratio, budget, verdict) and prints them; run.ts prints
 * every row again at the end, so one run shows each figure beside its budget in one place.
 * README "Performance budgets" lists the same figures.
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
