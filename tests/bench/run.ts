/**
 * `npm run bench`: runs every tests/bench/*.bench.ts section in one process, in name order.
 * Each section exports `run(): Promise<void>` and prints its own table of medians and ratios
 * measured in the same run (these machines are shared and noisy: never compare across runs).
 */
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const only = process.argv[2];
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => !only || f.startsWith(only))
  .sort();
for (const file of files) {
  const mod = (await import(join(here, file))) as { run: () => Promise<void> };
  console.log(`\n== ${file.replace('.bench.ts', '')} ==`);
  await mod.run();
}
