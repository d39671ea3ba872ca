/**
 * `alvh replay` refuses bad input with a CliError (exit 2, one line), before any work.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CliError } from '../../lib/cli/command';
import { command } from '../../lib/cli/replay';

const dir = mkdtempSync(join(tmpdir(), 'alvh-replay-'));
const file = (name: string, text: string) => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};
const spx = file('spx.csv', 'Date,Open,High,Low,Close\n2020-01-02,3244.67,3258.14,3235.53,3257.85\n');
const vix = file('vix.csv', 'DATE,OPEN,HIGH,LOW,CLOSE\n01/02/2020,13.46,13.72,12.42,12.47\n');
const vvix = file('vvix.csv', 'DATE,VVIX\n01/02/2020,92.87\n');
const vx = file(
  'vx.csv',
  ',Trade Date,Futures,Open,High,Low,Close,Settle\n0,2020-01-02,2020-01-22,14,14,13,13.3,13.275\n',
);
const base = ['--spx', spx, '--vix', vix, '--vx', vx, '--vvix', vvix];

const run = (args: string[]) => command.run(args, { stdout: () => {} });

describe('alvh replay input checks', () => {
  it.each([
    [['--spx', spx, '--from', '2020-01-01', '--to', '2020-12-31'], '--vix is required'],
    [[...base, '--from', '2020-13-01', '--to', '2020-12-31'], '--from and --to must be YYYY-MM-DD'],
    [[...base, '--from', '2021-01-01', '--to', '2020-12-31'], 'from ≤ to'],
    [[...base, '--from', '2020-01-01', '--to', '2020-12-31', '--days', '3'], 'unknown option --days'],
    [
      [
        ...base,
        '--from',
        '2020-01-01',
        '--to',
        '2020-12-31',
        '--settings',
        file('s.json', '{"replay":{"slippagePointsPerLeg":-1}}'),
      ],
      'slippagePointsPerLeg',
    ],
    [
      [
        ...base,
        '--from',
        '2020-01-01',
        '--to',
        '2020-12-31',
        '--settings',
        file('t.json', '{"replay":{"slipage":1}}'),
      ],
      'replay',
    ],
  ])('%j → %s', async (args, message) => {
    await expect(run(args)).rejects.toThrow(CliError);
    await expect(run(args)).rejects.toThrow(message);
  });

  it('names the columns a history file lacks', async () => {
    const bad = file('bad.csv', 'Day,Price\n2020-01-02,1\n');
    await expect(
      run([
        '--spx',
        bad,
        '--vix',
        vix,
        '--vx',
        vx,
        '--vvix',
        vvix,
        '--from',
        '2020-01-01',
        '--to',
        '2020-12-31',
      ]),
    ).rejects.toThrow('SPX history: need columns Date, Open, Close');
  });
});
