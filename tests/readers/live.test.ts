// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import type { ChainSnapshot, Quote } from '../../lib/engine/snapshot-types';
import { OVERLAY_ATTRIBUTE, startLiveReading } from '../../lib/readers/live';
import { mergeChain } from '../../lib/readers/merge';
import { readPage } from '../../lib/readers/read-page';
import type { ReadResult } from '../../lib/readers/types';
import { bigChainHtml } from './big-chain';

const q = (bid: number): Quote => ({
  bid,
  ask: bid + 0.2,
  last: null,
  volume: null,
  openInterest: null,
  iv: null,
  delta: null,
});

function snap(readAt: string, rows: [string, number, number][], symbol = 'SPX'): ChainSnapshot {
  const byExp = new Map<string, ChainSnapshot['expiries'][number]>();
  for (const [expiry, strike, bid] of rows) {
    const e = byExp.get(expiry) ?? { expiry, root: 'SPXW', settlement: 'PM', rows: [] };
    e.rows.push({ strike, call: q(bid), put: null });
    byExp.set(expiry, e);
  }
  const expiries = [...byExp.values()];
  return {
    kind: 'option-chain',
    source: { reader: 'generic-table', url: 'http://localhost/chain.html#a', readAt },
    underlying: { symbol, price: null },
    quoteTime: null,
    expiries,
    coverage: { expiriesListed: 3, expiriesRead: expiries.length, rowsRead: rows.length, note: null },
    dropped: [],
    flags: [],
  };
}

describe('mergeChain', () => {
  const t0 = '2026-11-26T15:00:00.000Z';
  const t1 = '2026-11-26T15:00:20.000Z';
  it('keeps rows scrolled out of view while fresh; the newest read wins where both show a row', () => {
    const a = mergeChain(
      null,
      snap(t0, [
        ['2026-12-17', 5800, 1],
        ['2026-12-17', 5900, 2],
      ]),
      60_000,
    );
    const b = mergeChain(
      a.memory,
      snap(t1, [
        ['2026-12-17', 5900, 5],
        ['2026-12-17', 6000, 3],
      ]),
      60_000,
    );
    expect(b.snapshot.expiries[0]?.rows.map((r) => [r.strike, r.call?.bid])).toEqual([
      [5800, 1],
      [5900, 5],
      [6000, 3],
    ]);
    expect(b.snapshot.coverage.rowsRead).toBe(3);
    expect(b.snapshot.coverage.note).toBe(
      '1 rows kept from earlier reads (scrolled out of view or collapsed)',
    );
    expect(b.snapshot.flags.map((f) => f.kind)).toEqual(['mixed-quote-times']);
  });
  it('keeps SPX (AM) and SPXW (PM) of the same third Friday apart over two reads', () => {
    const both: ChainSnapshot = {
      ...snap(t0, [['2026-12-18', 5800, 1]]),
      expiries: [
        {
          expiry: '2026-12-18',
          root: 'SPXW',
          settlement: 'PM',
          rows: [{ strike: 5800, call: q(2), put: null }],
        },
        {
          expiry: '2026-12-18',
          root: 'SPX',
          settlement: 'AM',
          rows: [{ strike: 5800, call: q(1), put: null }],
        },
      ],
    };
    const a = mergeChain(null, both, 60_000);
    // Second read: only the PM series is on screen, with a new price.
    const b = mergeChain(
      a.memory,
      {
        ...snap(t1, [['2026-12-18', 5800, 4]]),
      },
      60_000,
    );
    expect(b.snapshot.expiries.map((e) => [e.root, e.settlement, e.rows[0]?.call?.bid])).toEqual([
      ['SPX', 'AM', 1],
      ['SPXW', 'PM', 4],
    ]);
    expect(b.snapshot.coverage.rowsRead).toBe(2);
  });
  it('merges lazily opened expirations seen one at a time', () => {
    const a = mergeChain(null, snap(t0, [['2026-12-17', 5800, 1]]), 60_000);
    const b = mergeChain(a.memory, snap(t1, [['2026-12-18', 5800, 2]]), 60_000);
    expect(b.snapshot.expiries.map((e) => e.expiry)).toEqual(['2026-12-17', '2026-12-18']);
    expect(b.snapshot.coverage.expiriesRead).toBe(2);
  });
  it('forgets rows older than maxAgeMs', () => {
    const a = mergeChain(null, snap(t0, [['2026-12-17', 5800, 1]]), 10_000);
    const b = mergeChain(a.memory, snap(t1, [['2026-12-17', 6000, 3]]), 10_000);
    expect(b.snapshot.expiries[0]?.rows.map((r) => r.strike)).toEqual([6000]);
    expect(b.snapshot.flags).toEqual([]);
  });
  it('starts afresh for another symbol', () => {
    const a = mergeChain(null, snap(t0, [['2026-12-17', 5800, 1]]), 60_000);
    const b = mergeChain(a.memory, snap(t1, [['2026-12-17', 100, 3]], 'NDX'), 60_000);
    expect(b.snapshot.expiries[0]?.rows.map((r) => r.strike)).toEqual([100]);
  });
});

