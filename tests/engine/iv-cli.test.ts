/**
 * `alvh iv` end to end through the Command contract (no subprocess). The first row is Hull's
 * BSM example (S=42, K=40, r=10 %, T=0.5, σ=20 % → call 4.7594): the vol must come back.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CliError } from '../../lib/cli/command';
import { command } from '../../lib/cli/iv';
import { price } from '../../lib/engine/index';

async function runOn(text: string): Promise<string[][]> {
  const dir = mkdtempSync(join(tmpdir(), 'alvh-iv-'));
  const file = join(dir, 'in.csv');
  writeFileSync(file, text);
  let out = '';
  await command.run([file], { stdout: (s) => (out += s) });
  return out
    .trim()
    .split('\n')
    .map((l) => l.split(','));
}

describe('alvh iv', () => {
  it('appends iv and greeks, with or without a header row', async () => {
    const hull = price('call', 42, 40, 0.5, 0.1, 0, 0.2) ?? 0;
    for (const header of ['kind,S,K,T,r,q,price\n', '']) {
      const rows = await runOn(`${header}c,42,40,0.5,0.1,0,${hull}\nput,42,50,0.5,0.1,0,1\nq,1,1,1,0,0,1\n`);
      expect(rows[0]).toEqual([
        'kind',
        'S',
        'K',
        'T',
        'r',
        'q',
        'price',
        'iv',
        'delta',
        'gamma',
        'vega',
        'theta',
        'error',
      ]);
      const first = rows[1] ?? [];
      expect(Math.abs(Number(first[7]) - 0.2)).toBeLessThan(1e-14);
      expect(Number(first[8])).toBeGreaterThan(0.7); // ITM call delta
      expect(first[12]).toBe('');
      // K=50 put on S=42: discounted intrinsic 50·e^{−0.05} − 42 = 5.56 > 1.
      expect(rows[2]?.[12]).toBe('below-intrinsic');
      expect(rows[3]?.[12]).toBe('bad-input');
    }
  });

  it('rejects a missing file or short rows with a CliError', async () => {
    await expect(command.run(['/nonexistent/in.csv'], { stdout: () => {} })).rejects.toBeInstanceOf(CliError);
    await expect(runOn('c,42,40\n')).rejects.toBeInstanceOf(CliError);
    await expect(command.run([], { stdout: () => {} })).rejects.toBeInstanceOf(CliError);
  });
});
