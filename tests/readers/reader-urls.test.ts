// @vitest-environment happy-dom
/**
 * A site reader lives in four places (docs/architecture.md, "Adding a site reader"): its file,
 * whose `PAGE_URLS` list the pages its URL predicate is for and the near-misses it must
 * refuse; its registry entry; the manifest's host permission; its README row. This table
 * keeps the four in step for every reader in the registry: each example page is recognised
 * by its reader and by no other site reader (two would refuse the page), each near-miss by no
 * site reader, each page is inside the built manifest's patterns, and each reader has its row.
 * `detect` runs on an empty page, so only the URL decides.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MatchPattern } from '@webext-core/match-patterns';
import { beforeAll, describe, expect, it } from 'vitest';
import { SUPPORTED_SITE_MATCHES } from '../../lib/permissions';
import { GENERIC_READERS, READERS, SITE_READERS } from '../../lib/readers/registry';
import type { ChainReader, PageUrls } from '../../lib/readers/types';
import config from '../../wxt.config';
import { FIXTURES, fixtures } from './helpers';

const ROOT = join(FIXTURES, '..', '..', '..');

interface Manifest {
  host_permissions?: string[];
  optional_host_permissions?: string[];
}

/** The Chrome manifest as `wxt build` writes it (its permissions come from this config). */
async function chromeManifest(): Promise<Manifest> {
  const m = config.manifest;
  const env = { browser: 'chrome', manifestVersion: 3, mode: 'production', command: 'build' } as const;
  return (typeof m === 'function' ? await m(env as never) : m) as Manifest;
}

function covered(url: string, patterns: readonly string[]): boolean {
  return patterns.some((p) => new MatchPattern(p).includes(url));
}

/** Each registered reader's `PAGE_URLS`, imported from its file (named by its id). */
const urlsOf = new Map<string, PageUrls | undefined>();
for (const r of READERS) {
  const mod = (await import(`../../lib/readers/${r.id}.ts`)) as { PAGE_URLS?: PageUrls };
  urlsOf.set(r.id, mod.PAGE_URLS);
}

function urls(r: ChainReader): PageUrls {
  const u = urlsOf.get(r.id);
  if (!u) throw new Error(`lib/readers/${r.id}.ts exports no PAGE_URLS`);
  return u;
}

/** An empty page: detect decides by the URL alone. */
const EMPTY = () => document.implementation.createHTMLDocument('');
const siteReadersOn = (url: string) => SITE_READERS.filter((s) => s.detect(EMPTY(), url)).map((s) => s.id);

let hostPermissions: string[] = [];
let optionalHostPermissions: string[] = [];
beforeAll(async () => {
  const m = await chromeManifest();
  hostPermissions = m.host_permissions ?? [];
  optionalHostPermissions = m.optional_host_permissions ?? [];
});

describe('site readers: example pages and near-misses', () => {
  it('the supported sites content script runs on the host permissions', () => {
    const src = readFileSync(join(ROOT, 'entrypoints', 'broker.content', 'index.ts'), 'utf8');
    expect(src).toContain('matches: [...SUPPORTED_SITE_MATCHES]');
    expect(hostPermissions).toEqual([...SUPPORTED_SITE_MATCHES]);
  });

  describe.each(SITE_READERS.map((r) => [r.id, r] as const))('%s', (_id, r) => {
    it('has example pages and near-misses next to its predicate', () => {
      expect(urls(r).pages.length).toBeGreaterThanOrEqual(2);
      expect(urls(r).nearMisses.length).toBeGreaterThanOrEqual(3);
    });

    it('recognises each example page, and no other site reader does', () => {
      for (const url of urls(r).pages) expect(siteReadersOn(url), url).toEqual([r.id]);
    });

    it('each example page is inside its matches and a standing host permission', () => {
      for (const url of urls(r).pages) {
        expect(covered(url, r.matches), `${url} in ${r.id}.matches`).toBe(true);
        expect(covered(url, hostPermissions), `${url} in host_permissions`).toBe(true);
      }
    });

    it('no site reader recognises a near-miss (the generic readers try it)', () => {
      for (const url of urls(r).nearMisses) expect(siteReadersOn(url), url).toEqual([]);
    });
  });
});

describe('fixture pages', () => {
  // Each fixture's page URL (its expected.json source): a fixture of a site reader is recognised
  // by its URL alone, by that reader only; a generic fixture's URL by no site reader.
  // (A failure fixture without a source gets http://localhost/ in helpers.ts: no URL of its own.)
  const pages = fixtures().filter((f) => /^https?:\/\//.test(f.url) && f.url !== 'http://localhost/');
  it.each(pages.map((f) => [`${f.site}/${f.page}`, f] as const))(
    '%s: its URL is recognised by its own reader only',
    (_p, f) => {
      const isSite = SITE_READERS.some((r) => r.id === f.site);
      expect(siteReadersOn(f.url), f.url).toEqual(isSite ? [f.site] : []);
    },
  );
});

describe('generic readers: local pages, and pages outside every pattern', () => {
  describe.each(GENERIC_READERS.map((r) => [r.id, r] as const))('%s', (_id, r) => {
    it('example pages: no site reader recognises them; inside the optional local-page permission', () => {
      expect(urls(r).pages.length).toBeGreaterThanOrEqual(2);
      for (const url of urls(r).pages) {
        expect(siteReadersOn(url), url).toEqual([]);
        expect(r.detect(EMPTY(), url), url).toBe(true);
        expect(covered(url, r.matches), `${url} in ${r.id}.matches`).toBe(true);
        expect(covered(url, optionalHostPermissions), `${url} in optional_host_permissions`).toBe(true);
      }
    });

    it('near-misses are outside every manifest pattern (read only after a toolbar click)', () => {
      expect(urls(r).nearMisses.length).toBeGreaterThanOrEqual(3);
      for (const url of urls(r).nearMisses) {
        expect(siteReadersOn(url), url).toEqual([]);
        expect(covered(url, [...hostPermissions, ...optionalHostPermissions]), url).toBe(false);
      }
    });
  });
});

describe('README "Supported sites"', () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Supported sites'), readme.indexOf('## Trust under abuse'));
  /** Table rows by the reader id in their second column. */
  const rows = new Map(
    section
      .split('\n')
      .filter((l) => l.startsWith('| ') && !l.startsWith('| Site'))
      .map((l) => [(l.split('|')[2] ?? '').trim(), l] as const),
  );

  it.each(READERS.map((r) => [r.id, r] as const))('has a row for %s naming its URL patterns', (id, r) => {
    const row = rows.get(`\`${id}\``);
    expect(row, `README row with reader id \`${id}\``).toBeDefined();
    if (SITE_READERS.includes(r)) {
      for (const m of r.matches) expect(row?.split('|')[3] ?? '').toContain(`\`${m}\``);
    }
  });
});