const TABLE = (strikes: number[]) =>
  `<h2>December 17, 2026</h2><table><tr><th>Strike</th><th>Type</th><th>Bid</th><th>Ask</th></tr>${strikes
    .map((s) => `<tr><td>${s}</td><td>Call</td><td>1.00</td><td>1.20</td></tr>`)
    .join('')}</table>`;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** Polls until `pred` holds (machines under load run timers late). */
async function waitFor(pred: () => boolean, timeoutMs = 5_000): Promise<void> {
  const t0 = Date.now();
  while (!pred()) {
    if (Date.now() - t0 > timeoutMs) throw new Error('timed out waiting');
    await sleep(10);
  }
}

function live(
  url: { v: string },
  read?: (d: Document, u: string, n: string) => ReadResult | Promise<ReadResult>,
  more: { debounceMs?: number; maxWaitMs?: number } = {},
) {
  const results: ReadResult[] = [];
  const stop = startLiveReading({
    doc: document,
    url: () => url.v,
    now: () => new Date().toISOString(),
    onResult: (r) => results.push(r),
    isOwnNode: (n) =>
      (n instanceof Element ? n : n.parentElement)?.closest(`[${OVERLAY_ATTRIBUTE}]`) !== null,
    setTimeout: (fn, ms) => window.setTimeout(fn, ms),
    clearTimeout: (id) => window.clearTimeout(id),
    read,
    debounceMs: 20,
    ...more,
  });
  return { results, stop };
}

function strikes(r: ReadResult | undefined): number[] {
  if (!r?.ok) return [];
  const s = r.snapshots.find((x) => x.kind === 'option-chain') as ChainSnapshot | undefined;
  return s?.expiries.flatMap((e) => e.rows.map((row) => row.strike)) ?? [];
}

describe('startLiveReading', () => {
  it('reads now, re-reads once after a burst of page changes, and merges rows scrolled away', async () => {
    document.body.innerHTML = `<div id="page">${TABLE([5800, 5900])}</div>`;
    const { results, stop } = live({ v: 'http://localhost/chain' });
    await waitFor(() => results.length === 1);
    const page = document.getElementById('page') as HTMLElement;
    page.innerHTML = TABLE([6000]); // "virtualised": old rows leave the DOM
    page.setAttribute('data-x', '1');
    page.append(document.createElement('span'));
    await waitFor(() => results.length >= 2);
    await sleep(100);
    stop();
    expect(results).toHaveLength(2); // one debounced re-read for the whole burst
    expect(strikes(results[1])).toEqual([5800, 5900, 6000]);
  });

  it('ignores changes inside our own overlay', async () => {
    document.body.innerHTML = `${TABLE([5800])}<div ${OVERLAY_ATTRIBUTE}><span>x</span></div>`;
    const { results, stop } = live({ v: 'http://localhost/chain' });
    await waitFor(() => results.length === 1);
    const own = document.querySelector(`[${OVERLAY_ATTRIBUTE}]`) as HTMLElement;
    own.append(document.createElement('b'));
    (own.firstChild as HTMLElement).textContent = 'y';
    await sleep(80);
    stop();
    expect(results).toHaveLength(1);
  });

  it('starts afresh after SPA navigation (URL change)', async () => {
    document.body.innerHTML = `<div id="page">${TABLE([5800])}</div>`;
    const url = { v: 'http://localhost/chain?s=SPX' };
    const { results, stop } = live(url);
    await waitFor(() => results.length === 1);
    url.v = 'http://localhost/other?s=NDX';
    (document.getElementById('page') as HTMLElement).innerHTML = TABLE([100]);
    await waitFor(() => results.length >= 2);
    stop();
    expect(strikes(results.at(-1))).toEqual([100]);
  });

  it('stops quietly when the extension context is invalidated', async () => {
    document.body.innerHTML = `<div id="page">${TABLE([5800])}</div>`;
    let calls = 0;
    const { results } = live({ v: 'http://localhost/chain' }, () => {
      calls++;
      throw new Error('Extension context invalidated.');
    });
    await waitFor(() => calls === 1);
    (document.getElementById('page') as HTMLElement).append(document.createElement('p'));
    await sleep(150);
    expect(calls).toBe(1);
    expect(results).toEqual([]);
  });
});

