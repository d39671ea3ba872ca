// @vitest-environment happy-dom
/**
 * A hostile page (issue 12): hidden elements are never read (lib/readers/hidden.ts), a VIX
 * table the user cannot see yields no curve; one absurd cell drops its quote, not the page.
 * Stylesheet rules are checked in Chromium (tests/e2e/trust.spec.ts), where computed styles exist.
 */
import { describe, expect, it } from 'vitest';
import { isHiddenElement } from '../../lib/readers/hidden';
import { readPage } from '../../lib/readers/read-page';
import { SITE_READERS } from '../../lib/readers/registry';
import { fixtures, toDocument } from './helpers';

const NOW = '2026-11-26T15:00:00.000Z';
const TABLE = `<table><thead><tr><th>Contract</th><th>Expiry</th><th>Settle</th></tr></thead><tbody>
<tr><td>VX/F7</td><td>2027-01-20</td><td>18.10</td></tr>
<tr><td>VX/G7</td><td>2027-02-17</td><td>19.05</td></tr>
<tr><td>VX/H7</td><td>2027-03-17</td><td>19.80</td></tr></tbody></table>`;

function curvesOn(html: string): number {
  const r = readPage(
    toDocument(`<html><head><title>t</title></head><body>${html}</body></html>`),
    'http://localhost/x.html',
    NOW,
  );
  return r.ok ? r.snapshots.filter((s) => s.kind === 'vix-curve').length : 0;
}

describe('hidden elements', () => {
  it('a visible VIX table is read (the control)', () => {
    expect(curvesOn(TABLE)).toBe(1);
  });
  it.each([
    ['hidden attribute', `<div hidden>${TABLE}</div>`],
    ['aria-hidden', `<section aria-hidden="true">${TABLE}</section>`],
    ['inline display:none', `<div style="color: red; display:none">${TABLE}</div>`],
    ['inline visibility:hidden', `<div style="visibility: hidden !important">${TABLE}</div>`],
  ])('%s: the table is not read', (_name, html) => {
    expect(curvesOn(html)).toBe(0);
  });
  it('hidden rows inside a visible table are not read', () => {
    const doc = toDocument(`<table><tr hidden><td>1</td></tr><tr><td>2</td></tr></table>`);
    const rows = Array.from(doc.querySelectorAll('tr'));
    expect(rows.map((r) => isHiddenElement(r))).toEqual([true, false]);
  });
  it('the page title in <head> stays readable', () => {
    const doc = toDocument('<html><head><title>SPX (SPX)</title></head><body></body></html>');
    expect(isHiddenElement(doc.querySelector('title') as Element)).toBe(false);
  });
});

describe('one absurd cell', () => {
  it('a 400-digit bid drops that quote and the page is still read', () => {
    const huge = '9'.repeat(400);
    const rows = [5800, 5900, 6000, 6100]
      .map(
        (k) =>
          `<tr><td>${k === 5900 ? huge : '12.10'}</td><td>12.50</td><td>${k}</td><td>11.00</td><td>11.40</td></tr>`,
      )
      .join('');
    const html = `<html><head><title>SPX options (SPX)</title></head><body><h3>SPXW 2027-01-15</h3><table><thead><tr><th>Bid</th><th>Ask</th><th>Strike</th><th>Bid</th><th>Ask</th></tr></thead><tbody>${rows}</tbody></table></body></html>`;
    const r = readPage(toDocument(html), 'http://localhost/chain.html', NOW);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const chain = r.snapshots[0];
    if (chain?.kind !== 'option-chain') throw new Error('no chain');
    expect(chain.dropped).toContainEqual({ reason: 'value-unreadable', count: 1 });
    const row = chain.expiries[0]?.rows.find((x) => x.strike === 5900);
    expect(row?.call).toBeNull();
    expect(row?.put?.bid).toBe(11);
    expect(chain.expiries[0]?.rows.length).toBe(4);
  });
});

describe('a page two site readers recognise', () => {
  it('recognises every fixture page with one site reader at most (order never decides)', () => {
    for (const f of fixtures()) {
      const doc = toDocument(f.html);
      const claimed = SITE_READERS.filter((r) => r.detect(doc, f.url)).map((r) => r.id);
      expect(
        claimed.length,
        `${f.site}/${f.page} (${f.url}) claimed by ${claimed.join(', ')}`,
      ).toBeLessThanOrEqual(1);
      if (!f.site.startsWith('generic-') && f.site !== 'csv') expect(claimed).toEqual([f.site]);
    }
    expect(SITE_READERS.map((r) => r.id)).toEqual([...SITE_READERS.map((r) => r.id)].sort());
  });

  it('is refused with both names, never settled by list order', () => {
    const list = SITE_READERS as unknown as { detect: unknown }[];
    const saved = list.map((r) => r.detect);
    try {
      for (const r of list.slice(0, 2)) r.detect = () => true;
      const r = readPage(toDocument('<html><body></body></html>'), 'http://localhost/x.html', NOW);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.failure.detail).toMatch(/recognised by two readers/);
    } finally {
      list.forEach((r, i) => {
        r.detect = saved[i];
      });
    }
  });
});
