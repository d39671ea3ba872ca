// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { readBarchartRows } from '../../lib/readers/page-world/barchart-json';
import { observeBarchart } from '../../lib/readers/page-world/observe-barchart';
import { observeCboe } from '../../lib/readers/page-world/observe-cboe';
import {
  MAX_GRID_ROWS,
  MAX_PAYLOAD_CHARS,
  PAGE_WORLD_HOSTS,
  PAGE_WORLD_MATCHES,
  type PageWorldMessage,
  pageWorldMessage,
} from '../../lib/readers/page-world/protocol';
import { readPageWorldMessage, readPageWorldMessageSliced } from '../../lib/readers/page-world/receive';
import { FIXTURE_NOW, FIXTURES } from './helpers';

const CBOE_URL = 'https://www.cboe.com/delayed_quotes/spx/quote_table';
const BARCHART_URL = 'https://www.barchart.com/stocks/quotes/$SPX/options?expiration=2026-12-17-w';
const load = (site: string, name: string) => readFileSync(join(FIXTURES, site, name), 'utf8');
const expected = (site: string, name: string) => JSON.parse(load(site, `${name}.expected.json`));

describe('readPageWorldMessage', () => {
  it('reads Cboe option-chain JSON into the expected snapshot (bad options counted, not guessed)', () => {
    const msg = pageWorldMessage(
      'cboe-options-json',
      'https://cdn.cboe.com/api/global/delayed_quotes/options/_SPX.json',
      load('cboe', 'options-json.json'),
    );
    const r = readPageWorldMessage(msg, CBOE_URL, FIXTURE_NOW);
    expect(r).toEqual({ ok: true, reader: 'cboe', snapshots: [expected('cboe', 'options-json')] });
  });

  it('reads Barchart grid rows (display strings) into the expected snapshot', () => {
    const msg = pageWorldMessage('barchart-grid', BARCHART_URL, load('barchart', 'grid-rows.json'));
    const r = readPageWorldMessage(msg, BARCHART_URL, FIXTURE_NOW);
    expect(r).toEqual({ ok: true, reader: 'barchart', snapshots: [expected('barchart', 'grid-rows')] });
  });

  it.each([
    ['a string', 'hello'],
    ['another source', { source: 'someone-else', v: 1, kind: 'cboe-options-json', from: '', json: '{}' }],
    ['an unknown kind', { source: 'alvh-page-world', v: 1, kind: 'cookies', from: '', json: '{}' }],
  ])('ignores %s', (_n, data) => {
    expect(readPageWorldMessage(data, CBOE_URL, FIXTURE_NOW)).toBeNull();
  });

  it('refuses oversized payloads before parsing them', () => {
    const msg = pageWorldMessage('cboe-options-json', '', ' '.repeat(MAX_PAYLOAD_CHARS + 1));
    const r = readPageWorldMessage(msg, CBOE_URL, FIXTURE_NOW);
    expect(r?.ok === false && r.failure.reason).toBe('too-large');
  });

  it.each([
    ['invalid JSON', '{nope', 'layout-changed'],
    ['a different shape', '{"data":{"rows":[]}}', 'layout-changed'],
    ['options with no usable symbol', '{"data":{"options":[{"option":"x"}]}}', 'no-rows'],
  ])('names the failure for %s', (_n, json, reason) => {
    const r = readPageWorldMessage(pageWorldMessage('cboe-options-json', '', json), CBOE_URL, FIXTURE_NOW);
    expect(r?.ok === false && r.failure.reason).toBe(reason);
  });
});

describe('readBarchartRows payload shapes', () => {
  const grouped = JSON.parse(load('barchart', 'grid-rows.json')) as {
    data: { Call: unknown[]; Put: unknown[] };
  };
  const rows = (json: unknown) => {
    const r = readBarchartRows(json, BARCHART_URL, FIXTURE_NOW);
    return r.ok ? r.snapshots[0] : r.failure.reason;
  };
  const full = rows(grouped);

  it('reads the same chain from the rows grouped under data, grouped bare, or in one list', () => {
    expect(full).toEqual(expected('barchart', 'grid-rows'));
    expect(rows(grouped.data)).toEqual(full);
    expect(rows([...grouped.data.Call, ...grouped.data.Put])).toEqual(full);
    expect(rows({ data: [...grouped.data.Call, ...grouped.data.Put] })).toEqual(full);
  });

  it.each([
    ['a string', 'rows'],
    ['null', null],
    ['a group that is not a list', { data: { Call: grouped.data.Call, Put: 5 } }],
    ['a bare group that is not a list', { Call: grouped.data.Call, Put: 'none' }],
    ['a list over the row limit', { Call: new Array(MAX_GRID_ROWS + 1).fill({}) }],
    ['a class instance', { data: new Map([['Call', grouped.data.Call]]) }],
  ])('refuses %s as a layout change', (_n, json) => {
    expect(rows(json)).toBe('layout-changed');
  });
});

