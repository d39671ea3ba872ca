/**
 * validateSteps (lib/readers/validate.ts) keeps checked copies of frozen quotes for live
 * re-reads: its answer must stay the whole schema parse's, read after read.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import '../support/fast-check-seed';
import type { ChainSnapshot, Quote, Snapshot, VixCurveSnapshot } from '../../lib/engine/snapshot-types';
import { runSteps } from '../../lib/readers/scan';
import { rowsReplaced, validateSteps } from '../../lib/readers/validate';
import { chainRowSchema, plainChainRow, snapshotSchema } from '../../lib/schema/snapshot';

function quote(bid: number): Quote {
  return { bid, ask: bid + 0.2, last: null, volume: null, openInterest: null, iv: null, delta: null };
}

function chain(rows: ChainSnapshot['expiries'][number]['rows']): ChainSnapshot {
  return {
    kind: 'option-chain',
    source: { reader: 'generic-table', url: 'http://localhost/', readAt: '2026-11-26T15:00:00.000Z' },
    underlying: { symbol: 'SPX', price: null },
    quoteTime: null,
    expiries: [{ expiry: '2026-12-18', root: 'SPXW', settlement: 'PM', rows }],
    coverage: { expiriesListed: 1, expiriesRead: 1, rowsRead: rows.length, note: null },
    dropped: [],
    flags: [],
  };
}

const validate = (s: Snapshot) => runSteps(validateSteps(s));

/** What snapshotSchema.safeParse says, in validateSteps's terms. */
function schemaSays(s: unknown) {
  const r = snapshotSchema.safeParse(s);
  if (r.success) return { ok: true, data: r.data };
  return { ok: false, path: r.error.issues[0]?.path.join('.'), message: r.error.issues[0]?.message };
}

function curve(price: number): VixCurveSnapshot {
  return {
    kind: 'vix-curve',
    source: { reader: 'vixcentral', url: 'http://vixcentral.com/', readAt: '2026-11-26T15:00:00.000Z' },
    spot: 16.2,
    indices: {},
    futures: [{ expiry: '2026-12-16', symbol: 'VXZ6', price }],
  };
}

describe('validateSteps on a whole snapshot of either kind', () => {
  it('says what the discriminated schema says, valid or not', () => {
    for (const s of [curve(17.1), curve(-1), chain([{ strike: 6000, call: quote(1), put: null }])]) {
      expect(validate(s)).toEqual(schemaSays(s));
    }
    expect(validate(curve(-1))).toMatchObject({ ok: false, path: 'futures.0.price' });
  });

  it('refuses a snapshot of an unknown kind by name', () => {
    const odd = { ...curve(17), kind: 'stock-quote' } as unknown as Snapshot;
    expect(validate(odd)).toEqual({
      ok: false,
      path: 'kind',
      message: 'unknown snapshot kind "stock-quote"',
    });
    expect(schemaSays(odd).ok).toBe(false);
  });
});

