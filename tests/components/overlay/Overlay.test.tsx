// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { locateStrikeRows, parseStrikeText } from '../../../components/overlay/locate-rows';
import { marksFor } from '../../../components/overlay/marks';
import { mountOverlay } from '../../../components/overlay/mount';
import type { OverlayMessage } from '../../../lib/schema/from-background';
import { loadPlan } from '../fixtures';

/** A broker-like chain table: calls | strike | puts, strikes 5600…6150 every 25, 20 px rows. */
function chainTable(): HTMLTableElement {
  const table = document.createElement('table');
  const head = table.createTHead().insertRow();
  for (const h of ['Call bid', 'Call ask', 'Strike', 'Put bid', 'Put ask']) head.insertCell().textContent = h;
  const body = table.createTBody();
  for (let k = 5600, i = 0; k <= 6150; k += 25, i++) {
    const row = body.insertRow();
    for (const text of ['1.00', '1.10', k.toLocaleString('en-US'), '2.00', '2.10'])
      row.insertCell().textContent = text;
    // happy-dom has no layout: give each row a box (100 px from the top, 20 px tall, 600 wide).
    const top = 100 + i * 20;
    row.getBoundingClientRect = () =>
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
  }
  return table;
}

const message = (plan: unknown, enabled = true): OverlayMessage => ({
  type: 'overlay',
  enabled,
  plan,
  status: { state: 'read', rows: 23, reader: 'generic-table' },
});

beforeEach(() => {
  document.body.replaceChildren(chainTable());
});
afterEach(() => {
  for (const el of document.querySelectorAll('[data-alvh-overlay]')) el.remove();
});

describe('locateStrikeRows', () => {
  it('finds rows by the strike column of the header', () => {
    const rows = locateStrikeRows(document);
    expect(rows.size).toBe(23);
    expect(rows.get(5650)?.textContent).toContain('5,650');
  });

  it('finds ARIA grid rows inside an open shadow root, by a cell marked strike', () => {
    document.body.replaceChildren();
    const host = document.createElement('div');
    const shadow = host.attachShadow({ mode: 'open' });
    const grid = document.createElement('div');
    grid.setAttribute('role', 'grid');
    for (const k of [5650, 5675]) {
      const row = document.createElement('div');
      row.setAttribute('role', 'row');
      const bid = document.createElement('div');
      bid.setAttribute('role', 'gridcell');
      bid.textContent = '3.10';
      const strike = document.createElement('div');
      strike.setAttribute('role', 'gridcell');
      strike.setAttribute('data-field', 'strikePrice');
      strike.textContent = String(k);
      row.append(bid, strike);
      grid.append(row);
    }
    shadow.append(grid);
    document.body.append(host);
    expect([...locateStrikeRows(document).keys()]).toEqual([5650, 5675]);
  });

  it.each([
    ['5,650', 5650],
    ['$5,650.00', 5650],
    ['5650.5', 5650.5],
    ['N/A', null],
    ['-5', null],
  ])('parseStrikeText(%s) = %s', (text, value) => expect(parseStrikeText(text)).toBe(value));
});

