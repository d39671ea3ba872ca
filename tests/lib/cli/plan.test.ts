import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CliError } from '../../../lib/cli/command';
import { command, parseHistoryCsv } from '../../../lib/cli/plan';
import { planSchema } from '../../../lib/schema/plan';
import { syntheticSpxChain, vixCurve } from '../../fixtures/engine/synthetic-chain';

const dir = mkdtempSync(join(tmpdir(), 'alvh-plan-'));
const file = (name: string, text: string) => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};
const NOW = '2026-11-26T15:00:00Z';
const chain = file('chain.json', JSON.stringify(syntheticSpxChain({ strikesPerExpiry: 120 })));
const vix = file(
  'vix.json',
  JSON.stringify(
    vixCurve(30, [
      ['2026-12-16', 30],
      ['2027-01-20', 27],
    ]),
  ),
);

async function run(args: string[]): Promise<string> {
  let out = '';
  await command.run(args, { stdout: (s) => (out += s) });
  return out;
}

describe('parseHistoryCsv', () => {
  it('reads the documented columns in any order, sorts by date and keeps the last of a repeated day', () => {
    const rows = parseHistoryCsv(
      'Declines,date,SPX_Close,advances,extra\n1200,2026-01-05,5010.5,1800,x\n1100,2026-01-02,5000,1900,y\n1000,2026-01-05,5020,2000,z\n',
    );
    expect(rows).toEqual([
      {
        date: '2026-01-02',
        spxClose: 5000,
        advances: 1900,
        declines: 1100,
        vixClose: null,
        vxFrontSpread: null,
      },
      {
        date: '2026-01-05',
        spxClose: 5020,
        advances: 2000,
        declines: 1000,
        vixClose: null,
        vxFrontSpread: null,
      },
    ]);
  });
  it('names the missing column and the bad line', () => {
    expect(() => parseHistoryCsv('date,close\n2026-01-02,5000\n')).toThrow(/missing column "spx_close"/);
    expect(() => parseHistoryCsv('date,spx_close\n2026-01-02,5000\n2026-1-3,5001\n')).toThrow(/line 3: date/);
  });
});

describe('alvh plan', () => {
  it('prints a schema-valid plan JSON from snapshot files', async () => {
    const out = await run(['--chain', chain, '--vix', vix, '--now', NOW]);
    const p = planSchema.parse(JSON.parse(out));
    expect(p.asOf).toBe(NOW);
    expect(p.condor.status).toBe('suggested');
    // Inverted curve, futures fallback: a VX future can give back (F − 17.63) × $1,000 if VIX returns
    // to its long-run median, far beyond 20 % of the condor credit, so the budget allows none.
    expect(p.hedge.status).toBe('off');
    expect(p.hedge.figures?.hedge?.instrument).toBe('vix-future');
    expect(p.hedge.figures?.hedge?.boundBy).toBe('hedge budget');
    expect(p.hedge.reason).toContain('The hedge budget allows no hedge contract.');
  });
  it('merges a partial settings file over the defaults and validates it', async () => {
    const s = file('s.json', JSON.stringify({ risk: { maxContracts: 1 } }));
    const p = planSchema.parse(JSON.parse(await run(['--chain', chain, '--settings', s, '--now', NOW])));
    expect(p.condor.figures?.best.contracts).toBe(1);
    const bad = file('bad.json', JSON.stringify({ condor: { dteMin: 50, dteMax: 10 } }));
    await expect(run(['--chain', chain, '--settings', bad, '--now', NOW])).rejects.toThrow(/condor.dteMax/);
  });
  it('fails with a CliError on missing or bad input', async () => {
    await expect(run(['--now', NOW])).rejects.toBeInstanceOf(CliError);
    await expect(run(['--chain', chain, '--now', 'yesterday'])).rejects.toThrow(/ISO instant/);
    await expect(run(['--chain', vix, '--now', NOW])).rejects.toThrow(/no option chain/);
    const held = file(
      'held.json',
      JSON.stringify({
        expiry: '2027-01-01',
        longPut: 1,
        shortPut: 3,
        shortCall: 2,
        longCall: 4,
        credit: 1,
        contracts: 1,
      }),
    );
    await expect(run(['--chain', chain, '--held', held, '--now', NOW])).rejects.toThrow(/strikes must rise/);
  });
});
