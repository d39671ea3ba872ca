// @vitest-environment happy-dom
/**
 * Hidden elements are never read (lib/readers/hidden.ts): a VIX futures table the user cannot
 * see yields no curve; the same table visible does. Stylesheet rules are checked in Chromium
 * (tests/e2e/trust.spec.ts), where computed styles exist.
 */
import { describe, expect, it } from 'vitest';
import { isHiddenElement } from '../../lib/readers/hidden';
import { readPage } from '../../lib/readers/read-page';
import { toDocument } from './helpers';

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
    expect(rows.map(isHiddenElement)).toEqual([true, false]);
  });
  it('the page title in <head> stays readable', () => {
    const doc = toDocument('<html><head><title>SPX (SPX)</title></head><body></body></html>');
    expect(isHiddenElement(doc.querySelector('title') as Element)).toBe(false);
  });
});
