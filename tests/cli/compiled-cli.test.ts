/**
 * The compiled CLI (`npm run alvh` → scripts/alvh.mjs → .cli/) gives byte for byte what the
 * TypeScript source gives under tsx, for a saved page, a CSV and a failing file; and it is
 * rebuilt when a source it was built from changes.
 */
import { execFile } from 'node:child_process';
import { readFileSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { FIXTURE_NOW, FIXTURES } from '../readers/helpers';

const run = promisify(execFile);
const ROOT = join(FIXTURES, '..', '..', '..');

async function out(cmd: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(cmd, args, { cwd: ROOT, maxBuffer: 64 * 2 ** 20 });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

const CASES: [string, string[]][] = [
  [
    'a saved Yahoo page',
    [
      'read',
      join(FIXTURES, 'yahoo', 'options-2024.html'),
      '--url',
      'https://finance.yahoo.com/quote/%5ESPX/options/?date=1797552000',
      '--now',
      FIXTURE_NOW,
    ],
  ],
  ['a Cboe quotedata CSV', ['read', join(FIXTURES, 'csv', 'quotedata-spx.csv'), '--now', FIXTURE_NOW]],
  [
    'a page with no chain (exit 2)',
    [
      'read',
      join(FIXTURES, 'barchart', 'options-page-world-only.html'),
      '--url',
      'https://www.barchart.com/stocks/quotes/$SPX/options',
    ],
  ],
];

describe('compiled alvh CLI', () => {
  it.each(CASES)(
    'matches the TypeScript source on %s',
    async (_name, args) => {
      const compiled = await out('node', ['scripts/alvh.mjs', ...args]);
      const source = await out('npx', ['tsx', 'lib/cli/main.ts', ...args]);
      expect(compiled.code).toBe(source.code);
      expect(compiled.stdout).toBe(source.stdout);
      expect(compiled.stderr).toBe(source.stderr);
      expect(compiled.stdout.length + compiled.stderr.length).toBeGreaterThan(0);
    },
    120_000,
  );

  it('rebuilds when a source file is newer than the bundle', async () => {
    await out('node', ['scripts/alvh.mjs', '--build']);
    const before = JSON.parse(readFileSync(join(ROOT, '.cli', 'meta.json'), 'utf8')) as {
      dir: string;
      builtAtMs: number;
    };
    const command = join(ROOT, 'lib', 'cli', 'command.ts');
    // Touched after the build began (its content is unchanged).
    const touched = new Date();
    expect(touched.getTime()).toBeGreaterThan(before.builtAtMs);
    utimesSync(command, touched, touched);
    const r = await out('node', ['scripts/alvh.mjs', '--help']);
    expect(r.stdout).toMatch(/^usage: alvh/);
    const after = JSON.parse(readFileSync(join(ROOT, '.cli', 'meta.json'), 'utf8')) as { dir: string };
    expect(after.dir).not.toBe(before.dir);
  }, 60_000);
});