describe('startLiveReading with a sliced (async) read', () => {
  it('never runs two reads at once: changes during a read bring one more read after it', async () => {
    document.body.innerHTML = `<div id="page">${TABLE([5800])}</div>`;
    let running = 0;
    let most = 0;
    let calls = 0;
    const slow = async (d: Document, u: string, n: string): Promise<ReadResult> => {
      calls++;
      running++;
      most = Math.max(most, running);
      await sleep(150);
      const r = readPage(d, u, n);
      running--;
      return r;
    };
    const { results, stop } = live({ v: 'http://localhost/chain' }, slow);
    await waitFor(() => calls === 1);
    // Changes while the first read is still running (well past the 20 ms debounce).
    const page = document.getElementById('page') as HTMLElement;
    page.innerHTML = TABLE([5900]);
    await sleep(60);
    page.append(document.createElement('p'));
    await waitFor(() => results.length === 2);
    await sleep(200);
    stop();
    expect(most).toBe(1);
    expect(calls).toBe(2);
    expect(results).toHaveLength(2);
  });

  it('stops quietly when the sliced read rejects with context invalidated', async () => {
    document.body.innerHTML = `<div id="page">${TABLE([5800])}</div>`;
    let calls = 0;
    const { results } = live({ v: 'http://localhost/chain' }, async () => {
      calls++;
      throw new Error('Extension context invalidated.');
    });
    await waitFor(() => calls === 1);
    (document.getElementById('page') as HTMLElement).append(document.createElement('p'));
    await sleep(150);
    expect(calls).toBe(1);
    expect(results).toEqual([]);
  });

  it('a page that never stops changing is still re-read (max wait caps the debounce)', async () => {
    document.body.innerHTML = `<div id="page">${TABLE([5800])}</div>`;
    // Debounce 100 ms, changes every 20 ms: the debounce alone would wait forever.
    const { results, stop } = live({ v: 'http://localhost/chain' }, undefined, {
      debounceMs: 100,
      maxWaitMs: 200,
    });
    await waitFor(() => results.length === 1);
    const cell = document.querySelector('td') as HTMLElement;
    let n = 0;
    const ticker = setInterval(() => {
      cell.textContent = String(5800 + (++n % 2));
    }, 20);
    try {
      await waitFor(() => results.length >= 3, 3_000);
    } finally {
      clearInterval(ticker);
      stop();
    }
    expect(results.length).toBeGreaterThanOrEqual(3);
  });
});

describe('reading large pages', () => {
  // How long it takes is measured in `npm run bench` (readers: 20,000 ÷ 5,000 rows), not here.
  it('a 20,000-row page over four expirations is read completely, every row as shown', () => {
    const doc = new DOMParser().parseFromString(bigChainHtml(20_000, 4), 'text/html');
    const r = readPage(doc, 'http://localhost/big.html', '2026-11-26T15:00:00.000Z');
    const all = strikes(r);
    expect(all).toHaveLength(20_000);
    expect(new Set(all).size).toBe(20_000);
    const chain = r.ok ? (r.snapshots.find((x) => x.kind === 'option-chain') as ChainSnapshot) : null;
    expect(chain?.expiries.map((e) => [e.expiry, e.rows.length])).toEqual([
      ['2026-12-10', 5_000],
      ['2026-12-11', 5_000],
      ['2026-12-12', 5_000],
      ['2026-12-13', 5_000],
    ]);
    // The last row of the page (i = 19,999), as its cells read:
    // 17.25 | 17.15 | 17.35 | 1,999 | 59997 | 34.00% | 0.89 | 10999.50 | 17.25 | 17.15 | 17.35 | 499 | 39998 | 35.00% | -0.49
    const last = chain?.expiries[3]?.rows.at(-1);
    expect(last?.strike).toBe(10_999.5);
    expect(last?.call).toEqual({
      bid: 17.15,
      ask: 17.35,
      last: 17.25,
      volume: 1_999,
      openInterest: 59_997,
      iv: 0.34,
      delta: 0.89,
    });
    expect(last?.put).toEqual({
      bid: 17.15,
      ask: 17.35,
      last: 17.25,
      volume: 499,
      openInterest: 39_998,
      iv: 0.35,
      delta: -0.49,
    });
  }, 120_000);
});
