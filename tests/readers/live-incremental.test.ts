// @vitest-environment happy-dom
/**
 * Incremental live reading gives exactly what a full read gives: random sequences of page
 * edits (cell texts, text nodes changed in place, headings and the quote-time line, rows
 * added, removed or hidden, elements put into cells, aria-labels, link targets that carry
 * option symbols) applied to a page with a straddle table, a calls table with a bare IV
 * column (its unit is decided from all its cells), a puts table whose symbols are in links,
 * and a div grid; after each edit the incremental read
 * (IncrementalPage over readPage) must equal a fresh readPage of the same page. The
 * incremental path must also actually be taken for text-only edits.
 */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { patchedChainReads } from '../../lib/readers/chain-patch';
import { type DomGrid, type DomRow, extractGrids } from '../../lib/readers/extract';
import { OVERLAY_ATTRIBUTE, startLiveReading } from '../../lib/readers/live';
import { IncrementalPage, LIVE_OBSERVER_OPTIONS, type ReadKind } from '../../lib/readers/live-incremental';
import { readPage } from '../../lib/readers/read-page';
import { lastDataReading } from '../../lib/readers/row-memo';
import { withScanSession } from '../../lib/readers/scan';
import type { ReadResult } from '../../lib/readers/types';

const URL_ = 'http://localhost/chain.html';
const NOW = '2026-11-26T15:00:00.000Z';

function row(k: number, cells: string[]): string {
  return `<tr>${cells.map((c) => `<td>${c}</td>`).join('')}</tr>`.replace('{k}', String(k));
}

/** The test page: a straddle table, a one-side table with its heading, a div grid. */
function pageHtml(): string {
  const straddle = [5900, 5950, 6000, 6050, 6100]
    .map((k, i) =>
      row(k, [
        `${(12 - i).toFixed(2)}`,
        `${(12.4 - i).toFixed(2)}`,
        String(k),
        `${(8 + i).toFixed(2)}`,
        `${(8.4 + i).toFixed(2)}`,
      ]),
    )
    .join('');
  const calls = [6000, 6025, 6050]
    .map((k, i) =>
      row(k, [
        String(k),
        `${(3 - i * 0.5).toFixed(2)}`,
        `${(3.2 - i * 0.5).toFixed(2)}`,
        '1,200',
        `${(14.2 + i).toFixed(1)}`,
      ]),
    )
    .join('');
  const puts = [5900, 5950]
    .map(
      (k, i) =>
        `<tr><td><a href="/quote/SPXW270115P0${k}000">Put ${k}</a></td><td>${(2.1 + i).toFixed(2)}</td><td>${(2.3 + i).toFixed(2)}</td></tr>`,
    )
    .join('');
  const divRows = [5800, 5850]
    .map((k) => `<div class="r"><span>${k}</span><span>1.10</span><span>1.30</span></div>`)
    .join('');
  return `<!doctype html><html><head><title>SPX options (SPX)</title></head><body>
<p id="clock">Quotes as of Nov 26, 2026 9:45 AM ET</p>
<h3 id="h1">SPXW Dec 18, 2026</h3>
<table id="t0"><thead><tr><th>Bid</th><th>Ask</th><th>Strike</th><th>Bid</th><th>Ask</th></tr></thead><tbody>${straddle}</tbody></table>
<h3 id="h2">Calls Jan 15, 2027</h3>
<table id="t1"><tr><th>Strike</th><th>Bid</th><th>Ask</th><th>Volume</th><th>IV</th></tr>${calls}</table>
<table id="t2"><tr><th>Symbol</th><th>Bid</th><th>Ask</th></tr>${puts}</table>
<h3>Puts 2027-02-19</h3>
<div id="dg"><div class="r"><span>Strike</span><span>Bid</span><span>Ask</span></div>${divRows}</div>
</body></html>`;
}

