/**
 * `npm test`: every check in one go — typecheck (app + DOM-free engine and replay), Biome lint/format,
 * Vitest (unit + component), the Chrome and Firefox builds and their store zips, the store
 * checks and the Firefox browser test (tests/firefox, WebDriver BiDi into firefox-esr),
 * Playwright in real Chromium.
 * It ends with one line of its own, alone: `N passed, N failed, N skipped` summed over all
 * test runners (a check that is not a test counts as one failed test when it fails), and
 * exits non-zero when anything failed.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { findBrowser } from './support/find-browser';
import { findFirefox } from './support/find-firefox';

let passed = 0;
let failed = 0;
let skipped = 0;
const failures: string[] = [];

function step(name: string, cmd: string, args: string[], env: NodeJS.ProcessEnv = {}): boolean {
  console.log(`\n▶ ${name}: ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  const ok = r.status === 0;
  if (!ok) failures.push(name);
  return ok;
}

function check(name: string, cmd: string, args: string[]): void {
  if (!step(name, cmd, args)) failed += 1;
}

function readJson(file: string): unknown {
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null;
}

/** Adds a Vitest JSON report's counts to the totals (a missing report counts as one failure). */
function countVitest(name: string, report: unknown): void {
  const r = report as {
    numPassedTests: number;
    numFailedTests: number;
    numPendingTests: number;
    numTodoTests: number;
  } | null;
  if (!r) {
    failed += 1;
    return;
  }
  passed += r.numPassedTests;
  failed += r.numFailedTests;
  skipped += r.numPendingTests + r.numTodoTests;
  console.log(
    `${name}: ${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numPendingTests} skipped`,
  );
}

// Browser first: on a fresh Debian machine (as root) this installs Chromium.
process.env.CHROMIUM_PATH = await findBrowser();

check('typecheck', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']);
check('typecheck engine (no DOM)', 'npx', ['tsc', '--noEmit', '-p', 'lib/engine/tsconfig.json']);
check('typecheck replay (no DOM)', 'npx', ['tsc', '--noEmit', '-p', 'lib/replay/tsconfig.json']);
check('lint + format', 'npx', ['biome', 'ci', '.']);

rmSync('.vitest-report.json', { force: true });
step('unit + component tests', 'npx', [
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  '--outputFile.json=.vitest-report.json',
]);
countVitest('vitest', readJson('.vitest-report.json'));

check('build chrome-mv3', 'npx', ['wxt', 'build']);
check('build firefox-mv2', 'npx', ['wxt', 'build', '-b', 'firefox']);

// Store checks on the zips, and the Firefox build run in the system Firefox (tests/firefox).
check('store zips', 'npm', ['run', '--silent', 'zip']);
try {
  process.env.FIREFOX_PATH ??= findFirefox();
} catch (err) {
  // The Firefox test then skips itself with the same reason; everything else still runs.
  console.log(String(err instanceof Error ? err.message : err));
}
rmSync('.firefox-report.json', { force: true });
step('Firefox + store tests', 'npx', [
  'vitest',
  'run',
  '--config',
  'tests/firefox/vitest.config.ts',
  '--reporter=default',
  '--reporter=json',
  '--outputFile.json=.firefox-report.json',
]);
countVitest('firefox + store', readJson('.firefox-report.json'));

rmSync('.pw-report.json', { force: true });
step('browser tests', 'npx', ['playwright', 'test', '--reporter=list,json'], {
  PLAYWRIGHT_JSON_OUTPUT_NAME: '.pw-report.json',
});
const pw = readJson('.pw-report.json') as {
  stats: { expected: number; unexpected: number; flaky: number; skipped: number };
  errors?: unknown[];
} | null;
if (pw) {
  passed += pw.stats.expected + pw.stats.flaky;
  failed += pw.stats.unexpected + (pw.errors?.length ?? 0);
  skipped += pw.stats.skipped;
  console.log(`playwright: ${pw.stats.expected + pw.stats.flaky} passed, ${pw.stats.unexpected} failed`);
} else failed += 1;

if (failures.length) console.log(`\nFailed steps: ${failures.join(', ')}`);
console.log(`\n${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exitCode = failed > 0 || failures.length > 0 ? 1 : 0;
