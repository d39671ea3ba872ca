/**
 * readImportFile: what a file is comes from its content; refusals say what was found; the
 * broker/quote JSON people save (Schwab/TD chains, Yahoo v7 options) and a thinkorswim desktop
 * export saved as HTML are read. The fixtures used here are SYNTHETIC (written by hand from the
 * formats' public descriptions; no real saved file was available): expected values are the
 * numbers typed into them. The HTML one is named .htm so the page-reader fixture walk (which
 * takes every .html with an expected.json) leaves it to this file.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../lib/cli/parse-html';
import type { ChainSnapshot } from '../../lib/engine/snapshot-types';
import { readImportFile, sniffKind } from '../../lib/readers/import-file';
import type { ReadResult } from '../../lib/readers/types';
import { snapshotSchema } from '../../lib/schema/snapshot';
import { FIXTURES } from './helpers';

const NOW = '2026-11-24T16:00:00.000Z';
const fixture = (name: string) => readFileSync(join(FIXTURES, 'csv', name), 'utf8');
const html = (text: string, url: string) => parseHtml(text, url).doc;

function chain(r: ReadResult): ChainSnapshot {
  if (!r.ok) throw new Error(r.failure.detail);
  const s = r.snapshots[0];
  if (s?.kind !== 'option-chain') throw new Error('not a chain');
  expect(snapshotSchema.safeParse(s).success).toBe(true);
  return s;
}

describe('sniffKind: by content, never by name', () => {
  it.each([
    ['<?xml version="1.0"?>\n<FIXML><Batch/></FIXML>', 'xml'],
    ['<rss version="2.0"><channel/></rss>', 'xml'],
    ['<!DOCTYPE html><html><body></body></html>', 'html'],
    ['<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"></html>', 'html'],
    ['<table><tr><td>1</td></tr></table>', 'html'],
    ['\uFEFF{"a":1}', 'json'],
    ['[1,2]', 'json'],
    ['Strike,Bid,Ask\n1,2,3', 'csv'],
    ['%PDF-1.7\n…', 'binary'],
  ])('%j → %s', (text, kind) => {
    expect(sniffKind(text)).toBe(kind);
  });
});

describe('true refusals say what the file holds', () => {
  it('XML is called XML, with its root element, not "no CSV chain"', () => {
    const r = readImportFile('positions.csv', '<?xml version="1.0"?>\n<FIXML><Batch/></FIXML>', { now: NOW });
    expect(r).toEqual({
      ok: false,
      reader: null,
      failure: {
        reason: 'not-a-chain',
        detail:
          'positions.csv: an XML document (root element <FIXML>), not an option chain page, CSV or JSON we read',
      },
    });
  });
  it('JSON of an unknown shape names the top-level keys it found', () => {
    const r = readImportFile('x.json', '{"symbol":"SPY","status":"FAILED","errors":[1]}', { now: NOW });
    expect(r.ok === false && r.failure.detail).toBe(
      'JSON: an object with keys symbol, status, errors; not a snapshot, Schwab/TD chain (callExpDateMap), Yahoo options (optionChain.result), Cboe option JSON (data.options) or Barchart grid rows',
    );
  });
  it('JSON that does not parse says so', () => {
    const r = readImportFile('x.json', '{"a":', { now: NOW });
    expect(r.ok === false && r.failure.detail).toMatch(/^JSON: not valid JSON \(/);
  });
  it('a PDF is named as a PDF', () => {
    const r = readImportFile('chain.csv', '%PDF-1.7\n%âãÏÓ', { now: NOW });
    expect(r.ok === false && r.failure.detail).toBe(
      'chain.csv: a PDF document, not text; save or export the chain as CSV or HTML',
    );
  });
  it('HTML without a parser is refused as HTML', () => {
    const r = readImportFile('page.html', '<!doctype html><p>x</p>', { now: NOW });
    expect(r.ok === false && r.failure.detail).toBe(
      'page.html: an HTML page, but no HTML parser is available here',
    );
  });
  it('a Schwab chain with no readable contract names its drops', () => {
    const r = readImportFile('c.json', '{"callExpDateMap":{"bad-key":{"1.0":[{}]}},"putExpDateMap":{}}', {
      now: NOW,
    });
    expect(r.ok === false && r.failure.detail).toBe(
      'Schwab/TD option chain JSON: no readable contract (dropped: 1 expiry-unknown)',
    );
  });
});

describe('Schwab/TD chains JSON (synthetic)', () => {
  const s = chain(readImportFile('chains.json', fixture('schwab-chains.synthetic.json'), { now: NOW }));
  it('underlying, quote time (latest quoteTimeInLong), listed expiries', () => {
    expect(s.source.reader).toBe('schwab-json');
    expect(s.underlying).toEqual({ symbol: 'SPX', price: 6021.35 }); // "$SPX", underlyingPrice
    expect(s.quoteTime).toBe('2026-11-24T15:15:01.000Z'); // 1795533301000 ms
    expect(s.coverage.expiriesListed).toBe(2);
  });
  it('SPXW and SPX kept apart; volatility percent → fraction; "NaN" and -999 → not shown', () => {
    expect(s.expiries.map((e) => [e.expiry, e.root, e.settlement])).toEqual([
      ['2026-12-17', 'SPXW', 'PM'],
      ['2026-12-18', 'SPX', 'AM'],
    ]);
    expect(s.expiries[0]?.rows).toEqual([
      {
        strike: 6025,
        call: { bid: 69.2, ask: 70.2, last: 69.9, volume: 311, openInterest: 1520, iv: 0.1602, delta: 0.52 },
        put: { bid: 66.4, ask: 67.4, last: 66, volume: 95, openInterest: 2210, iv: 0.1655, delta: -0.48 },
      },
      {
        strike: 6100,
        call: { bid: 31.5, ask: 32.4, last: 0, volume: 0, openInterest: 0, iv: null, delta: null },
        put: null,
      },
    ]);
    // TD-style symbol "SPX_121826C6025" under "2026-12-18:24".
    expect(s.expiries[1]?.rows[0]?.call).toEqual({
      bid: 64.9,
      ask: 66.1,
      last: 65,
      volume: 1204,
      openInterest: 18330,
      iv: 0.158,
      delta: 0.51,
    });
  });
  it('a non-standard contract and a symbol that disagrees with its map key are dropped, named', () => {
    expect(s.dropped).toEqual([
      { reason: 'non-standard-deliverable', count: 1 },
      { reason: 'symbol-mismatch', count: 1 },
    ]);
  });
});

describe('Yahoo v7 options JSON (synthetic)', () => {
  const s = chain(readImportFile('spy.json', fixture('yahoo-options-v7.synthetic.json'), { now: NOW }));
  it('reads contracts by their symbols; counts the expirations listed', () => {
    expect(s.source.reader).toBe('yahoo-json');
    expect(s.underlying).toEqual({ symbol: 'SPY', price: 601.23 });
    expect(s.quoteTime).toBe('2026-11-24T15:15:00.000Z'); // regularMarketTime 1795533300
    expect(s.coverage).toMatchObject({ expiriesListed: 3, expiriesRead: 1 });
    expect(s.expiries[0]).toMatchObject({ expiry: '2026-12-18', root: 'SPY', settlement: 'PM' });
    expect(s.expiries[0]?.rows[0]).toEqual({
      strike: 600,
      call: {
        bid: 12.31,
        ask: 12.36,
        last: 12.4,
        volume: 5321,
        openInterest: 40210,
        iv: 0.1532,
        delta: null,
      },
      put: { bid: 10.15, ask: 10.21, last: 10.2, volume: 4410, openInterest: 38800, iv: 0.1618, delta: null },
    });
  });
  it('a strike that disagrees with its symbol and a mini contract are dropped', () => {
    expect(s.dropped).toEqual([
      { reason: 'symbol-mismatch', count: 1 },
      { reason: 'non-standard-deliverable', count: 1 },
    ]);
  });
});

describe('thinkorswim desktop export saved as HTML (synthetic SPX)', () => {
  const s = chain(
    readImportFile('quote.html', fixture('tos-desktop-spx.synthetic.htm'), { now: NOW, parseHtml: html }),
  );
  it('title, LAST and export time', () => {
    expect(s.source.reader).toBe('html-tos-desktop');
    expect(s.underlying).toEqual({ symbol: 'SPX', price: 6021.35 });
    expect(s.quoteTime).toBe('2026-11-24T15:15:02.000Z'); // "11/24/26 10:15:02" read as EST
  });
  it('(Weeklys) → SPXW (PM), no series tag → SPX (AM); columns by header on each side', () => {
    expect(s.expiries.map((e) => [e.expiry, e.root, e.settlement])).toEqual([
      ['2026-12-17', 'SPXW', 'PM'],
      ['2026-12-18', 'SPX', 'AM'],
    ]);
    expect(s.expiries[0]?.rows).toEqual([
      {
        strike: 5800,
        call: {
          bid: 261.1,
          ask: 263.8,
          last: 260,
          volume: null,
          openInterest: null,
          iv: 0.2145,
          delta: 0.88,
        },
        put: { bid: 23.1, ask: 23.6, last: 23, volume: null, openInterest: null, iv: 0.241, delta: -0.12 },
      },
      {
        strike: 6025,
        call: { bid: 69.2, ask: 70.2, last: null, volume: null, openInterest: null, iv: 0.1602, delta: 0.52 },
        put: { bid: 66.4, ask: 67.4, last: null, volume: null, openInterest: null, iv: 0.1655, delta: -0.48 },
      },
    ]);
    expect(s.expiries[1]?.rows).toEqual([
      {
        strike: 6025,
        call: { bid: 64.9, ask: 66.1, last: null, volume: 1204, openInterest: 18330, iv: null, delta: null },
        put: { bid: 63.7, ask: 64.9, last: null, volume: 2087, openInterest: 41090, iv: null, delta: null },
      },
    ]);
  });
  it('a row whose Exp differs from its caption and a 10-multiplier section are dropped, counted', () => {
    expect(s.coverage).toMatchObject({ expiriesListed: 3, expiriesRead: 2 });
    expect(s.dropped).toEqual([
      { reason: 'expiry-mismatch', count: 1 },
      { reason: 'non-standard-deliverable', count: 1 },
    ]);
  });
});
