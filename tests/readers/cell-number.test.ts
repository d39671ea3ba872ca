// @vitest-environment happy-dom
/** Number parsing by column (issue 10 point 6): synthetic cells, each rule and its refusal. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import '../support/fast-check-seed';
import { ChainBuilder, emptyQuote } from '../../lib/readers/build';
import {
  ivColumnRule,
  parseChange,
  parseCount,
  parseFieldValue,
  parseIvCell,
} from '../../lib/readers/cell-number';
import { parseNumber } from '../../lib/readers/dom';
import { classifyHeader } from '../../lib/readers/headers';
import { readTextGrid } from '../../lib/readers/layout';

describe('parseCount (volume, open interest)', () => {
  it.each([
    ['1.2K', 1200],
    ['3.4M', 3_400_000],
    ['1B', 1_000_000_000],
    ['2,087', 2087],
    ['15k', 15_000],
    ['0', 0],
  ])('%s → %s', (t, n) => expect(parseCount(t)).toBe(n));
  it.each(['1.5', '-3', '(12)', '0,125', '1.2X', '--', ''])('%s → null', (t) =>
    expect(parseCount(t)).toBeNull(),
  );
});

describe('suffixes only in count columns', () => {
  it('reads 1.2K as 1200 in Volume and refuses it in Bid, Ask, Strike and IV', () => {
    expect(parseFieldValue('volume', '1.2K')).toBe(1200);
    expect(parseFieldValue('openInterest', '12.5K')).toBe(12_500);
    expect(parseFieldValue('bid', '1.2K')).toBeNull();
    expect(parseFieldValue('ask', '2M')).toBeNull();
    expect(parseFieldValue('strike', '6K')).toBeNull();
    expect(parseFieldValue('iv', '1.2K', 'percent')).toBeNull();
  });
});

describe('comma decimals never become thousands', () => {
  it.each(['0,125', '12,5', '1,25', '0,05', '1.234,56'])('%s is unreadable in every column', (t) => {
    for (const f of ['bid', 'ask', 'last', 'volume', 'openInterest', 'strike', 'delta'] as const)
      expect(parseFieldValue(f, t)).toBeNull();
    expect(parseFieldValue('iv', t, 'percent')).toBeNull();
  });
  it('still reads true thousands groups', () => {
    expect(parseFieldValue('strike', '6,125')).toBe(6125);
    expect(parseFieldValue('volume', '12,345')).toBe(12_345);
    expect(parseFieldValue('bid', '1,234.50')).toBe(1234.5);
  });
});

describe('parentheses mean negative only in change columns', () => {
  it('(21.60) is −21.60 as a change and unreadable as a bid', () => {
    expect(parseChange('(21.60)')).toBe(-21.6);
    expect(parseChange('+0.15')).toBe(0.15);
    expect(parseFieldValue('bid', '(21.60)')).toBeNull();
    expect(parseFieldValue('delta', '(0.35)')).toBeNull();
    expect(parseFieldValue('volume', '(12)')).toBeNull();
  });
});

describe('IV unit', () => {
  it('comes from the header: "IV (%)", "IV %", "Impl Vol (%)" → percent; "IV (dec)" → fraction', () => {
    expect(classifyHeader('IV (%)')).toMatchObject({ field: 'iv', ivUnit: 'percent' });
    expect(classifyHeader('IV %')).toMatchObject({ field: 'iv', ivUnit: 'percent' });
    expect(classifyHeader('Impl Vol (%)')).toMatchObject({ field: 'iv', ivUnit: 'percent' });
    expect(classifyHeader('IV (dec)')).toMatchObject({ field: 'iv', ivUnit: 'fraction' });
    expect(classifyHeader('Impl Vol')).toMatchObject({ field: 'iv', ivUnit: null });
    expect(classifyHeader('% Change')).toMatchObject({ field: 'other', known: true });
  });
  it('Δ and "Delta (Δ)" are delta', () => {
    expect(classifyHeader('Δ').field).toBe('delta');
    expect(classifyHeader('Delta (Δ)').field).toBe('delta');
    expect(classifyHeader('Call Δ')).toMatchObject({ field: 'delta', side: 'call' });
  });
  it('a cell with % is percent whatever the column; a bare cell follows the column unit', () => {
    expect(parseIvCell('18.75%', null)).toBe(0.1875);
    expect(parseIvCell('18.75', 'percent')).toBe(0.1875);
    expect(parseIvCell('0.1875', 'fraction')).toBe(0.1875);
    expect(parseIvCell('18.75', null)).toBeNull();
  });
  it('a silent header: median above 3 is percent, median 2 or less fraction, between unknown; flagged as assumed', () => {
    expect(ivColumnRule(null, ['18.75', '22.1', '--'])).toMatchObject({ unit: 'percent', assumed: true });
    expect(ivColumnRule(null, ['0.1875', '0.221'])).toMatchObject({ unit: 'fraction', assumed: true });
    // Crisis-day wings above 3 (400 % as a fraction) do not turn a fraction column into percent.
    expect(ivColumnRule(null, ['0.45', '0.51', '0.6', '4.1378', '3.2'])).toMatchObject({ unit: 'fraction' });
    expect(ivColumnRule(null, ['2.5', '2.6', '2.4'])).toMatchObject({ unit: null, assumed: true });
    expect(ivColumnRule(null, ['18.75%', '22.1%'])).toMatchObject({ unit: null, assumed: false });
    expect(ivColumnRule('percent', ['0.5'])).toMatchObject({ unit: 'percent', assumed: false });
  });
});

function readGrid(rows: string[][]) {
  const b = new ChainBuilder();
  readTextGrid(
    { rows: rows.map((cells) => ({ cells, extra: null })), expiryHint: '2026-12-18', sideHint: 'put' },
    b,
  );
  return b.finish({
    reader: 't',
    url: 'x',
    readAt: '2026-11-26T15:00:00.000Z',
    symbol: 'SPX',
    price: null,
    quoteTime: null,
  });
}

describe('in a table', () => {
  it('reads "IV (%)" bare cells as percent and a bare "18.75" under a silent IV header as percent with a flag', () => {
    const a = readGrid([
      ['Strike', 'Bid', 'Ask', 'IV (%)', 'Vol'],
      ['6000', '22.30', '22.70', '18.75', '1.2K'],
    ]);
    expect(a.expiries[0]?.rows[0]?.put).toMatchObject({ bid: 22.3, ask: 22.7, iv: 0.1875, volume: 1200 });
    expect(a.flags.filter((f) => f.kind === 'iv-unit-assumed')).toEqual([]);
    const b = readGrid([
      ['Strike', 'Bid', 'Ask', 'Impl Vol'],
      ['6000', '22.30', '22.70', '18.75'],
      ['6050', '25.10', '25.60', '17.9'],
    ]);
    expect(b.expiries[0]?.rows.map((r) => r.put?.iv)).toEqual([0.1875, 0.179]);
    expect(b.flags.find((f) => f.kind === 'iv-unit-assumed')?.detail).toMatch(/median 17.9 read as percent/);
  });
  it('drops a quote with a negative bid or strike with its reason, and leaves "(21.60)" unread', () => {
    const s = readGrid([
      ['Strike', 'Bid', 'Ask', 'Delta'],
      ['6000', '-1.20', '22.70', '-0.30'],
      ['-6050', '25.10', '25.60', '-0.35'],
      ['6100', '(21.60)', '28.00', '-0.40'],
      ['6150', '0,125', '30.00', '-0.45'],
    ]);
    expect(s.dropped).toEqual(
      expect.arrayContaining([
        { reason: 'negative-price', count: 1 },
        { reason: 'negative-strike', count: 1 },
      ]),
    );
    expect(s.expiries[0]?.rows.map((r) => [r.strike, r.put?.bid, r.put?.ask])).toEqual([
      [6100, null, 28],
      [6150, null, 30],
    ]);
  });
  it('the builder itself refuses negative prices whatever the reader', () => {
    const b = new ChainBuilder();
    b.add('2026-12-18', null, 6000, 'call', { ...emptyQuote(), ask: -0.05 });
    b.add('2026-12-18', null, 6000, 'put', { ...emptyQuote(), last: -2 });
    const s = b.finish({ reader: 't', url: 'x', readAt: 'r', symbol: 'SPX', price: null, quoteTime: null });
    expect(s.dropped).toEqual([{ reason: 'negative-price', count: 2 }]);
  });
});

/**
 * The number rules as first written (regexes and `Number()`), kept here as the reference the
 * character-by-character fast paths must agree with on any text.
 */
