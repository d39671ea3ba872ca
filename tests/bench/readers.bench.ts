/**
 * Reader bench: readPage on a 2,000-row straddle chain table (happy-dom) against a bare pass
 * that only walks the page and reads every cell's text once. Both timed in this run,
 * interleaved; medians and their ratio printed. Target: ratio ≤ 3. Also the live re-read after
 * one cell changed (live-incremental.ts: the walk and other rows' texts kept) beside a full
 * read of the same page, for information; and readPage of a 20,000-row page against a
 * 5,000-row one (4× the rows, four expirations each): the read must stay linear (budget ≤ 8×;
 * tests/readers/live.test.ts checks that the 20,000 rows are read, without timing them).
 */
import { Window } from 'happy-dom';
import { IncrementalPage } from '../../lib/readers/live-incremental';
import { readPage } from '../../lib/readers/read-page';
import { bigChainHtml } from '../readers/big-chain';
import { addFigure, BUDGETS } from './budgets';
import { median } from './timing';

const ROWS = 2_000;
const REPEATS = 25;
const WARMUP = 5;
/** Budget: reading costs at most 3× walking the page and reading each cell's text once. */
const READ_OVER_BARE_BUDGET = BUDGETS.readOverBareRatio.limit;
/** Budget: 4× the rows costs less than 8× the time. */
const BIG_READ_LINEAR_BUDGET = BUDGETS.bigReadLinearRatio.limit;
const BIG_READ_RUNS = 3;

/** Bare pass: visit every element once, read each table cell's text once. */
function barePass(doc: Document): number {
  let chars = 0;
  const visit = (el: Element): void => {
    if (el.tagName === 'TD' || el.tagName === 'TH') {
      chars += (el.textContent ?? '').length;
      return;
    }
    for (let c = el.firstElementChild; c; c = c.nextElementSibling) visit(c);
  };
  visit(doc.documentElement);
  return chars;
}

export async function run(): Promise<void> {
  const window = new Window();
  const doc = new window.DOMParser().parseFromString(bigChainHtml(ROWS), 'text/html') as unknown as Document;
  const read = () => {
    const r = readPage(doc, 'http://localhost/bench.html', '2026-11-26T15:00:00.000Z');
    if (!r.ok) throw new Error(r.failure.detail);
    return r;
  };
  for (let i = 0; i < WARMUP; i++) {
    barePass(doc);
    read();
  }
  const bare: number[] = [];
  const reader: number[] = [];
  for (let i = 0; i < REPEATS; i++) {
    let t = performance.now();
    barePass(doc);
    bare.push(performance.now() - t);
    t = performance.now();
    read();
    reader.push(performance.now() - t);
  }
  const b = median(bare);
  const r = median(reader);
  console.log(`rows ${ROWS} (straddle, 15 columns), ${REPEATS} interleaved runs each, happy-dom`);
  console.log(`bare pass (walk + every cell's text once)  median ${b.toFixed(2)} ms`);
  console.log(`readPage (detect, extract, parse, validate) median ${r.toFixed(2)} ms`);
  addFigure('bare pass over the 2,000-row table (happy-dom)', b, 'ms', null);
  addFigure('readPage of it', r, 'ms', null, { floor: b });
  addFigure('readPage ÷ bare pass', r / b, '×', READ_OVER_BARE_BUDGET);
  incrementalFigures(window, doc);
  linearFigures(window);
  await window.happyDOM.close();
}

/** readPage of 5,000 and of 20,000 rows (four expirations each), interleaved; median of each. */
function linearFigures(window: Window): void {
  const page = (rows: number) =>
    new window.DOMParser().parseFromString(bigChainHtml(rows, 4), 'text/html') as unknown as Document;
  const small = page(5_000);
  const large = page(20_000);
  const time = (doc: Document, rows: number): number => {
    const t = performance.now();
    const r = readPage(doc, 'http://localhost/big.html', '2026-11-26T15:00:00.000Z');
    const ms = performance.now() - t;
    const read = r.ok
      ? r.snapshots.reduce((n, s) => n + (s.kind === 'option-chain' ? s.coverage.rowsRead : 0), 0)
      : 0;
    if (read !== rows) throw new Error(`read ${read} of ${rows} rows`);
    return ms;
  };
  time(small, 5_000);
  const s: number[] = [];
  const l: number[] = [];
  for (let i = 0; i < BIG_READ_RUNS; i++) {
    s.push(time(small, 5_000));
    l.push(time(large, 20_000));
  }
  addFigure('readPage of 5,000 rows (4 expirations)', median(s), 'ms', null);
  addFigure('readPage of 20,000 rows (4 expirations)', median(l), 'ms', null, { floor: median(s) });
  addFigure('20,000 ÷ 5,000 rows (4× the rows)', median(l) / median(s), '×', BIG_READ_LINEAR_BUDGET);
}

/** One cell changed, then the incremental re-read and a full read of the page, interleaved. */
function incrementalFigures(window: Window, doc: Document): void {
  const Observer = (window as unknown as { MutationObserver: typeof MutationObserver }).MutationObserver;
  const observer = new Observer(() => {});
  observer.observe(doc.documentElement, { childList: true, subtree: true, characterData: true });
  const page = new IncrementalPage(doc, Number.POSITIVE_INFINITY);
  const td = doc.querySelector('tbody tr:nth-child(1000) td');
  const url = 'http://localhost/bench.html';
  const now = '2026-11-26T15:00:00.000Z';
  page.read(() => readPage(doc, url, now));
  const inc: number[] = [];
  const full: number[] = [];
  let incremental = 0;
  for (let i = 0; i < REPEATS + WARMUP; i++) {
    if (td) td.textContent = (Number(td.textContent) + 0.05).toFixed(2);
    page.note(observer.takeRecords());
    let t = performance.now();
    page.read(() => readPage(doc, url, now));
    const incMs = performance.now() - t;
    if (page.lastRead === 'incremental') incremental++;
    t = performance.now();
    readPage(doc, url, now);
    const fullMs = performance.now() - t;
    if (i >= WARMUP) {
      inc.push(incMs);
      full.push(fullMs);
    }
  }
  observer.disconnect();
  addFigure(
    `live re-read after one cell changed (${incremental} of ${REPEATS + WARMUP} incremental)`,
    median(inc),
    'ms',
    null,
    { floor: median(full) },
  );
}