describe('mountOverlay', () => {
  it('puts a badge with delta on each leg row and break-even lines between rows', () => {
    const overlay = mountOverlay(document);
    overlay.update(message(loadPlan('no-vix-curve')));
    const host = document.querySelector('[data-alvh-overlay]');
    const shadow = host?.shadowRoot;
    const badges = [...(shadow?.querySelectorAll('[data-alvh-badge]') ?? [])];
    expect(badges.map((b) => b.getAttribute('data-strike'))).toEqual(['5625', '5650', '6100', '6125']);
    expect(badges[1]?.textContent).toBe('SP 5,650 Δ −0.15');
    // Row of 5650 is the 3rd (i = 2): top 140, centre 150. The window (happy-dom: 1024 px)
    // has room right of the row (ends at 610), so the badge sits 6 px beside it.
    expect((badges[1] as HTMLElement).style.top).toBe('150px');
    expect((badges[1] as HTMLElement).style.left).toBe('616px');
    expect(badges[1]?.classList.contains('outside')).toBe(true);
    // BE 5646.20 sits between 5625 (centre 130) and 5650 (centre 150): 130 + (21.2 / 25) × 20 = 146.96.
    const be = shadow?.querySelector('[data-alvh-be="5646.2"]') as HTMLElement;
    expect(Number.parseFloat(be.style.top)).toBeCloseTo(146.96, 6);
    expect(shadow?.querySelector('[data-alvh-chip]')?.textContent).toContain('ALVH: read 23 rows');
  });

  it('leaves the badges as drawn when the same plan arrives again, redraws for a new one', () => {
    // Each draw for a new message looks the leg rows up again through the reader's record.
    const recordedRows = vi.fn(() => null);
    const overlay = mountOverlay(document, { recordedRows });
    overlay.update(message(loadPlan('no-vix-curve')));
    const drawn = recordedRows.mock.calls.length;
    expect(drawn).toBeGreaterThan(0);
    overlay.update(message(loadPlan('no-vix-curve')));
    expect(recordedRows.mock.calls.length).toBe(drawn);
    overlay.update({
      ...message(loadPlan('no-vix-curve')),
      status: { state: 'read', rows: 24, reader: 'generic-table' },
    });
    expect(recordedRows.mock.calls.length).toBeGreaterThan(drawn);
    const shadow = document.querySelector('[data-alvh-overlay]')?.shadowRoot;
    expect(shadow?.querySelector('[data-alvh-chip]')?.textContent).toContain('ALVH: read 24 rows');
  });

  it('never shifts the page: zero-size absolute host outside the body', () => {
    const before = document.body.innerHTML.length;
    mountOverlay(document).update(message(loadPlan('no-vix-curve')));
    const host = document.querySelector('[data-alvh-overlay]') as HTMLElement;
    expect(host.parentElement).toBe(document.documentElement);
    expect([host.style.position, host.style.width, host.style.height]).toEqual(['absolute', '0px', '0px']);
    expect(document.body.innerHTML.length).toBe(before);
  });

  it('shows the reader failure on the chip and no badges', () => {
    const overlay = mountOverlay(document);
    overlay.update({
      type: 'overlay',
      enabled: true,
      plan: null,
      status: {
        state: 'failed',
        reader: null,
        failure: { reason: 'not-a-chain', detail: 'no table with a strike column' },
      },
    });
    const shadow = document.querySelector('[data-alvh-overlay]')?.shadowRoot;
    // A page without a chain gets the quiet chip (overlay-view.test.tsx): it says so, grey.
    expect(shadow?.querySelector('[data-alvh-chip]')?.textContent).toContain(
      'ALVH: no option chain on this page',
    );
    expect(shadow?.querySelector('[data-alvh-chip]')?.className).toContain('quiet');
    expect(shadow?.querySelectorAll('[data-alvh-badge]')).toHaveLength(0);
  });

  it('renders page-derived text as text, never as markup', () => {
    const plan = loadPlan('no-vix-curve');
    plan.condor = { status: 'off', reason: '<img src=x onerror=alert(1)>', why: [], figures: null };
    mountOverlay(document).update(message(plan));
    const shadow = document.querySelector('[data-alvh-overlay]')?.shadowRoot;
    expect(shadow?.querySelector('img')).toBeNull();
    expect(shadow?.textContent).toContain('<img src=x onerror=alert(1)>');
  });

  it('is removed completely when toggled off, and comes back when toggled on', () => {
    const overlay = mountOverlay(document);
    overlay.update(message(loadPlan('no-vix-curve')));
    overlay.update(message(loadPlan('no-vix-curve'), false));
    expect(document.querySelector('[data-alvh-overlay]')).toBeNull();
    overlay.update(message(loadPlan('no-vix-curve')));
    expect(document.querySelectorAll('[data-alvh-overlay]')).toHaveLength(1);
  });

  it('remove() takes everything away and calls onRemove', () => {
    const onRemove = vi.fn();
    const overlay = mountOverlay(document, { onRemove });
    overlay.update(message(loadPlan('no-vix-curve')));
    overlay.remove();
    expect(document.querySelector('[data-alvh-overlay]')).toBeNull();
    expect(onRemove).toHaveBeenCalledOnce();
  });

  it('drops the badges when the page navigates (SPA) before a new plan arrives', async () => {
    const overlay = mountOverlay(document);
    overlay.update(message(loadPlan('no-vix-curve')));
    window.history.pushState({}, '', '/another-page');
    window.dispatchEvent(new Event('resize'));
    await new Promise((r) => requestAnimationFrame(() => r(null)));
    await new Promise((r) => setTimeout(r, 400));
    const shadow = document.querySelector('[data-alvh-overlay]')?.shadowRoot;
    expect(shadow?.querySelectorAll('[data-alvh-badge]')).toHaveLength(0);
    expect(shadow?.querySelector('[data-alvh-chip]')?.textContent).toBe('ALVH: Reading…');
    overlay.remove();
  });
});

