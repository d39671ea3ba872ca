/**
 * Least privilege: the built manifests ask for exactly the permissions the README justifies,
 * and never for <all_urls>.
 */
import fs from 'node:fs';
import { expect, test } from '@playwright/test';

interface Manifest {
  permissions?: string[];
  host_permissions?: string[];
  optional_permissions?: string[];
  optional_host_permissions?: string[];
  content_scripts?: { matches: string[] }[];
}

const readme = fs.readFileSync('README.md', 'utf8');
const section = readme.slice(readme.indexOf('## Permissions'), readme.indexOf('## Supported sites'));
/** Every `code` span in the first column of the README's permission table. */
const justified = new Set(
  section
    .split('\n')
    .filter((l) => l.startsWith('| ') && !l.startsWith('| permission') && !l.startsWith('|---'))
    .flatMap((l) => [...(l.split('|')[1] ?? '').matchAll(/`([^`]+)`/g)].map((m) => m[1] as string)),
);

function load(dir: string): Manifest {
  return JSON.parse(fs.readFileSync(`.output/${dir}/manifest.json`, 'utf8')) as Manifest;
}

test('Chrome manifest permissions equal the README list', () => {
  const m = load('chrome-mv3');
  const asked = [
    ...(m.permissions ?? []),
    ...(m.host_permissions ?? []),
    ...(m.optional_permissions ?? []),
    ...(m.optional_host_permissions ?? []),
  ];
  expect(new Set(asked)).toEqual(justified);
  // Local pages: no standing access, only the optional permission the user grants.
  const local = /^http:\/\/(127\.0\.0\.1|localhost)\//;
  expect((m.host_permissions ?? []).filter((p) => local.test(p))).toEqual([]);
  expect((m.content_scripts ?? []).flatMap((cs) => cs.matches).filter((p) => local.test(p))).toEqual([]);
  expect(m.optional_host_permissions).toEqual(['http://127.0.0.1/*', 'http://localhost/*']);
  expect(asked.join(' ')).not.toMatch(/<all_urls>|\*:\/\/\*\//);
  for (const cs of m.content_scripts ?? []) for (const p of cs.matches) expect(justified.has(p)).toBe(true);
});

test('Firefox manifest asks for nothing beyond the README list', () => {
  const m = load('firefox-mv2');
  // MV2 keeps hosts in `permissions`; sidePanel is Chrome-only.
  const asked = [...(m.permissions ?? []), ...(m.optional_permissions ?? [])];
  for (const p of asked) expect(justified.has(p), `${p} is justified in README.md`).toBe(true);
  expect(asked.join(' ')).not.toMatch(/<all_urls>/);
});
