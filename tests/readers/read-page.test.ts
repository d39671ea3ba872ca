// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { readPage } from '../../lib/readers/read-page';
import { SITE_READERS } from '../../lib/readers/registry';
import { FIXTURE_NOW, fixtures, toDocument } from './helpers';

describe('readPage', () => {
  it.each(fixtures().map((f) => [`${f.site}/${f.page}`, f]))('%s is read by its own reader', (_n, f) => {
    const r = readPage(toDocument(f.html), f.url, FIXTURE_NOW);
    if ('failure' in f.expected) {
      expect(r).toEqual({ ok: false, reader: f.site, failure: f.expected.failure });
      return;
    }
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.snapshots).toEqual([f.expected]);
    expect(r.reader).toBe(f.site);
  });

  it('names the missing thing when a page has no chain', () => {
    const r = readPage(toDocument('<p>hello</p>'), 'http://localhost/x', FIXTURE_NOW);
    expect(r).toEqual({
      ok: false,
      reader: 'generic-table',
      failure: {
        reason: 'not-a-chain',
        detail: 'This page: no options table found (expected a table with Strike/Bid/Ask headers)',
      },
    });
  });

  it('says the layout changed when a site page has tables but not its chain table', () => {
    const doc = toDocument(
      '<table><tr><th>Name</th><th>Price</th></tr><tr><td>a</td><td>1</td></tr></table>',
    );
    const r = readPage(doc, 'https://finance.yahoo.com/quote/SPY/options', FIXTURE_NOW);
    expect(r.ok === false && r.failure).toEqual({
      reason: 'layout-changed',
      detail:
        'Yahoo Finance: no options table found (expected Calls/Puts tables with Contract Name/Strike/Bid/Ask headers)',
    });
  });

  it('turns a throwing reader into a reader-error failure instead of throwing', () => {
    const yahoo = SITE_READERS.find((r) => r.id === 'yahoo');
    if (!yahoo) throw new Error('no yahoo reader');
    const original = yahoo.read;
    (yahoo as { read: typeof yahoo.read }).read = () => {
      throw new Error('boom');
    };
    try {
      const r = readPage(toDocument('<p></p>'), 'https://finance.yahoo.com/quote/SPY/options', FIXTURE_NOW);
      expect(r).toEqual({
        ok: false,
        reader: 'yahoo',
        failure: { reason: 'reader-error', detail: 'Yahoo Finance: reader error (boom)' },
      });
    } finally {
      (yahoo as { read: typeof yahoo.read }).read = original;
    }
  });
});
