/**
 * Keeps registry, reader files, fixture folders, test files and URL permissions in step
 * (docs/architecture.md): adding a reader without its fixtures, tests or registry line fails here.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { READABLE_MATCHES } from '../../lib/permissions';
import { PAGE_WORLD_MATCHES } from '../../lib/readers/page-world/protocol';
import { GENERIC_READERS, READERS, SITE_READERS } from '../../lib/readers/registry';
import { FIXTURES } from './helpers';

const ROOT = join(FIXTURES, '..', '..', '..');
const READERS_DIR = join(ROOT, 'lib', 'readers');
/** Readers that are not page readers (no registry entry) but own a fixture folder and test. */
const NON_PAGE = ['csv'];

/** True when URL match pattern `inner` only matches URLs `outer` matches. */
function within(inner: string, outer: string): boolean {
  const base = outer.replace(/\*$/, '');
  return outer.endsWith('/*') ? inner.startsWith(base) : inner === outer;
}

describe('reader registry', () => {
  const ids = READERS.map((r) => r.id);

  it('has unique ids, site readers first and generic-table last', () => {
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.at(-1)).toBe('generic-table');
    expect(READERS).toEqual([...SITE_READERS, ...GENERIC_READERS]);
  });

  it('lists every reader file, and every listed reader has its file', () => {
    const files = readdirSync(READERS_DIR).filter((f) => f.endsWith('.ts'));
    const withReader = files
      .filter((f) => /export const reader: ChainReader/.test(readFileSync(join(READERS_DIR, f), 'utf8')))
      .map((f) => f.replace(/\.ts$/, ''))
      .sort();
    expect(withReader).toEqual([...ids].sort());
  });

  it('has one fixture folder per reader (plus csv) and nothing else', () => {
    const folders = readdirSync(FIXTURES, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name)
      .sort();
    expect(folders).toEqual([...ids, ...NON_PAGE].sort());
  });

  it.each([...ids, ...NON_PAGE])('%s has tests/readers/%s.test.ts', (id) => {
    expect(existsSync(join(ROOT, 'tests', 'readers', `${id}.test.ts`))).toBe(true);
    if (!NON_PAGE.includes(id)) {
      expect(readFileSync(join(ROOT, 'tests', 'readers', `${id}.test.ts`), 'utf8')).toContain(
        `describePageReader('${id}')`,
      );
    }
  });

  it.each(READERS.map((r) => [r.id, r.matches] as const))(
    '%s matches only supported sites',
    (_id, matches) => {
      expect(matches.length).toBeGreaterThan(0);
      for (const m of matches) expect(READABLE_MATCHES.some((s) => within(m, s))).toBe(true);
    },
  );

  it('runs the page-world script on Cboe and Barchart only', () => {
    const src = readFileSync(join(ROOT, 'entrypoints', 'page-world.content.ts'), 'utf8');
    expect(src).toContain('matches: [...PAGE_WORLD_MATCHES]');
    expect(PAGE_WORLD_MATCHES).toEqual(['https://www.cboe.com/*', 'https://www.barchart.com/*']);
    expect(src).toContain("world: 'MAIN'");
  });
});
