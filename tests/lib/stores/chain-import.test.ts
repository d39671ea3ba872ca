// @vitest-environment happy-dom
/**
 * The options page's chain import uses the browser's DOMParser for HTML and the same readers as
 * `alvh read`. Fixtures are the synthetic ones of tests/readers/import-file.test.ts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readChainImport } from '../../../lib/stores/chain-import';
import { FIXTURES } from '../../readers/helpers';

const NOW = '2026-11-24T16:00:00.000Z';

describe('readChainImport', () => {
  it('reads a thinkorswim export saved as HTML with the page DOMParser', () => {
    const text = readFileSync(join(FIXTURES, 'csv', 'tos-desktop-spx.synthetic.htm'), 'utf8');
    const r = readChainImport('quote.htm', text, NOW);
    if (!r.ok) throw new Error(r.failure.detail);
    const s = r.snapshots[0];
    expect(r.reader).toBe('html-tos-desktop');
    expect(s?.kind === 'option-chain' && s.source.url).toBe('file:quote.htm');
    expect(s?.kind === 'option-chain' && s.expiries.map((e) => `${e.expiry} ${e.root}`)).toEqual([
      '2026-12-17 SPXW',
      '2026-12-18 SPX',
    ]);
  });
  it('reads saved Schwab JSON', () => {
    const text = readFileSync(join(FIXTURES, 'csv', 'schwab-chains.synthetic.json'), 'utf8');
    const r = readChainImport('chains.json', text, NOW);
    expect(r.ok && r.reader).toBe('schwab-json');
  });
  it('refuses an empty file and an XML file saying what they are', () => {
    expect(readChainImport('a.csv', ' \n', NOW)).toEqual({
      ok: false,
      reader: null,
      failure: { reason: 'not-a-chain', detail: 'a.csv: the file is empty' },
    });
    const r = readChainImport('a.xml', '<?xml version="1.0"?><OFX></OFX>', NOW);
    expect(r.ok === false && r.failure.detail).toBe(
      'a.xml: an XML document (root element <OFX>), not an option chain page, CSV or JSON we read',
    );
  });
});
