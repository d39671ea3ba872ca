/**
 * Keeps docs/ honest (issue 16 point 1): every repo path the docs cite exists, every relative
 * link resolves, the defaults table of docs/method.md equals DEFAULT_SETTINGS key by key, no
 * comment in the code points to a document that is not in the repo (ALVH.md, STYLE.md,
 * DESIGN.md lived outside it), and every repo file a product comment cites exists.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../lib/schema/settings';

const ROOT = resolve(__dirname, '../..');
const DOCS = join(ROOT, 'docs');
const docFiles = readdirSync(DOCS).filter((f) => f.endsWith('.md'));
const read = (f: string) => readFileSync(join(DOCS, f), 'utf8');

/** Top-level folders a cited repo path may start with. */
const REPO_ROOTS = ['lib', 'components', 'entrypoints', 'tests', 'docs', 'scripts', 'assets'];
const PATH_RE = new RegExp(`(?:^|[\\s\`(])((?:${REPO_ROOTS.join('|')})/[A-Za-z0-9_./@*<>-]*)`, 'g');

/** Repo paths cited in a Markdown text (globs and trailing punctuation left out). */
function citedPaths(text: string): string[] {
  const out = new Set<string>();
  for (const m of text.matchAll(PATH_RE)) {
    const p = (m[1] as string).replace(/[.,:;)]+$/, '');
    if (p.includes('*') || p.includes('<')) continue;
    out.add(p);
  }
  return [...out];
}

/** Every `key.path` of an object's leaves. */
function leafKeys(o: object, prefix = ''): [string, unknown][] {
  return Object.entries(o).flatMap(([k, v]) =>
    v !== null && typeof v === 'object' ? leafKeys(v, `${prefix}${k}.`) : [[`${prefix}${k}`, v]],
  );
}

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...sourceFiles(p));
    else if (/\.(ts|tsx|mjs|py|html)$/.test(name)) out.push(p);
  }
  return out;
}

describe('docs/*.md', () => {
  it('exist: method.md and architecture.md', () => {
    expect(docFiles).toEqual(expect.arrayContaining(['method.md', 'architecture.md']));
  });

  it('finds cited paths the way a reader sees them', () => {
    expect(citedPaths('see `lib/engine/condor/score.ts`, and tests/engine/plan.test.ts.')).toEqual([
      'lib/engine/condor/score.ts',
      'tests/engine/plan.test.ts',
    ]);
    expect(citedPaths('`tests/fixtures/readers/*/*.expected.json` and `../shared/data`')).toEqual([]);
  });

  it.each(docFiles)('%s cites only repo paths that exist', (f) => {
    const missing = citedPaths(read(f)).filter((p) => !existsSync(join(ROOT, p)));
    expect(missing).toEqual([]);
  });

  it.each(docFiles)('%s links only to files that exist', (f) => {
    const links = [...read(f).matchAll(/\]\(([^)#\s]+)(?:#[^)]*)?\)/g)].map((m) => m[1] as string);
    const broken = links.filter((l) => !/^https?:/.test(l) && !existsSync(resolve(DOCS, l)));
    expect(broken).toEqual([]);
  });

  it.each(docFiles)('%s has every in-page anchor it links to', (f) => {
    const text = read(f);
    const slug = (h: string) =>
      h
        .trim()
        .toLowerCase()
        .replace(/[^\p{L}\p{N} -]/gu, '')
        .replace(/ /g, '-');
    const anchors = new Set([...text.matchAll(/^#{1,6} (.+)$/gm)].map((m) => slug(m[1] as string)));
    const used = [...text.matchAll(/\]\(#([^)]+)\)/g)].map((m) => m[1] as string);
    expect(used.filter((a) => !anchors.has(a))).toEqual([]);
  });
});

describe('docs/method.md defaults table', () => {
  const rows = new Map<string, string>();
  for (const m of read('method.md').matchAll(/^\| `([a-zA-Z.]+)` \| ([^|]+) \|/gm))
    rows.set(m[1] as string, (m[2] as string).trim());

  it.each(leafKeys(DEFAULT_SETTINGS))('lists %s with its default %s', (key, value) => {
    expect(rows.get(key)).toBe(String(value));
  });

  it('lists no setting that does not exist', () => {
    const keys = new Set(leafKeys(DEFAULT_SETTINGS).map(([k]) => k));
    expect([...rows.keys()].filter((k) => k.includes('.') && !keys.has(k))).toEqual([]);
  });
});

describe('code comments', () => {
  const files = ['lib', 'components', 'entrypoints', 'tests'].flatMap((d) => sourceFiles(join(ROOT, d)));
  const self = resolve(__filename);

  it('point to docs in the repo, never to ALVH.md, STYLE.md or DESIGN.md', () => {
    const outside = files
      .filter((p) => p !== self)
      .flatMap((p) =>
        readFileSync(p, 'utf8')
          .split('\n')
          .map((line, i) => ({ at: `${p.slice(ROOT.length + 1)}:${i + 1}`, line }))
          .filter(({ line }) => /\b(ALVH|STYLE|DESIGN)\.md\b/.test(line))
          .map(({ at }) => at),
      );
    expect(outside).toEqual([]);
  });

  it('cite repo files that exist (lib/, components/, entrypoints/ comments)', () => {
    const code = files.filter((p) => /^(lib|components|entrypoints)\//.test(p.slice(ROOT.length + 1)));
    const cited = code.flatMap((p) =>
      [
        ...readFileSync(p, 'utf8').matchAll(
          /(?<![\w./-])((?:lib|components|entrypoints|tests)\/[\w./-]+\.(?:ts|tsx|json|md|py|html))/g,
        ),
      ].map((m) => ({ at: p.slice(ROOT.length + 1), path: m[1] as string })),
    );
    expect(cited.length).toBeGreaterThan(20);
    expect(cited.filter(({ path }) => !existsSync(join(ROOT, path)))).toEqual([]);
  });

  it('cite docs/ files that exist', () => {
    const cited = files.flatMap((p) =>
      [...readFileSync(p, 'utf8').matchAll(/docs\/([a-z-]+\.md)/g)].map((m) => m[1] as string),
    );
    expect(cited.filter((f) => !existsSync(join(DOCS, f)))).toEqual([]);
  });
});
