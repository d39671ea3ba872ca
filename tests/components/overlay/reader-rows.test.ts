// @vitest-environment happy-dom
/**
 * The overlay finds each leg's row from what the reader recorded (lib/readers/row-index.ts),
 * not by parsing strikes again: Barchart's "5,800.00C" strikes (which the overlay's own parse
 * does not read) and a generic straddle table in a shadow root. Expected rows are read off
 * the fixture files by eye.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { locateLegRows, locateSideRows } from '../../../components/overlay/locate-rows';
import { type BadgeMark, marksFor } from '../../../components/overlay/marks';
import { readPage } from '../../../lib/readers/read-page';
import { recordedLegRows, recordedRows } from '../../../lib/readers/row-index';
import { toDocument } from '../../readers/helpers';

const FIX = resolve(__dirname, '../../fixtures/readers');
const NOW = '2026-11-26T15:00:00.000Z';

function load(path: string, url: string): Document {
  const doc = toDocument(readFileSync(resolve(FIX, path), 'utf8'));
  const result = readPage(doc, url, NOW);
  expect(result.ok ? 'ok' : JSON.stringify(result)).toBe('ok');
  return doc;
}

/** First cell's text of each located row, by strike. */
function firstCells(rows: Map<number, Element>): Record<number, string> {
  return Object.fromEntries([...rows].map(([k, el]) => [k, el.firstElementChild?.textContent?.trim() ?? '']));
}

/** happy-dom has no layout: each row gets a 20 px box, in document order of `rows`. */
function giveBoxes(rows: Element[]): void {
  rows.forEach((row, i) => {
    const top = 100 + i * 20;
    (row as HTMLElement).getBoundingClientRect = () =>
      ({
        left: 10,
        top,
        width: 600,
        height: 20,
        right: 610,
        bottom: top + 20,
        x: 10,
        y: top,
        toJSON: () => ({}),
      }) as DOMRect;
  });
}

describe('overlay rows from the reader (Barchart shadow grid, "5,800.00C")', () => {
  const doc = load(
    'barchart/options-shadow-grid.html',
    'https://www.barchart.com/stocks/quotes/$SPX/options?expiration=2026-12-17-w',
  );

  it('the overlay’s own parse finds no Barchart row; the recorded rows are every one, per side', () => {
    const parsed = locateSideRows(doc, '2026-12-17');
    expect(parsed.put.size + parsed.call.size).toBe(0);
    const rows = locateLegRows(doc, '2026-12-17', recordedLegRows);
    expect(firstCells(rows.call)).toEqual({
      5800: '5,800.00C',
      5900: '5,900.00C',
      6000: '6,000.00C',
      6100: '6,100.00C',
    });
    expect(firstCells(rows.put)).toEqual({
      5800: '5,800.00P',
      5900: '5,900.00P',
      6000: '6,000.00P',
      6100: '6,100.00P',
    });
  });

  it('badges land on the rows of their strike and side', () => {
    const grid = doc.querySelector('bc-data-grid')?.shadowRoot;
    const all = [...(grid?.querySelectorAll('[role="row"]._grid_row') ?? [])];
    giveBoxes(all);
    const rows = locateLegRows(doc, '2026-12-17', recordedLegRows);
    const leg = (side: 'put' | 'call', strike: number) => ({
      side,
      strike,
      delta: side === 'put' ? -0.1 : 0.1,
    });
    const marks = marksFor(
      {
        expiry: '2026-12-17',
        legs: {
          longPut: leg('put', 5800),
          shortPut: leg('put', 5900),
          shortCall: leg('call', 6000),
          longCall: leg('call', 6100),
        },
        breakEvenLow: 5880,
        breakEvenHigh: 6020,
      },
      rows,
      0,
      0,
    );
    const tops = Object.fromEntries(
      marks.filter((m): m is BadgeMark => m.kind === 'badge').map((m) => [m.role, m.box.top]),
    );
    // Document order in the fixture: calls 5800, 5900, 6000, 6100, then puts 5800 … 6100.
    expect(tops).toEqual({
      'long-put': 100 + 4 * 20,
      'short-put': 100 + 5 * 20,
      'short-call': 140,
      'long-call': 160,
    });
  });

  it('a row gone from the page is left out; another expiry has none', () => {
    const put5800 = locateLegRows(doc, '2026-12-17', recordedLegRows).put.get(5800);
    put5800?.remove();
    expect(recordedRows(doc, '2026-12-17', 'put')?.has(5800)).toBe(false);
    expect(recordedRows(doc, '2026-12-18', 'put')).toBeNull();
  });

  it('a row the page reuses for another strike before the next read is left out, not badged', () => {
    const row = recordedRows(doc, '2026-12-17', 'put')?.get(5900);
    const strikeCell = row?.firstElementChild;
    if (strikeCell) strikeCell.textContent = '6,200.00P'; // a virtualised grid recycling the row
    const after = recordedRows(doc, '2026-12-17', 'put');
    expect(after?.has(5900)).toBe(false);
    expect(after?.has(6000)).toBe(true);
  });
});

describe('overlay rows from the reader (generic straddle table in a shadow root)', () => {
  it('both sides on the same row; a duplicate strike row keeps the first one the reader used', () => {
    const doc = load('generic-table/shadow-straddle.html', 'http://localhost:8080/chain.html');
    const rows = locateLegRows(doc, '2026-12-18', recordedLegRows);
    expect([...rows.put.keys()]).toEqual([5800, 6000, 6200]);
    expect(rows.call.get(6000)).toBe(rows.put.get(6000));
    const body = rows.put.get(6000)?.parentElement;
    const trs = [...(body?.children ?? [])];
    // Rows in the fixture: 5,800 | 6,000 | 6,000 (duplicate, dropped) | 6,200.
    expect(trs.indexOf(rows.put.get(6000) as Element)).toBe(1);
    expect(trs.indexOf(rows.put.get(6200) as Element)).toBe(3);
    expect(rows.put.get(5800)?.children[3]?.textContent).toBe('5,800.00');
  });
});