describe('validateSteps with kept quotes', () => {
  it('gives the schema parse for a frozen quote seen before, and still checks each row strike', () => {
    const call = Object.freeze(quote(1.5));
    const put = Object.freeze(quote(2.5));
    const first = chain([{ strike: 6000, call, put }]);
    const a = validate(first);
    expect(a).toEqual({ ok: true, data: snapshotSchema.parse(first) });
    // The same frozen quotes again, under a strike the schema rejects: still rejected.
    const bad = validate(chain([{ strike: -5, call, put }]));
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.path).toBe('expiries.0.rows.0.strike');
    const again = chain([{ strike: 6050, call, put: null }]);
    expect(validate(again)).toEqual({ ok: true, data: snapshotSchema.parse(again) });
    // Strike and quotes both seen before: still the whole parse's answer.
    expect(validate(again)).toEqual({ ok: true, data: snapshotSchema.parse(again) });
    expect(validate(chain([{ strike: 0, call, put }])).ok).toBe(false);
  });

  it('rejects a frozen quote the schema rejects, every time it is handed in', () => {
    const broken = Object.freeze({ ...quote(1), bid: Number.NaN });
    for (let i = 0; i < 2; i++) {
      const r = validate(chain([{ strike: 6000, call: broken, put: null }]));
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.path).toBe('expiries.0.rows.0.call.bid');
    }
  });

  it('validates a chain made from a validated one by replacing rows exactly as afresh', () => {
    const rows = [6000, 6050, 6100].map((k, i) =>
      Object.freeze({ strike: k, call: quote(1 + i), put: null }),
    );
    const base = chain(rows);
    expect(validate(base).ok).toBe(true);
    const next = chain([
      rows[0],
      Object.freeze({ strike: 6050, call: quote(9), put: quote(3) }),
      rows[2],
    ] as typeof rows);
    rowsReplaced(next, base, [[0, 1]]);
    expect(validate(next)).toEqual({ ok: true, data: snapshotSchema.parse(next) });
    // A replaced row the schema rejects: reported as the whole parse reports it.
    const broken = chain([
      rows[0],
      { strike: 6050, call: { ...quote(1), ask: Number.NaN }, put: null },
      rows[2],
    ] as typeof rows);
    rowsReplaced(broken, base, [[0, 1]]);
    const r = validate(broken);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.path).toBe('expiries.0.rows.1.call.ask');
  });

  it('takes the rows it was not told were replaced from the base chain (the caller promises they are its own)', () => {
    const kept = { strike: 6000, call: quote(1), put: null };
    const base = chain([kept]);
    expect(validate(base).ok).toBe(true);
    // Broken after the base was validated: a fresh check fails, the recorded replacement does not look.
    kept.call.ask = Number.NaN;
    const next = chain([kept]);
    expect(validate(next).ok).toBe(false);
    const told = chain([kept]);
    rowsReplaced(told, base, []);
    expect(validate(told).ok).toBe(true);
  });
});

describe('plainChainRow, the row check without the schema machinery', () => {
  /** Field values the schema must tell apart: finite numbers, -0, NaN, infinities, look-alikes. */
  const value = fc.oneof(
    fc.double(),
    fc.constantFrom(null, undefined, 0, -0, Number.NaN, Number.POSITIVE_INFINITY, -1, '1.5', true, [], {}),
  );
  const quoteLike = fc.oneof(
    fc.record({
      bid: value,
      ask: value,
      last: value,
      volume: value,
      openInterest: value,
      iv: value,
      delta: value,
    }),
    // Missing keys, extra keys, arrays, class instances, primitives.
    fc.record({ bid: value, ask: value, extra: value }, { requiredKeys: [] }),
    fc.constantFrom(null, undefined, [], 'quote', new Date(0), Object.create({ bid: 1 })),
  );
  const goodQuote = fc.record({
    bid: fc.option(fc.double({ noNaN: true, noDefaultInfinity: true })),
    ask: fc.option(fc.double({ noNaN: true, noDefaultInfinity: true })),
    last: fc.option(fc.double({ noNaN: true, noDefaultInfinity: true })),
    volume: fc.option(fc.nat()),
    openInterest: fc.option(fc.nat()),
    iv: fc.option(fc.double({ min: 0, max: 5, noNaN: true })),
    delta: fc.option(fc.double({ min: -1, max: 1, noNaN: true })),
  });

  it('gives exactly the schema parse (same values, same keys in the same order) or leaves it to the schema', () => {
    const row = fc.oneof(
      fc.record({ strike: value, call: quoteLike, put: quoteLike }),
      fc.record(
        { strike: value, call: quoteLike, put: quoteLike, note: value },
        { requiredKeys: ['strike'] },
      ),
      fc.constantFrom(null, 5, 'row', [], [1, 2]),
    );
    fc.assert(
      fc.property(row, (r) => {
        const fast = plainChainRow(r);
        const parsed = chainRowSchema.safeParse(r);
        if (fast === undefined) return;
        expect(parsed.success).toBe(true);
        expect(JSON.stringify(fast)).toBe(JSON.stringify(parsed.data));
        expect(fast).toEqual(parsed.data);
        // -0 stays -0 and each quote is a copy, as the schema's output is.
        expect(Object.is(fast.strike, parsed.data?.strike)).toBe(true);
        if (fast.call) expect(fast.call).not.toBe((r as { call: unknown }).call);
      }),
      { numRuns: 3_000 },
    );
  });

  it('takes every plain row a reader builds (the fast path is the one used)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.01, max: 1e6, noNaN: true }),
        fc.option(goodQuote),
        fc.option(goodQuote),
        (strike, call, put) => {
          const r = { strike, call, put };
          const fast = plainChainRow(r);
          expect(fast).toEqual(chainRowSchema.parse(r));
        },
      ),
      { numRuns: 500 },
    );
  });
});