describe('locateStrikeRows with several expirations', () => {
  it('picks the table labelled with the plan expiry', () => {
    document.body.replaceChildren();
    for (const label of ['SPXW Nov 30, 2026 (4 days)', 'SPXW Dec 31, 2026 (35 days)']) {
      const section = document.createElement('section');
      const h = document.createElement('h3');
      h.textContent = label;
      section.append(h, chainTable());
      document.body.append(section);
    }
    const rows = locateStrikeRows(document, '2026-12-31');
    expect(rows.get(5650)?.closest('section')?.querySelector('h3')?.textContent).toBe(
      'SPXW Dec 31, 2026 (35 days)',
    );
    // Without an expiry (or no label match) the first table's rows are used.
    expect(locateStrikeRows(document).get(5650)?.closest('section')?.querySelector('h3')?.textContent).toBe(
      'SPXW Nov 30, 2026 (4 days)',
    );
  });
});

describe('marksFor', () => {
  it('puts badges beside the row when the page has room, over its right end otherwise', () => {
    const best = loadPlan('no-vix-curve').condor.figures!.best;
    const rows = locateStrikeRows(document);
    // Rows end at x = 610; a badge needs 130 px beside them.
    expect(marksFor(best, rows, 0, 0, 740).filter((m) => m.kind === 'badge' && m.outside)).toHaveLength(4);
    expect(marksFor(best, rows, 0, 0, 739).filter((m) => m.kind === 'badge' && m.outside)).toHaveLength(0);
  });
});

describe('split calls/puts tables (Yahoo layout)', () => {
  it('puts put legs on the puts table and call legs on the calls table', () => {
    // Saved Yahoo Finance page (tests/fixtures/readers/yahoo/options-2024.html): a "Calls"
    // table and a "Puts" table, each with a Strike column (strikes 5800, 6000, 6200).
    const html = readFileSync(resolve(__dirname, '../../fixtures/readers/yahoo/options-2024.html'), 'utf8');
    const parsed = new DOMParser().parseFromString(html, 'text/html');
    document.body.replaceChildren(...[...parsed.body.childNodes].map((n) => document.importNode(n, true)));
    const heading = (row: Element | undefined) =>
      row?.closest('.tableContainer')?.previousElementSibling?.textContent;
    expect(heading(locateStrikeRows(document, '2026-12-18', 'put').get(6000))).toBe('Puts');
    expect(heading(locateStrikeRows(document, '2026-12-18', 'call').get(6000))).toBe('Calls');
    expect(heading(locateStrikeRows(document).get(6000))).toBe('Calls');
  });
});

describe('mountOverlay row lookups', () => {
  it('re-measures on scroll without searching the page again, and searches again after a change', async () => {
    const spy = vi.spyOn(document, 'querySelectorAll');
    const searches = () => spy.mock.calls.filter(([sel]) => sel === 'tr, [role="row"]').length;
    const overlay = mountOverlay(document);
    overlay.update(message(loadPlan('no-vix-curve')));
    expect(searches()).toBe(1);
    const settle = () => new Promise((r) => setTimeout(r, 400));
    window.dispatchEvent(new Event('scroll'));
    await settle();
    expect(searches()).toBe(1);
    document.body.append(document.createElement('p'));
    await settle();
    expect(searches()).toBe(2);
    overlay.remove();
    spy.mockRestore();
  });
});
