/**
 * `npm run bench`: runs every tests/bench/*.bench.ts section in one process, in name order
 * (`npm run bench -- cli` runs the sections whose name starts with "cli"). Each section
 * exports `run(): Promise<void>`, adds its figures to the shared budget table (budgets.ts) and
 * prints its own lines; the table of every figure beside its budget comes last. All figures
 * are medians measured in this run (these machines are shared and noisy: never compare
 * across runs).
 */
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beginSection, printSection, printSummary } from './budgets';

const here = dirname(fileURLToPath(import.meta.url));
const only = process.argv[2];
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => !only || f.startsWith(only))
  .sort();
for (const file of files) {
  const name = file.replace('.bench.ts', '');
  const mod = (await import(join(here, file))) as { run: () => Promise<void> };
  console.log(`\n== ${name} ==`);
  beginSection(name);
  await mod.run();
  printSection();
}
const { over, unmeasured } = printSummary();
console.log(`\n${over} over budget, ${unmeasured} not measured`);
