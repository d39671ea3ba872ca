import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { loadSnapshots } from '../../lib/cli/load-snapshot';
import { FIXTURE_NOW, FIXTURES } from './helpers';

const run = promisify(execFile);
const ROOT = join(FIXTURES, '..', '..', '..');

async function alvh(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run('npx', ['tsx', 'lib/cli/main.ts', ...args], { cwd: ROOT });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('alvh read', () => {
  it('prints the snapshot of a saved page', async () => {
    const file = join(FIXTURES, 'yahoo', 'options-2024.html');
    const url = 'https://finance.yahoo.com/quote/%5ESPX/options/?date=1797552000';
    const r = await alvh(['read', file, '--url', url, '--now', FIXTURE_NOW]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(await loadSnapshots(file, { url, now: FIXTURE_NOW }));
  }, 60_000);

  it('exits 2 with the reason on stderr when the file has no chain', async () => {
    const r = await alvh([
      'read',
      join(FIXTURES, 'barchart', 'options-page-world-only.html'),
      '--url',
      'https://www.barchart.com/stocks/quotes/$SPX/options',
    ]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(
      /^alvh read: .*Barchart: the grid \(bc-data-grid\) has no rows in the page.*\(no-rows\)\n$/,
    );
  }, 60_000);
});

describe('loadSnapshots', () => {
  it.each([
    ['csv/vix-settlement.csv', 'vix-curve'],
    ['csv/quotedata-spx.csv', 'option-chain'],
    ['cboe/options-json.json', 'option-chain'],
  ])('reads %s', async (rel, kind) => {
    const snaps = await loadSnapshots(join(FIXTURES, rel), {
      now: FIXTURE_NOW,
      url: 'https://www.cboe.com/delayed_quotes/spx/quote_table',
    });
    expect(snaps.map((s) => s.kind)).toEqual([kind]);
  });

  it('accepts a snapshot JSON file as written by alvh read', async () => {
    const snaps = await loadSnapshots(join(FIXTURES, 'csv', 'quotedata-spx.expected.json'));
    expect(snaps).toHaveLength(1);
    expect(snaps[0]?.kind).toBe('option-chain');
  });

  it('says what a file holds when it is no chain: XML is called XML, JSON names its keys', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'alvh-read-'));
    const xml = join(dir, 'positions.csv');
    writeFileSync(xml, '<?xml version="1.0"?>\n<FIXML r="1"><Batch/></FIXML>\n');
    await expect(loadSnapshots(xml)).rejects.toThrow(
      `${xml}: positions.csv: an XML document (root element <FIXML>), not an option chain page, CSV or JSON we read (not-a-chain)`,
    );
    const json = join(dir, 'x.json');
    writeFileSync(json, '{"fault":{"faultstring":"Invalid ApiKey"}}');
    await expect(loadSnapshots(json)).rejects.toThrow('JSON: an object with keys fault; not a snapshot');
    rmSync(dir, { recursive: true });
  });

  it('rejects a missing file with a CliError', async () => {
    await expect(loadSnapshots('/nonexistent/x.csv')).rejects.toThrow('cannot read /nonexistent/x.csv');
  });
});
