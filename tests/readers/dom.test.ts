import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import '../support/fast-check-seed';
import { settlementForRoot } from '../../lib/engine/market/roots';
import { parseVixSymbol, vixSettlementDate as vixFutureExpiry } from '../../lib/engine/market/vix-expiry';
import { cleanText, findDate, isoDate, parseNumber, parseOcc, parseVolFraction } from '../../lib/readers/dom';
import { easternToIso } from '../../lib/readers/eastern-time';
import { classifyHeader } from '../../lib/readers/headers';

describe('parseNumber', () => {
  it.each([
    ['1,234.50', 1234.5],
    ['$12', 12],
    ['-$3.10', -3.1],
    ['+0.15', 0.15],
    ['−0.30', -0.3],
    ['12.5%', 12.5],
    ['0.05s', 0.05],
    ['21,370.00', 21370],
    ['0.00', 0],
    ['1.5e-3', 0.0015],
  ])('%s → %s', (text, n) => {
    expect(parseNumber(text)).toBe(n);
  });
  it.each([
    '—',
    '-',
    '--',
    'N/A',
    'unch',
    '',
    '  ',
    'abc',
    '1.2.3',
    '12 34',
    'NaN',
    'Infinity',
    '(1.20)',
    '1.2K',
    '3M',
    '0,125',
    '12,5',
    '1.234,50',
    '21,370.00C',
  ])('%s → null', (text) => {
    expect(parseNumber(text)).toBeNull();
  });
});

describe('parseVolFraction', () => {
  it('reads a percent as a fraction and a bare number as given', () => {
    expect(parseVolFraction('12.5%', false)).toBe(0.125);
    expect(parseVolFraction('379.69%', false)).toBe(3.7969);
    expect(parseVolFraction('0.2145', false)).toBe(0.2145);
    expect(parseVolFraction('21.45', true)).toBe(0.2145);
    expect(parseVolFraction('—', false)).toBeNull();
  });
});

describe('parseOcc', () => {
  it.each([
    ['SPXW261218P05000000', { root: 'SPXW', expiry: '2026-12-18', side: 'put', strike: 5000 }],
    ['SPX261218C06125000', { root: 'SPX', expiry: '2026-12-18', side: 'call', strike: 6125 }],
    ['INTC  220513P00035500', { root: 'INTC', expiry: '2022-05-13', side: 'put', strike: 35.5 }],
    ['optsym=INTC%20%20220513P00035000', { root: 'INTC', expiry: '2022-05-13', side: 'put', strike: 35 }],
    ['.spxw261218p5000', null],
    ['spxw261218p05000000', { root: 'SPXW', expiry: '2026-12-18', side: 'put', strike: 5000 }],
  ])('%s', (text, occ) => {
    expect(parseOcc(text)).toEqual(occ);
  });
  it.each(['SPXW261318P05000000', 'SPXW261218X05000000', 'hello', 'SPXW261218P00000000'])(
    'rejects %s',
    (t) => {
      expect(parseOcc(t)).toBeNull();
    },
  );
  it('knows SPX AM and SPXW PM settlement', () => {
    expect([settlementForRoot('SPX'), settlementForRoot('SPXW'), settlementForRoot('AAPL')]).toEqual([
      'AM',
      'PM',
      null,
    ]);
  });
});

describe('findDate', () => {
  it.each([
    ['2022-05-13 - Puts', '2022-05-13'],
    ['03/23/2020', '2020-03-23'],
    ['Show July 26, 2024 (2 days)  Weekly', '2024-07-26'],
    ['sell Oct 16 2026 24 put', '2026-10-16'],
    ['Mon Feb 07 2022', '2022-02-07'],
    ['16 Oct 2026', '2026-10-16'],
    ['Sept 30, 2020', '2020-09-30'],
    ['February 30, 2022', null],
    ['no date', null],
  ])('%s → %s', (text, iso) => {
    expect(findDate(text)).toBe(iso);
  });

  it('answers the same text asked twice in a row, and other text after it, each by itself', () => {
    expect([
      findDate('Fri Feb 04 2022'),
      findDate('Fri Feb 04 2022'),
      findDate('x'),
      findDate('Fri Feb 04 2022'),
    ]).toEqual(['2022-02-04', '2022-02-04', null, '2022-02-04']);
  });
});

