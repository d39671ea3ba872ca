// @vitest-environment happy-dom
/**
 * Fuzz: 1,000 mutated fixture pages (cells dropped, shuffled, duplicated, garbled). Every
 * reader is called directly (not through readPage's safety net): none may throw, and every
 * snapshot returned must pass the schema — nothing malformed reaches the engine.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readPage } from '../../lib/readers/read-page';
import { READERS } from '../../lib/readers/registry';
import { snapshotSchema } from '../../lib/schema/snapshot';
import { FIXTURE_NOW, fixtures, toDocument } from './helpers';

const PAGES = fixtures();
const CELLS = 'td, th, [role="gridcell"], [role="columnheader"], button[aria-label], div.c_9f2';
const GARBLE = [
  '',
  '—',
  'N/A',
  '-',
  '1e308',
  '-0',
  '9'.repeat(40),
  'NaN',
  '12.5%%',
  '$-',
  '(((',
  '∞',
  '0x1F',
  '١٢٣',
  '2026-02-30',
  'SPXW261399C99999999',
  ' \u00a0 ',
];

type Op = { kind: 'drop' | 'shuffle' | 'duplicate' | 'garble' | 'label'; pick: number; text: number };

function allCells(doc: Document): Element[] {
  const out = Array.from(doc.querySelectorAll(CELLS));
  for (const host of Array.from(doc.querySelectorAll('*'))) {
    if (host.shadowRoot) out.push(...Array.from(host.shadowRoot.querySelectorAll(CELLS)));
  }
  return out;
}

function mutate(doc: Document, ops: Op[]): void {
  for (const op of ops) {
    const cells = allCells(doc);
    if (cells.length === 0) return;
    const cell = cells[op.pick % cells.length] as Element;
    const parent = cell.parentElement;
    const text = GARBLE[op.text % GARBLE.length] as string;
    switch (op.kind) {
      case 'drop':
        cell.remove();
        break;
      case 'shuffle':
        if (parent && parent.children.length > 1)
          parent.insertBefore(cell, parent.children[op.text % parent.children.length] ?? null);
        break;
      case 'duplicate':
        if (op.text % 2 === 0) cell.after(cell.cloneNode(true));
        else if (parent) parent.after(parent.cloneNode(true));
        break;
      case 'garble':
        cell.textContent = text;
        break;
      case 'label':
        cell.setAttribute('aria-label', `sell Oct 16 2026 ${text} put at bid of ${text}`);
        break;
    }
  }
}

const opArb = fc.record({
  kind: fc.constantFrom('drop', 'shuffle', 'duplicate', 'garble', 'label'),
  pick: fc.nat(),
  text: fc.nat(),
}) as fc.Arbitrary<Op>;

describe('readers under mutation', () => {
  it('1,000 mutated fixtures: no reader throws; everything returned is schema-valid', () => {
    let snapshots = 0;
    fc.assert(
      fc.property(
        fc.nat({ max: PAGES.length - 1 }),
        fc.array(opArb, { minLength: 1, maxLength: 12 }),
        (i, ops) => {
          const page = PAGES[i] as (typeof PAGES)[number];
          const doc = toDocument(page.html);
          mutate(doc, ops);
          for (const r of READERS) {
            const out = r.read(doc, page.url, FIXTURE_NOW);
            if (out.ok) {
              snapshots++;
              const parsed = snapshotSchema.safeParse(out.snapshot);
              if (!parsed.success)
                throw new Error(`${r.id} on ${page.site}/${page.page}: ${parsed.error.message}`);
            } else expect(out.failure.detail).toMatch(/^[^:]+: /);
          }
          const whole = readPage(doc, page.url, FIXTURE_NOW);
          if (whole.ok)
            for (const s of whole.snapshots) expect(snapshotSchema.safeParse(s).success).toBe(true);
        },
      ),
      { numRuns: 1_000, seed: 20261126 },
    );
    // The mutations must leave plenty of readable pages, or the test proves little.
    expect(snapshots).toBeGreaterThan(1_000);
  }, 300_000);
});