type Edit =
  | { kind: 'cell'; table: number; row: number; col: number; text: string }
  | { kind: 'data'; table: number; row: number; col: number; text: string }
  | { kind: 'divcell'; row: number; col: number; text: string }
  | { kind: 'heading'; which: number; text: string }
  | { kind: 'clock'; text: string }
  | { kind: 'append'; table: number; strike: number }
  | { kind: 'remove'; table: number; row: number }
  | { kind: 'hide'; table: number; row: number; on: boolean }
  | { kind: 'span'; table: number; row: number; col: number }
  | { kind: 'label'; table: number; row: number; col: number; text: string }
  | { kind: 'href'; row: number; strike: number }
  | {
      kind: 'restyle';
      target: 'cell' | 'row' | 'table' | 'body' | 'divrow';
      table: number;
      row: number;
      col: number;
      style: string;
    }
  | { kind: 'flash'; target: 'cell' | 'row'; table: number; row: number; col: number; on: boolean };

const CELL_TEXTS = [
  '12.35',
  '0.05',
  '0.00',
  '',
  'N/A',
  '-',
  '1,234.50',
  '6000',
  '6075',
  'Strike',
  'Bid',
  'Ask',
  'Calls',
  'Puts',
  '2027-03-19',
  '(1.20)',
  '15.5%',
];
const HEADINGS = ['SPXW Dec 18, 2026', 'SPX Dec 18, 2026', 'Puts Jan 15, 2027', 'Calls 2027-01-22', 'Other'];
const CLOCKS = [
  'Quotes as of Nov 26, 2026 9:45 AM ET',
  'Quotes as of Nov 26, 2026 10:05 AM ET',
  'Quotes as of Nov 26, 2026 7:05 AM ET',
  'no time here',
  'Strike',
];

const text = fc.constantFrom(...CELL_TEXTS);
const at = { table: fc.nat(2), row: fc.nat(8), col: fc.nat(5) };
const editArb: fc.Arbitrary<Edit> = fc.oneof(
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('restyle' as const),
      target: fc.constantFrom(
        'cell' as const,
        'row' as const,
        'table' as const,
        'body' as const,
        'divrow' as const,
      ),
      ...at,
      style: fc.constantFrom('display:none', 'visibility: hidden', 'color: red', ''),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('flash' as const),
      target: fc.constantFrom('cell' as const, 'row' as const),
      ...at,
      on: fc.boolean(),
    }),
  },
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('cell' as const), ...at, text }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('data' as const), ...at, text }) },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('divcell' as const), row: fc.nat(3), col: fc.nat(3), text }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('heading' as const),
      which: fc.nat(1),
      text: fc.constantFrom(...HEADINGS),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('clock' as const), text: fc.constantFrom(...CLOCKS) }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('append' as const),
      table: fc.nat(2),
      strike: fc.integer({ min: 58, max: 63 }).map((x) => x * 100 + 75),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('remove' as const), table: fc.nat(2), row: fc.nat(8) }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('hide' as const),
      table: fc.nat(2),
      row: fc.nat(8),
      on: fc.boolean(),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('span' as const), ...at }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('label' as const),
      ...at,
      text: fc.constantFrom('sell Dec 18 2026 6000 put at bid of 1.36', 'x'),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('href' as const),
      row: fc.nat(3),
      strike: fc.constantFrom(5900, 5925, 5950, 6000),
    }),
  },
);

function cellAt(doc: Document, table: number, r: number, c: number): Element | null {
  const rows = doc.querySelectorAll(`#t${table} tr`);
  const tr = rows[r % Math.max(1, rows.length)];
  const cells = tr?.children;
  return cells && cells.length > 0 ? (cells[c % cells.length] as Element) : null;
}

