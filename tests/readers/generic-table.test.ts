// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../lib/cli/parse-html';
import { reader } from '../../lib/readers/generic-table';
import { describePageReader, FIXTURE_NOW, toDocument } from './helpers';

describePageReader('generic-table');

describe('generic-table across frames', () => {
  const chain = `<h2>December 18, 2026</h2><table><tr><th>Strike</th><th>Type</th><th>Bid</th><th>Ask</th></tr>
    <tr><td>6000</td><td>Put</td><td>22.30</td><td>22.70</td></tr></table>`;

  it('reads a chain inside a same-origin iframe', () => {
    const outer = parseHtml('<main></main>', 'http://localhost/').doc; // frames load quietly off
    const inner = toDocument(chain);
    // happy-dom loads no frame pages: give the frame its document as a browser would.
    const frame = outer.createElement('iframe');
    Object.defineProperty(frame, 'contentDocument', { get: () => inner });
    outer.querySelector('main')?.append(frame);
    const out = reader.read(outer, 'http://localhost/frame.html', FIXTURE_NOW);
    expect(out.ok && out.snapshot.kind === 'option-chain' && out.snapshot.expiries[0]).toEqual({
      expiry: '2026-12-18',
      root: null,
      settlement: null,
      rows: [
        {
          strike: 6000,
          call: null,
          put: { bid: 22.3, ask: 22.7, last: null, volume: null, openInterest: null, iv: null, delta: null },
        },
      ],
    });
  });

  it('skips a cross-origin iframe (access throws) without failing the read', () => {
    const outer = parseHtml(chain, 'http://localhost/').doc;
    const frame = outer.createElement('iframe');
    Object.defineProperty(frame, 'contentDocument', {
      get: () => {
        throw new Error('SecurityError: Blocked a frame with origin');
      },
    });
    outer.body.prepend(frame);
    const out = reader.read(outer, 'http://localhost/frame.html', FIXTURE_NOW);
    expect(out.ok).toBe(true);
  });
});

describe('generic-table roots from headings', () => {
  const table = `<table><tr><th>Strike</th><th>Type</th><th>Bid</th><th>Ask</th></tr>
    <tr><td>6000</td><td>Put</td><td>22.30</td><td>22.70</td></tr></table>`;
  const read = (html: string) => {
    const out = reader.read(toDocument(html), 'http://localhost/chain.html', FIXTURE_NOW);
    return out.ok && out.snapshot.kind === 'option-chain'
      ? out.snapshot.expiries.map((e) => [e.expiry, e.root, e.settlement])
      : out;
  };

  it('takes the root named in the table’s own heading, with its settlement', () => {
    expect(read(`<h3>SPXW Dec 18, 2026 — weekly</h3>${table}<h3>VIX Dec 16, 2026</h3>${table}`)).toEqual([
      ['2026-12-16', 'VIX', 'AM'],
      ['2026-12-18', 'SPXW', 'PM'],
    ]);
  });

  it('does not take a root from page-wide text further up', () => {
    expect(read(`<p>Options on SPX and SPXW</p><h3>Dec 18, 2026</h3>${table}`)).toEqual([
      ['2026-12-18', null, null],
    ]);
  });
});
