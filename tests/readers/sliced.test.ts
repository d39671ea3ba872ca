// @vitest-environment happy-dom
/**
 * The sliced read (live pages) against the one-piece read (CLI, tests): same result on every
 * reader fixture and on large pages, while giving the page its thread back between slices.
 */
import { describe, expect, it } from 'vitest';
import type { ChainSnapshot } from '../../lib/engine/snapshot-types';
import { readPage, readPageSliced } from '../../lib/readers/read-page';
import { GENERIC_READERS } from '../../lib/readers/registry';
import { runSteps, runStepsSliced, type Steps } from '../../lib/readers/scan';
import { snapshotSchema } from '../../lib/schema/snapshot';
import { bigChainHtml } from './big-chain';
import { FIXTURE_NOW, fixtures, toDocument } from './helpers';

/** A yield that gives the event loop back (a macrotask) and counts how often it was asked. */
function counter() {
  const c = {
    yields: 0,
    yieldEvery: () =>
      new Promise<void>((resolve) => {
        c.yields++;
        setTimeout(resolve, 0);
      }),
  };
  return c;
}

describe('readPageSliced', () => {
  it.each(fixtures().map((f) => [`${f.site}/${f.page}`, f]))(
    '%s: the sliced read equals the one-piece read',
    async (_n, f) => {
      const doc = toDocument(f.html);
      const whole = readPage(doc, f.url, FIXTURE_NOW);
      // Budget 0: a pause at every pause point, the most a read is ever cut up.
      const c = counter();
      const sliced = await readPageSliced(doc, f.url, FIXTURE_NOW, { yieldEvery: c.yieldEvery, budgetMs: 0 });
      expect(sliced).toEqual(whole);
      expect(c.yields).toBeGreaterThan(0);
    },
  );

  it('cuts a 2,000-row page into pieces of at most a few dozen rows, with the same result', async () => {
    const doc = toDocument(bigChainHtml(2_000, 2));
    const url = 'http://localhost/big.html';
    const whole = readPage(doc, url, FIXTURE_NOW);
    expect(whole.ok).toBe(true);
    const c = counter();
    const sliced = await readPageSliced(doc, url, FIXTURE_NOW, { yieldEvery: c.yieldEvery, budgetMs: 0 });
    expect(sliced).toEqual(whole);
    // Cell texts and layout each pause every 64 rows (extract.ts, layout.ts ROW_STEP):
    // 2,000 rows → at least 2 × ⌊2000/64⌋ = 62 pauses, whatever else pauses too.
    expect(c.yields).toBeGreaterThanOrEqual(2 * Math.floor(2_000 / 64));
  });

  it('pauses only when a slice has run its budget (clock-driven)', async () => {
    // A clock that advances 1 ms per look: with a 10 ms budget, a pause every ~10 steps.
    let t = 0;
    const clock = () => t++;
    function* steps(n: number): Steps<number> {
      for (let i = 0; i < n; i++) yield;
      return n;
    }
    const c = counter();
    const out = await runStepsSliced(steps(1_000), { yieldEvery: c.yieldEvery, budgetMs: 10, clock });
    expect(out).toBe(1_000);
    expect(runSteps(steps(1_000))).toBe(1_000);
    // Each slice: the clock is read once per step (+1 at its start) → 11 reads exceed 10 ms:
    // about 1,000 / 10 pauses, never one per step.
    expect(c.yields).toBeGreaterThan(50);
    expect(c.yields).toBeLessThan(200);
  });

  it("checks a reader's output in pieces with the same outcome and first issue as one whole parse", async () => {
    const generic = GENERIC_READERS.find((r) => r.id === 'generic-table');
    if (!generic) throw new Error('no generic-table reader');
    const quote = { bid: 1, ask: 1.2, last: null, volume: null, openInterest: null, iv: null, delta: null };
    const chain = (badAt: number | null): ChainSnapshot => ({
      kind: 'option-chain',
      source: { reader: 'generic-table', url: 'http://localhost/x', readAt: FIXTURE_NOW },
      underlying: { symbol: 'SPX', price: null },
      quoteTime: null,
      expiries: [0, 1].map((e) => ({
        expiry: `2026-12-1${e + 1}`,
        root: null,
        settlement: null,
        rows: Array.from({ length: 600 }, (_, i) => ({
          strike: e === 1 && i === badAt ? -5 : 1000 + i,
          call: { ...quote },
          put: null,
        })),
      })),
      coverage: { expiriesListed: 0, expiriesRead: 2, rowsRead: 1200, note: null },
      dropped: [],
      flags: [],
    });
    const original = generic.read;
    try {
      for (const badAt of [null, 400]) {
        const snap = chain(badAt);
        (generic as { read: typeof generic.read }).read = () => ({
          ok: true,
          snapshot: structuredClone(snap),
        });
        const doc = toDocument('<p>replaced reader</p>');
        const whole = readPage(doc, 'http://localhost/x', FIXTURE_NOW);
        const sliced = await readPageSliced(doc, 'http://localhost/x', FIXTURE_NOW, {
          yieldEvery: counter().yieldEvery,
          budgetMs: 0,
        });
        expect(sliced).toEqual(whole);
        // Independent check: zod's own one-piece parse of the same snapshot.
        const parsed = snapshotSchema.safeParse(snap);
        if (parsed.success) {
          expect(whole).toEqual({ ok: true, snapshots: [parsed.data], reader: 'generic-table' });
        } else {
          const issue = parsed.error.issues[0];
          expect(badAt).toBe(400);
          expect(whole).toEqual({
            ok: false,
            reader: 'generic-table',
            failure: {
              reason: 'reader-error',
              detail: `This page: read data failed validation (${issue?.path.join('.')}: ${issue?.message})`,
            },
          });
          expect(issue?.path.join('.')).toBe('expiries.1.rows.400.strike');
        }
      }
    } finally {
      (generic as { read: typeof generic.read }).read = original;
    }
  });

  it('ends when the yield rejects (the extension went away mid-read)', async () => {
    const doc = toDocument(bigChainHtml(500, 1));
    await expect(
      readPageSliced(doc, 'http://localhost/big.html', FIXTURE_NOW, {
        yieldEvery: () => Promise.reject(new Error('Extension context invalidated.')),
        budgetMs: 0,
      }),
    ).rejects.toThrow(/context invalidated/);
    // The scan session was closed: a later one-piece read walks the page afresh and works.
    expect(readPage(doc, 'http://localhost/big.html', FIXTURE_NOW).ok).toBe(true);
  });
});