function apply(doc: Document, e: Edit): void {
  switch (e.kind) {
    case 'cell': {
      const td = cellAt(doc, e.table, e.row, e.col);
      if (td) td.textContent = e.text;
      break;
    }
    case 'data': {
      // The text node changed in place (characterData), as frameworks do.
      const td = cellAt(doc, e.table, e.row, e.col);
      const t = td?.firstChild;
      if (t && t.nodeType === 3) (t as Text).data = e.text;
      else if (td) td.textContent = e.text;
      break;
    }
    case 'divcell': {
      const rows = doc.querySelectorAll('#dg > div');
      const span = rows[e.row % rows.length]?.children[e.col % 3];
      if (span) span.textContent = e.text;
      break;
    }
    case 'heading': {
      const h = doc.getElementById(`h${e.which + 1}`);
      if (h) h.textContent = e.text;
      break;
    }
    case 'clock': {
      const p = doc.getElementById('clock');
      if (p) p.textContent = e.text;
      break;
    }
    case 'append': {
      const body = doc.querySelector(`#t${e.table} tbody`) ?? doc.querySelector(`#t${e.table}`);
      const tr = doc.createElement('tr');
      const cells =
        e.table === 0
          ? ['1.00', '1.20', String(e.strike), '2.00', '2.20']
          : e.table === 1
            ? [String(e.strike), '0.50', '0.70', '10', '15.0']
            : [`SPXW270115P0${e.strike}000`, '0.50', '0.70'];
      for (const c of cells) {
        const td = doc.createElement('td');
        td.textContent = c;
        tr.append(td);
      }
      body?.append(tr);
      break;
    }
    case 'remove': {
      const rows = doc.querySelectorAll(`#t${e.table} tr`);
      rows[e.row % Math.max(1, rows.length)]?.remove();
      break;
    }
    case 'hide': {
      const rows = doc.querySelectorAll(`#t${e.table} tr`);
      const tr = rows[e.row % Math.max(1, rows.length)];
      if (e.on) tr?.setAttribute('hidden', '');
      else tr?.removeAttribute('hidden');
      break;
    }
    case 'span': {
      const td = cellAt(doc, e.table, e.row, e.col);
      if (td) {
        const span = doc.createElement('span');
        span.textContent = '9.99';
        td.replaceChildren(span);
      }
      break;
    }
    case 'label':
      cellAt(doc, e.table, e.row, e.col)?.setAttribute('aria-label', e.text);
      break;
    case 'restyle': {
      const rows = doc.querySelectorAll(`#t${e.table} tr`);
      const el =
        e.target === 'cell'
          ? cellAt(doc, e.table, e.row, e.col)
          : e.target === 'row'
            ? rows[e.row % Math.max(1, rows.length)]
            : e.target === 'table'
              ? doc.getElementById(`t${e.table}`)
              : e.target === 'divrow'
                ? doc.querySelectorAll('#dg > div')[e.row % 3]
                : doc.body;
      if (e.style) el?.setAttribute('style', e.style);
      else el?.removeAttribute('style');
      break;
    }
    case 'flash': {
      // A price flash: a class on the cell or its row, nothing hidden.
      const rows = doc.querySelectorAll(`#t${e.table} tr`);
      const el =
        e.target === 'cell' ? cellAt(doc, e.table, e.row, e.col) : rows[e.row % Math.max(1, rows.length)];
      el?.classList.toggle('up', e.on);
      break;
    }
    case 'href': {
      // Not observed (no attribute the walk depends on): the symbol is read live each read.
      const links = doc.querySelectorAll('#t2 a');
      links[e.row % Math.max(1, links.length)]?.setAttribute('href', `/quote/SPXW270115P0${e.strike}000`);
      break;
    }
  }
}

/**
 * The test page read live in this document (startLiveReading as the content script starts it):
 * the read kinds and results as they come, `reads(n)` waits for the n-th read (a slow first
 * read backs the next one off: live.ts), `stop` ends it.
 */
function liveTestPage(): {
  seen: ReadKind[];
  results: ReadResult[];
  reads: (n: number) => Promise<void>;
  stop: () => void;
} {
  document.body.innerHTML = '';
  const src = new DOMParser().parseFromString(pageHtml(), 'text/html');
  document.body.append(...Array.from(src.body.childNodes));
  const seen: ReadKind[] = [];
  const results: ReadResult[] = [];
  const stop = startLiveReading({
    doc: document,
    url: () => URL_,
    now: () => NOW,
    onResult: (r) => results.push(r),
    onReadKind: (k) => seen.push(k),
    isOwnNode: (n) => (n instanceof Element ? n : n.parentElement)?.closest(`[${OVERLAY_ATTRIBUTE}]`) != null,
    setTimeout: (fn, ms) => window.setTimeout(fn, ms),
    clearTimeout: (id) => window.clearTimeout(id),
    debounceMs: 10,
  });
  const reads = async (n: number) => {
    for (let i = 0; i < 250 && seen.length < n; i++) await new Promise((r) => setTimeout(r, 20));
  };
  return { seen, results, reads, stop };
}

