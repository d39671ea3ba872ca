/**
 * The two real Cboe SPX chains the synthetic chain is calibrated on (../shared/data, read in
 * place with the project's CSV reader, never copied): quotes at the close of 2020-03-20 and
 * 2022-02-04. The VIX closes are read by eye from VIX_History_1990_2024.csv (66.04, 23.22).
 * Returns null when the data folder is absent.
 *   npx tsx tests/replay/fit-skew.ts   prints the fitted parameters and errors
 */
import { existsSync, readFileSync } from 'node:fs';
import type { ChainSnapshot } from '../../lib/engine/snapshot-types';
import { readCsv } from '../../lib/readers/csv';

export const DATA = new URL('../../../shared/data/', import.meta.url).pathname;

export interface RealChain {
  name: string;
  file: string;
  /** Session whose closing quotes the file holds. */
  date: string;
  /** VIX close that session, points (from the VIX history file, by eye). */
  vix: number;
  chain: ChainSnapshot;
}

export const REAL_CHAIN_FILES = [
  {
    name: 'cboe-quotedata-spx-2020-03-22',
    file: 'cboe-quotedata-spx-2020-03-22/quotedata.dat',
    date: '2020-03-20',
    vix: 66.04,
  },
  {
    name: 'cboe-quotedata-spx-ndx-2022-02-05',
    file: 'cboe-quotedata-spx-ndx-2022-02-05/spx_quotedata.csv',
    date: '2022-02-04',
    vix: 23.22,
  },
] as const;

export function loadRealChains(): RealChain[] | null {
  const out: RealChain[] = [];
  for (const f of REAL_CHAIN_FILES) {
    const path = `${DATA}${f.file}`;
    if (!existsSync(path)) return null;
    const r = readCsv(readFileSync(path, 'utf8'), { url: path, now: `${f.date}T21:00:00Z` });
    if (!r.ok) throw new Error(`${f.file}: ${r.failure.detail}`);
    const chain = r.snapshots.find((s): s is ChainSnapshot => s.kind === 'option-chain');
    if (!chain) throw new Error(`${f.file}: no chain`);
    out.push({ ...f, chain });
  }
  return out;
}