describe('observeCboe', () => {
  it('passes the page request through untouched and posts a copy of chain JSON only', async () => {
    const body = load('cboe', 'options-json.json');
    const pageFetch = vi.fn(
      async (input: RequestInfo | URL) => new Response(String(input).includes('_SPX') ? body : '{}'),
    );
    const win = { fetch: pageFetch, XMLHttpRequest: undefined } as unknown as Window & typeof globalThis;
    const posted: PageWorldMessage[] = [];
    const stop = observeCboe(win, (m) => posted.push(m));
    const chainUrl = 'https://cdn.cboe.com/api/global/delayed_quotes/options/_SPX.json';
    const res = await win.fetch(chainUrl);
    expect(await res.text()).toBe(body); // the page still gets its whole response
    await win.fetch('https://www.cboe.com/other.json');
    await new Promise((r) => setTimeout(r, 10));
    expect(pageFetch).toHaveBeenCalledTimes(2); // only the page's own two calls, none of ours
    expect(posted.map((m) => [m.kind, m.from])).toEqual([['cboe-options-json', chainUrl]]);
    expect(posted[0]?.json).toBe(body);
    stop();
    expect(win.fetch).toBe(pageFetch);
  });
});

describe('observeBarchart', () => {
  it('posts the rows held on the grid element property', async () => {
    document.body.innerHTML = '<bc-data-grid></bc-data-grid>';
    const grid = document.querySelector('bc-data-grid') as Element & { gridData?: unknown };
    const rows = JSON.parse(load('barchart', 'grid-rows.json')).data.Call;
    grid.gridData = { rows };
    const posted: PageWorldMessage[] = [];
    const stop = observeBarchart(
      document,
      (m) => posted.push(m),
      (fn, ms) => window.setTimeout(fn, ms),
      (id) => window.clearTimeout(id),
    );
    await new Promise((r) => setTimeout(r, 600));
    stop();
    expect(posted).toHaveLength(1);
    const sent = JSON.parse(posted[0]?.json ?? '[]');
    expect(sent).toHaveLength(rows.length);
    expect(sent[0]).toEqual(rows[0]);
  });
});

describe('observeCboe with XMLHttpRequest', () => {
  it("copies the chain response of the page's own XHR after it loads", () => {
    const listeners: (() => void)[] = [];
    class FakeXhr {
      status = 200;
      responseType = '';
      responseText = '{"data":{"options":[]}}';
      opened: unknown[] = [];
      open(...args: unknown[]): void {
        this.opened = args;
      }
      addEventListener(_type: string, fn: () => void): void {
        listeners.push(fn);
      }
    }
    const win = { fetch: undefined, XMLHttpRequest: FakeXhr } as unknown as Window & typeof globalThis;
    const posted: PageWorldMessage[] = [];
    const stop = observeCboe(win, (m) => posted.push(m));
    const xhr = new FakeXhr();
    const url = 'https://cdn.cboe.com/api/global/delayed_quotes/options/_SPX.json';
    (xhr as unknown as XMLHttpRequest).open('GET', url);
    expect(xhr.opened).toEqual(['GET', url]); // the page's call went through unchanged
    for (const fn of listeners) fn();
    stop();
    expect(posted.map((m) => [m.kind, m.from, m.json])).toEqual([
      ['cboe-options-json', url, '{"data":{"options":[]}}'],
    ]);
  });
});

describe('page-world messages by host', () => {
  it('each host is listened to only in the shape its observer posts', () => {
    const msg = pageWorldMessage('barchart-grid', BARCHART_URL, load('barchart', 'grid-rows.json'));
    expect(readPageWorldMessage(msg, CBOE_URL, FIXTURE_NOW, PAGE_WORLD_HOSTS['www.cboe.com'])).toBeNull();
    expect(
      readPageWorldMessage(msg, BARCHART_URL, FIXTURE_NOW, PAGE_WORLD_HOSTS['www.barchart.com'])?.ok,
    ).toBe(true);
    expect(PAGE_WORLD_HOSTS['127.0.0.1']).toBeUndefined();
    expect(PAGE_WORLD_MATCHES).toEqual(['https://www.cboe.com/*', 'https://www.barchart.com/*']);
  });

  it('the sliced read gives the same snapshot as the one-go read, pausing on the way', async () => {
    const msg = pageWorldMessage('cboe-options-json', '', load('cboe', 'options-json.json'));
    let pauses = 0;
    const sliced = await readPageWorldMessageSliced(msg, CBOE_URL, FIXTURE_NOW, 'cboe-options-json', {
      budgetMs: 0,
      yieldEvery: async () => {
        pauses++;
      },
    });
    expect(sliced).toEqual(readPageWorldMessage(msg, CBOE_URL, FIXTURE_NOW));
    expect(pauses).toBeGreaterThan(0);
  });

  it('the sliced read resolves in a task of its own: the send to the background never joins the last slice', async () => {
    const msg = pageWorldMessage('cboe-options-json', '', load('cboe', 'options-json.json'));
    const events: string[] = [];
    // A budget no slice reaches: the one pause is the one after the last slice.
    const sliced = readPageWorldMessageSliced(msg, CBOE_URL, FIXTURE_NOW, 'cboe-options-json', {
      budgetMs: Number.POSITIVE_INFINITY,
      yieldEvery: async () => {
        events.push('pause');
      },
    }).then((r) => {
      events.push('result');
      return r;
    });
    expect((await sliced)?.ok).toBe(true);
    expect(events).toEqual(['pause', 'result']);
  });
});