const reference = {
  number(text: string): number | null {
    if (/^-?\d+(?:\.\d+)?$/.test(text)) return Number(text);
    if (/^[+-]?(?:[1-9]\d{0,2}(?:,\d{3})+|\d+)(?:\.\d+)?%?$/.test(text))
      return Number(text.replace(/[,%]/g, ''));
    return parseNumberSlowPathOnly(text);
  },
  count(text: string): number | null {
    const t = text.trim();
    const m = /^([+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|[+-]?\.\d+)\s*([kmb])$/i.exec(t);
    let n: number | null;
    if (m) {
      const base = reference.number(m[1] as string);
      n =
        base === null
          ? null
          : Math.round(base * ({ k: 1e3, m: 1e6, b: 1e9 }[(m[2] as string).toLowerCase()] as number));
    } else n = reference.number(t);
    if (n === null || n < 0) return null;
    return Number.isInteger(n) ? n : null;
  },
  iv(text: string, unit: 'percent' | 'fraction' | null): number | null {
    const n = reference.number(text);
    if (n === null) return null;
    const percent = /%\s*$/.test(text.trim()) || unit === 'percent';
    if (!percent && unit === null) return null;
    return percent ? Number((n / 100).toPrecision(12)) : n;
  },
};

/** parseNumber's rules past its fast paths, as written in lib/readers/dom.ts. */
function parseNumberSlowPathOnly(text: string): number | null {
  let t = text.trim();
  if (/[\t\n\r\f\v\u00a0\u200b]| {2}/.test(t)) t = t.replace(/[\s\u00a0\u200b]+/g, ' ').trim();
  if (['', 'n/a', 'na', 'n.a.', 'none', 'null', 'nan', '--', 'unch', 'unchanged'].includes(t.toLowerCase()))
    return null;
  if (/^[-‐‑‒–—―−]+$/.test(t)) return null;
  t = t.replace(/^[$€£]\s*/, '').replace(/[−–]/g, '-');
  if (t.startsWith('-$') || t.startsWith('+$')) t = t[0] + t.slice(2);
  t = t.replace(/%$/, '').replace(/(\d)s$/, '$1');
  if (t.includes(',')) {
    if (!/^[+-]?[1-9]\d{0,2}(?:,\d{3})+(?:\.\d+)?$/.test(t)) return null;
    t = t.replace(/,/g, '');
  }
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(t)) return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : null;
}

describe('number fast paths agree with the rules as first written', () => {
  const digit = fc.constantFrom('0', '1', '2', '5', '9');
  const piece = fc.oneof(
    { weight: 6, arbitrary: digit },
    fc.constantFrom('.', ',', '%', '-', '+', ' ', 'k', 'M', '$', 'e', '\u00a0', '−'),
  );
  const cell = fc.oneof(
    fc.array(piece, { maxLength: 22 }).map((a) => a.join('')),
    fc.double({ noNaN: true }).map(String),
    fc.double({ min: -1e6, max: 1e6, noNaN: true }).map((n) => n.toFixed(2)),
    fc.string(),
  );

  it('parseNumber, parseCount and parseIvCell give the reference value on any text', () => {
    fc.assert(
      fc.property(cell, (t) => {
        expect(parseNumber(t)).toBe(reference.number(t));
        expect(parseCount(t)).toBe(reference.count(t));
        for (const unit of ['percent', 'fraction', null] as const)
          expect(parseIvCell(t, unit)).toBe(reference.iv(t, unit));
      }),
      { numRuns: 5_000 },
    );
  });
});
