import { describe, expect, it } from 'vitest';
import { classifyHeader } from '../../lib/readers/headers';
import { underlyingForRoot } from '../../lib/readers/page-info';
import { readVixRows } from '../../lib/readers/vix-table';
import { byWord } from '../../lib/readers/word-table';

describe('byWord', () => {
  it('maps every listed word to its field, and nothing else', () => {
    const table = byWord({ bid: 'bid|bid price', ask: 'ask|offer' });
    expect([...table]).toEqual([
      ['bid', 'bid'],
      ['bid price', 'bid'],
      ['ask', 'ask'],
      ['offer', 'ask'],
    ]);
    expect(table.get('constructor')).toBeUndefined();
  });
});

// Page text that names an inherited object key ("constructor", "__proto__", "toString") is an
// unknown word, not a hit: these used to be looked up in plain objects.
describe('page words that name object keys', () => {
  it.each(['Constructor', '__proto__', 'toString', 'hasOwnProperty'])(
    'header "%s" is an unknown column',
    (h) => {
      expect(classifyHeader(h)).toEqual({ field: 'other', side: null, known: false, ivUnit: null });
    },
  );

  it('an option root "constructor" is its own underlying', () => {
    expect(underlyingForRoot('constructor')).toBe('constructor');
    expect(underlyingForRoot('SPXW')).toBe('SPX');
  });

  it('a VIX grid row labelled "constructor" is not an index row, and a "constructor" header no column', () => {
    const rows = [
      ['Symbol', 'Last', 'constructor'],
      ['constructor', '17.5', 'x'],
      ['toString', '18.0', 'x'],
    ];
    const r = readVixRows(rows, '2026-12-03T15:00:00Z');
    expect(r.indices).toEqual({});
    expect(r.spot).toBeNull();
    expect(r.futures).toEqual([]);
  });
});