describe('isoDate', () => {
  /** The calendar as JavaScript's Date keeps it (the reference isoDate's arithmetic must agree with). */
  const byDate = (y: number, m: number, d: number): string | null => {
    const t = new Date(Date.UTC(y, m - 1, d));
    return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d
      ? t.toISOString().slice(0, 10)
      : null;
  };

  it('agrees with the Date calendar on every day 1 to 32 of every month 0 to 13 of 1990 to 2100', () => {
    const wrong: string[] = [];
    for (let y = 1990; y <= 2100; y++)
      for (let m = 0; m <= 13; m++)
        for (let d = 0; d <= 32; d++) if (isoDate(y, m, d) !== byDate(y, m, d)) wrong.push(`${y}-${m}-${d}`);
    expect(wrong).toEqual([]);
    expect([isoDate(2000, 2, 29), isoDate(2100, 2, 29), isoDate(2024, 2, 29)]).toEqual([
      '2000-02-29',
      null,
      '2024-02-29',
    ]);
  });

  it('refuses years outside 1990-2100 and parts that are not whole numbers', () => {
    expect([
      isoDate(1989, 12, 31),
      isoDate(2101, 1, 1),
      isoDate(2022, 1.5, 3),
      isoDate(2022, 2, Number.NaN),
    ]).toEqual([null, null, null, null]);
  });
});

describe('classifyHeader', () => {
  it.each([
    ['Open Int', 'openInterest', null],
    ['Imp Vol', 'iv', null],
    ['Δ', 'delta', null],
    ['call Bid', 'bid', 'call'],
    ['Puts', 'symbol', 'put'],
    ['Contract Name', 'symbol', null],
    ['Gamma', 'other', null],
  ])('%s', (text, field, side) => {
    expect(classifyHeader(text)).toMatchObject({ field, side });
  });
});

describe('easternToIso', () => {
  // Hand conversions with US DST (2nd Sunday of March to 1st Sunday of November):
  // 26 Nov 2026 is EST (UTC−5); 1 Jul 2026 is EDT (UTC−4); 8 Mar 2026 03:00 is after the switch.
  it.each([
    ['Nov 26, 2026 9:45 AM ET', '2026-11-26T14:45:00.000Z'],
    ['Jul 1, 2026 4:15 PM ET', '2026-07-01T20:15:00.000Z'],
    ['Mar 8, 2026 3:00 AM ET', '2026-03-08T07:00:00.000Z'],
    ['Mar 7, 2026 3:00 AM ET', '2026-03-07T08:00:00.000Z'],
    ['Jan 2, 2026 12:05 AM', '2026-01-02T05:05:00.000Z'],
  ])('%s → %s', (text, iso) => {
    expect(easternToIso(text)).toBe(iso);
  });
});

describe('vixFutureExpiry', () => {
  // Published settlement dates (Cboe futures settlement file 2023-12-15 in shared/data, and
  // the VX/H5 contract that settled Tue 18 Mar 2025 because Good Friday was 18 Apr 2025).
  it.each([
    [2023, 12, '2023-12-20'],
    [2024, 6, '2024-06-18'],
    [2025, 3, '2025-03-18'],
  ])('%i-%i → %s', (y, m, iso) => {
    expect(vixFutureExpiry(y, m)).toBe(iso);
  });
  it('reads monthly symbols and leaves weeklies out', () => {
    expect(parseVixSymbol('VX/Z6', 2026)).toEqual({ year: 2026, month: 12 });
    expect(parseVixSymbol('VXF27', 2026)).toEqual({ year: 2027, month: 1 });
    expect(parseVixSymbol('/VXF7', 2026)).toEqual({ year: 2027, month: 1 });
    expect(parseVixSymbol('VX52/Z3', 2023)).toBeNull();
  });
});

describe('cleanText', () => {
  /** The rule as first written: trim, then collapse runs of whitespace (incl. NBSP, zero-width space). */
  const reference = (text: string): string => {
    const t = text.trim();
    return /[\t\n\r\f\v\u00a0\u200b]| {2}/.test(t) ? t.replace(/[\s\u00a0\u200b]+/g, ' ').trim() : t;
  };

  it.each([
    ['12.50', '12.50'],
    [' 12.50 ', '12.50'],
    ['Dec 18, 2026', 'Dec 18, 2026'],
    ['Dec  18,\n 2026', 'Dec 18, 2026'],
    ['\u00a05,800\u00a0', '5,800'],
    ['a\u200bb', 'a b'],
    ['', ''],
  ])('%j → %j', (text, clean) => {
    expect(cleanText(text)).toBe(clean);
  });

  it('gives the reference rule on any text (its fast path returns only text the rule leaves as it is)', () => {
    const chars = fc.constantFrom(
      ' ',
      '  ',
      '\t',
      '\n',
      '\u00a0',
      '\u200b',
      '\u2003',
      '\ufeff',
      'a',
      '1',
      '.',
      ',',
      '%',
      '−',
      'é',
    );
    const text = fc.oneof(
      fc.string(),
      fc.string({ unit: 'grapheme' }),
      fc.array(chars).map((a) => a.join('')),
    );
    fc.assert(
      fc.property(text, (t) => {
        expect(cleanText(t)).toBe(reference(t));
      }),
      { numRuns: 3_000 },
    );
  });
});