const kinds: Record<ReadKind, number> = { incremental: 0, full: 0 };
/** Reads patched from the last one (chain-patch.ts) during the random edit sequences. */
let patchedInProperty = 0;

describe('incremental live reading', () => {
  it('equals a full read after every edit of random edit sequences', () => {
    fc.assert(
      fc.property(fc.array(editArb, { minLength: 1, maxLength: 12 }), (edits) => {
        const doc = new DOMParser().parseFromString(pageHtml(), 'text/html');
        const observer = new MutationObserver(() => {});
        observer.observe(doc.documentElement, LIVE_OBSERVER_OPTIONS);
        const page = new IncrementalPage(doc);
        const read = (): ReadResult => page.read(() => readPage(doc, URL_, NOW)) as ReadResult;
        expect(read()).toEqual(readPage(doc, URL_, NOW));
        for (const e of edits) {
          apply(doc, e);
          page.note(observer.takeRecords());
          const before = patchedChainReads();
          const incremental = read();
          patchedInProperty += patchedChainReads() - before;
          kinds[page.lastRead ?? 'full']++;
          expect(incremental).toEqual(readPage(doc, URL_, NOW));
        }
        observer.disconnect();
      }),
      { numRuns: 120 },
    );
  });

  it('full reads that take back unchanged rows equal a fresh read after every edit', () => {
    fc.assert(
      fc.property(fc.array(editArb, { minLength: 1, maxLength: 12 }), (edits) => {
        const doc = new DOMParser().parseFromString(pageHtml(), 'text/html');
        const observer = new MutationObserver(() => {});
        observer.observe(doc.documentElement, {
          childList: true,
          subtree: true,
          characterData: true,
          attributes: true,
          attributeFilter: ['aria-label', 'hidden', 'aria-hidden'],
        });
        // A walk older than -1 ms is never reused: every read walks afresh and extracts
        // again, taking back the rows whose cells no change touched (live-incremental.ts).
        const page = new IncrementalPage(doc, -1);
        const read = (): ReadResult => page.read(() => readPage(doc, URL_, NOW)) as ReadResult;
        expect(read()).toEqual(readPage(doc, URL_, NOW));
        for (const e of edits) {
          apply(doc, e);
          page.note(observer.takeRecords());
          expect(read()).toEqual(readPage(doc, URL_, NOW));
          expect(page.lastRead).toBe('full');
        }
        observer.disconnect();
      }),
      { numRuns: 120 },
    );
  });

  afterAll(() => {
    // The property is only worth something if the incremental path ran often.
    expect(kinds.incremental).toBeGreaterThan(kinds.full);
    // ... and the patch of the last read (only some rows' quotes changed) often enough.
    expect(patchedInProperty).toBeGreaterThan(kinds.incremental / 5);
  });

  it('reads a quote change by patching the last read, and a change that moves other rows in full', () => {
    const doc = new DOMParser().parseFromString(pageHtml(), 'text/html');
    const observer = new MutationObserver(() => {});
    observer.observe(doc.documentElement, LIVE_OBSERVER_OPTIONS);
    const page = new IncrementalPage(doc);
    page.read(() => readPage(doc, URL_, NOW));
    const step = (e: Edit): boolean => {
      apply(doc, e);
      page.note(observer.takeRecords());
      const before = patchedChainReads();
      expect(page.read(() => readPage(doc, URL_, NOW))).toEqual(readPage(doc, URL_, NOW));
      expect(page.lastRead).toBe('incremental');
      return patchedChainReads() > before;
    };
    // A bid in the straddle table, then in the calls table (IV rule kept: the IV cell did not change).
    expect(step({ kind: 'cell', table: 0, row: 2, col: 0, text: '11.55' })).toBe(true);
    expect(step({ kind: 'data', table: 1, row: 1, col: 1, text: '2.95' })).toBe(true);
    // A bare IV cell: the column's unit rule is decided again; the highest value moved, the
    // median (named in the rule's flag) did not, so the patch holds; the median moved: in full.
    expect(step({ kind: 'cell', table: 1, row: 3, col: 4, text: '16.5' })).toBe(true);
    expect(step({ kind: 'cell', table: 1, row: 2, col: 4, text: '14.9' })).toBe(false);
    // A strike changed: the row's quotes go to another strike, so the page is read in full.
    expect(step({ kind: 'cell', table: 0, row: 2, col: 2, text: '6075' })).toBe(false);
    // A call's bid emptied (its ask still read): patched; then its ask too, and the builder
    // drops the quote as empty: read in full.
    expect(step({ kind: 'cell', table: 0, row: 3, col: 0, text: '' })).toBe(true);
    expect(step({ kind: 'cell', table: 0, row: 3, col: 1, text: '' })).toBe(false);
    // A put row whose bid is emptied reads as a caption ("Put 5900 … 2.30"): read in full.
    expect(step({ kind: 'cell', table: 2, row: 1, col: 1, text: '' })).toBe(false);
    observer.disconnect();
  });

  it('re-reads only changed cells on a text edit, walks afresh when a row is added', () => {
    const doc = new DOMParser().parseFromString(pageHtml(), 'text/html');
    const observer = new MutationObserver(() => {});
    observer.observe(doc.documentElement, { childList: true, subtree: true, characterData: true });
    const page = new IncrementalPage(doc);
    page.read(() => readPage(doc, URL_, NOW));
    expect(page.lastRead).toBe('full');
    apply(doc, { kind: 'cell', table: 0, row: 2, col: 0, text: '11.55' });
    page.note(observer.takeRecords());
    const r = page.read(() => readPage(doc, URL_, NOW)) as ReadResult;
    expect(page.lastRead).toBe('incremental');
    expect(r).toEqual(readPage(doc, URL_, NOW));
    apply(doc, { kind: 'append', table: 0, strike: 6175 });
    page.note(observer.takeRecords());
    page.read(() => readPage(doc, URL_, NOW));
    expect(page.lastRead).toBe('full');
    observer.disconnect();
  });

  it('keeps row readings only for a live page: a one-off read leaves none behind', () => {
    const doc = new DOMParser().parseFromString(pageHtml(), 'text/html');
    const dataRows = (grids: DomGrid[]) => grids[0]?.rows.slice(1) as DomRow[];
    const once = withScanSession(doc, () => {
      expect(readPage(doc, URL_, NOW).ok).toBe(true);
      return dataRows(extractGrids(doc));
    });
    expect(once.length).toBe(5);
    for (const r of once) {
      expect(r.memo).toBe(false);
      expect(lastDataReading(r)).toBeUndefined();
    }
    const page = new IncrementalPage(doc);
    const live = page.read(() => {
      expect(readPage(doc, URL_, NOW).ok).toBe(true);
      return dataRows(extractGrids(doc));
    }) as DomRow[];
    expect(live.length).toBe(5);
    for (const r of live) {
      expect(r.memo).toBe(true);
      expect(lastDataReading(r)?.added).toBe(true);
    }
  });

  it('stays incremental through a price flash (class on a cell or row), walks afresh for a class anywhere else', () => {
    const doc = new DOMParser().parseFromString(pageHtml(), 'text/html');
    const observer = new MutationObserver(() => {});
    observer.observe(doc.documentElement, LIVE_OBSERVER_OPTIONS);
    const page = new IncrementalPage(doc);
    page.read(() => readPage(doc, URL_, NOW));
    const step = (e: Edit): ReadKind => {
      apply(doc, e);
      page.note(observer.takeRecords());
      expect(page.read(() => readPage(doc, URL_, NOW))).toEqual(readPage(doc, URL_, NOW));
      return page.lastRead ?? 'full';
    };
    expect(step({ kind: 'flash', target: 'cell', table: 0, row: 2, col: 0, on: true })).toBe('incremental');
    expect(step({ kind: 'flash', target: 'row', table: 0, row: 3, col: 0, on: true })).toBe('incremental');
    // A tab switched by class on the table's container may hide or show it.
    doc.body.classList.add('tab-2');
    page.note(observer.takeRecords());
    page.read(() => readPage(doc, URL_, NOW));
    expect(page.lastRead).toBe('full');
    // A row hidden by its style: read at once, not at the walk's backstop.
    expect(step({ kind: 'restyle', target: 'row', table: 0, row: 2, col: 0, style: 'display:none' })).toBe(
      'full',
    );
    observer.disconnect();
  });

  it('stays incremental beside our overlay (a shadow root on <html>) and never reads its text', () => {
    const doc = new DOMParser().parseFromString(pageHtml(), 'text/html');
    const host = doc.createElement('div');
    host.setAttribute(OVERLAY_ATTRIBUTE, '');
    const shadow = host.attachShadow({ mode: 'open' });
    // A badge that looks like a chain: read as the page's, it would add strikes 7000/7050.
    const badge = doc.createElement('table');
    badge.append(
      ...[
        ['Strike', 'Bid', 'Ask'],
        ['7000', '1.00', '1.20'],
        ['7050', '0.80', '1.00'],
      ].map((cells) => {
        const tr = doc.createElement('tr');
        for (const c of cells) {
          const td = doc.createElement('td');
          td.textContent = c;
          tr.append(td);
        }
        return tr;
      }),
    );
    shadow.append(badge);
    doc.documentElement.append(host);
    const observer = new MutationObserver(() => {});
    observer.observe(doc.documentElement, { childList: true, subtree: true, characterData: true });
    const page = new IncrementalPage(doc);
    const first = page.read(() => readPage(doc, URL_, NOW)) as ReadResult;
    const strikes = first.ok
      ? first.snapshots.flatMap((x) => (x.kind === 'option-chain' ? x.expiries.flatMap((e) => e.rows) : []))
      : [];
    expect(strikes.map((r) => r.strike)).not.toContain(7000);
    apply(doc, { kind: 'cell', table: 0, row: 2, col: 0, text: '11.55' });
    page.note(observer.takeRecords());
    const r = page.read(() => readPage(doc, URL_, NOW)) as ReadResult;
    expect(page.lastRead).toBe('incremental');
    expect(r).toEqual(readPage(doc, URL_, NOW));
    observer.disconnect();
  });

  it('stays incremental when our overlay host goes onto <html>; a node marked as ours elsewhere is the page', async () => {
    const { seen, reads, stop } = liveTestPage();
    await reads(1);
    // The overlay attaches its host when the first plan arrives (components/overlay/mount.tsx).
    const host = document.createElement('div');
    host.setAttribute(OVERLAY_ATTRIBUTE, '');
    document.documentElement.append(host);
    apply(document, { kind: 'cell', table: 0, row: 1, col: 0, text: '13.05' });
    await reads(2);
    // A page's own element carrying our attribute inside its body is walked (scan.ts): a change.
    const fake = document.createElement('div');
    fake.setAttribute(OVERLAY_ATTRIBUTE, '');
    document.body.append(fake);
    await reads(3);
    host.remove();
    apply(document, { kind: 'cell', table: 0, row: 2, col: 0, text: '13.10' });
    await reads(4);
    stop();
    fake.remove();
    expect(seen).toEqual(['full', 'incremental', 'full', 'incremental']);
  });

  it('reads a live page incrementally through startLiveReading', async () => {
    const { seen, results, reads, stop } = liveTestPage();
    await reads(1);
    apply(document, { kind: 'cell', table: 0, row: 1, col: 0, text: '13.05' });
    await reads(2);
    // Another window width may show or hide columns (media queries): the next read walks afresh.
    window.dispatchEvent(new Event('resize'));
    apply(document, { kind: 'cell', table: 0, row: 2, col: 0, text: '13.10' });
    await reads(3);
    stop();
    expect(seen).toEqual(['full', 'incremental', 'full']);
    const last = results.at(-1);
    expect(last?.ok).toBe(true);
    const bids = last?.ok
      ? last.snapshots.flatMap((s) => (s.kind === 'option-chain' ? s.expiries.flatMap((e) => e.rows) : []))
      : [];
    expect(bids.find((r) => r.strike === 5900)?.call?.bid).toBe(13.05);
  });
});
