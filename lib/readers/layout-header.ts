/**
 * Header rows of chain tables: which column holds which field and side. Handles straddles
 * (quote fields on both sides of one Strike column), two-level headers ("Calls" … "Puts"
 * spanning the row below) and headers that name sides ("Call Bid").
 */
import { mostlyNumeric } from './dom';
import { classifyHeader, type Field, QUOTE_FIELDS } from './headers';

export interface Column {
  field: Field;
  side: 'call' | 'put' | null;
  /** Unit the header states for an IV column, else null (see cell-number.ts ivColumnRule). */
  ivUnit: 'percent' | 'fraction' | null;
}

export interface Header {
  columns: Column[];
  width: number;
  strikeCol: number;
  /** Set when the table is a straddle or its headers name sides. */
  sided: boolean;
  /** Columns holding quote values (with a side when `sided`). */
  quoteCols: number[];
  /** Columns holding symbol, expiry, type or option root. */
  metaCols: number[];
  hasSymbol: boolean;
}

export type Side = 'call' | 'put';

export function sideWord(text: string): Side | null {
  const t = text.toLowerCase();
  const call = /\bcalls?\b/.test(t);
  const put = /\bputs?\b/.test(t);
  if (call === put) return null;
  return call ? 'call' : 'put';
}

/** Recognises a header row: ≥ 3 known chain fields including a strike (or a symbol + bid/ask). */
export function parseHeader(cells: string[], above: string[] | null): Header | null {
  if (cells.length < 3 || mostlyNumeric(cells)) return null;
  const infos = cells.map(classifyHeader);
  const fields = new Set(infos.map((i) => i.field));
  const quoteFields = infos.filter((i) => QUOTE_FIELDS.has(i.field)).length;
  const hasStrike = fields.has('strike');
  if (quoteFields < 2) return null;
  if (!hasStrike && !(fields.has('symbol') && (fields.has('bid') || fields.has('ask')))) return null;
  const columns: Column[] = infos.map((i) => ({ field: i.field, side: i.side, ivUnit: i.ivUnit }));
  let strikeCol = infos.findIndex((i) => i.field === 'strike');
  let sided = columns.some((c) => c.side !== null && QUOTE_FIELDS.has(c.field));
  // Two-level header: a row above with "Calls" … "Puts" spans names each column's side.
  if (!sided && above && above.length === cells.length) {
    // Spanned cells arrive as "" after their text: carry each side forward over them.
    let carry: Side | null = null;
    const sides = above.map((t) => {
      if (t !== '') carry = sideWord(t);
      return carry;
    });
    if (sides.includes('call') && sides.includes('put')) {
      columns.forEach((c, i) => {
        if (c.field !== 'strike') c.side = sides[i] ?? null;
      });
      sided = true;
    }
  }
  // Straddle: quote fields on both sides of one strike column → left calls, right puts.
  if (!sided) {
    for (let s = 0; s < columns.length; s++) {
      if (columns[s]?.field !== 'strike') continue;
      const left = columns.slice(0, s).some((c) => QUOTE_FIELDS.has(c.field));
      const right = columns.slice(s + 1).some((c) => QUOTE_FIELDS.has(c.field));
      if (left && right) {
        strikeCol = s;
        columns.forEach((c, i) => {
          if (i < s) c.side = 'call';
          else if (i > s) c.side = 'put';
        });
        sided = true;
        break;
      }
    }
  }
  const quoteCols: number[] = [];
  const metaCols: number[] = [];
  columns.forEach((c, i) => {
    if (QUOTE_FIELDS.has(c.field) && (!sided || c.side)) quoteCols.push(i);
    else if (c.field === 'symbol' || c.field === 'expiry' || c.field === 'type' || c.field === 'root')
      metaCols.push(i);
  });
  return {
    columns,
    width: cells.length,
    strikeCol,
    sided,
    quoteCols,
    metaCols,
    hasSymbol: fields.has('symbol'),
  };
}
