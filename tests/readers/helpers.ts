/**
 * Shared helpers for reader tests: load fixtures into a DOM, and the contract every page
 * reader passes (docs/architecture.md): detect true on its own pages and false on other sites',
 * read deep-equals <page>.expected.json, output passes the snapshot schema.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { attachDeclarativeShadowRoots } from '../../lib/cli/parse-html';
import { READERS } from '../../lib/readers/registry';
import type { ChainReader } from '../../lib/readers/types';
import { snapshotSchema } from '../../lib/schema/snapshot';

export const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'readers');
/** The instant every expected.json was written for (make_fixtures.py NOW). */
export const FIXTURE_NOW = '2026-11-26T15:00:00.000Z';
/** Shared public data (never copied into the repo); tests skip when it is absent. */
export const SHARED_DATA = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'shared', 'data');

export interface Fixture {
  site: string;
  page: string;
  html: string;
  expected: Record<string, unknown>;
  url: string;
}

/** Parses HTML in the test's DOM environment (happy-dom), attaching declarative shadow roots. */
export function toDocument(html: string): Document {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  attachDeclarativeShadowRoots(doc);
  return doc;
}

/** Default URL for a failure fixture (no source in its expected.json). */
const FAILURE_URLS: Record<string, string> = {
  barchart: 'https://www.barchart.com/stocks/quotes/$SPX/options',
};

/** All HTML fixtures of a site folder (or of every folder when `site` is omitted). */
export function fixtures(site?: string): Fixture[] {
  const sites = site
    ? [site]
    : readdirSync(FIXTURES, { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => d.name);
  const out: Fixture[] = [];
  for (const s of sites) {
    for (const f of readdirSync(join(FIXTURES, s))
      .filter((n) => n.endsWith('.html'))
      .sort()) {
      const page = f.replace(/\.html$/, '');
      const expected = JSON.parse(readFileSync(join(FIXTURES, s, `${page}.expected.json`), 'utf8')) as Record<
        string,
        unknown
      >;
      const source = expected.source as { url?: string } | undefined;
      out.push({
        site: s,
        page,
        html: readFileSync(join(FIXTURES, s, f), 'utf8'),
        expected,
        url: source?.url ?? FAILURE_URLS[s] ?? 'http://localhost/',
      });
    }
  }
  return out;
}

function readerFor(id: string): ChainReader {
  const r = READERS.find((x) => x.id === id);
  if (!r) throw new Error(`no reader ${id} in the registry`);
  return r;
}

/** The contract tests for one registered page reader, run against its fixture folder. */
export function describePageReader(id: string): void {
  const reader = readerFor(id);
  const own = fixtures(id);
  const generic = id.startsWith('generic-');
  describe(`${id} reader`, () => {
    it('has at least two fixture pages', () => {
      expect(own.length).toBeGreaterThanOrEqual(2);
    });
    it.each(own.map((f) => [f.page, f]))('detects its own page %s', (_p, f) => {
      expect(reader.detect(toDocument(f.html), f.url)).toBe(true);
    });
    if (!generic) {
      const others = fixtures().filter((f) => f.site !== id);
      it.each(others.map((f) => [`${f.site}/${f.page}`, f]))('does not detect %s', (_p, f) => {
        expect(reader.detect(toDocument(f.html), f.url)).toBe(false);
      });
    }
    it.each(own.map((f) => [f.page, f]))('reads %s exactly as expected, schema-valid', (_p, f) => {
      const out = reader.read(toDocument(f.html), f.url, FIXTURE_NOW);
      if ('failure' in f.expected) {
        expect(out).toEqual({ ok: false, failure: f.expected.failure });
        return;
      }
      expect(out.ok).toBe(true);
      if (!out.ok) return;
      expect(out.snapshot).toEqual(f.expected);
      expect(snapshotSchema.safeParse(out.snapshot).success).toBe(true);
    });
  });
}
