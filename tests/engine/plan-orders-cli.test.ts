import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { command } from '../../lib/cli/plan';
import { condorOrder } from '../../lib/engine/plan/order-line';
import type { Plan } from '../../lib/engine/plan-types';

const FILE = resolve(__dirname, '../../../shared/data/cboe-quotedata-spx-ndx-2022-02-05/spx_quotedata.csv');
const present = existsSync(FILE);

describe('alvh plan carries the orders', () => {
  it.skipIf(!present)('prints the same thinkorswim line as the side panel copies', async () => {
    let out = '';
    await command.run(['--chain', FILE, '--now', '2022-02-04T20:00:00Z'], {
      stdout: (t) => {
        out += t;
      },
    });
    const json = JSON.parse(out) as Plan & { orders: { condor: { ok: boolean; line?: string } | null } };
    const best = json.condor.figures?.best;
    if (!best) throw new Error(`no condor on the real chain: ${json.condor.reason}`);
    const ticket = condorOrder(best);
    expect(json.orders.condor).toEqual(ticket);
    // The quotedata file names every contract SPXW (its option symbols), so the line has the weekly tag.
    expect(json.orders.condor?.line).toMatch(
      /^SELL -\d+ IRON CONDOR SPX 100 \(Weeklys\) \d{1,2} (FEB|MAR) 22 \d+\/\d+\/\d+\/\d+ PUT\/CALL @\d*\.\d{2} LMT$/,
    );
  });
  it.skipIf(present)(
    'skips: /work/shared/data/cboe-quotedata-spx-ndx-2022-02-05 is not on this machine',
    () => {},
  );
});
