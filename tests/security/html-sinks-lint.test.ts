/**
 * The lint rule (.biome/no-html-sinks.grit) really fires: each HTML sink written into a
 * probe file under lib/ is reported, and the same file under tests/ is not (fixtures may
 * build DOM from strings there).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const SINKS = [
  'el.innerHTML = text;',
  'el.outerHTML = text;',
  "el.insertAdjacentHTML('beforeend', text);",
  'document.write(text);',
];
const probeDir = path.resolve('lib/__lint-probe__');

function lint(...files: string[]): string {
  const r = spawnSync('npx', ['biome', 'lint', '--max-diagnostics=50', ...files], { encoding: 'utf8' });
  return `${r.stdout ?? ''}${r.stderr ?? ''}`;
}

describe('no-html-sinks lint rule', () => {
  afterEach(() => fs.rmSync(probeDir, { recursive: true, force: true }));

  it.each(SINKS)('reports `%s` in product code', (sink) => {
    fs.mkdirSync(probeDir, { recursive: true });
    const file = path.join(probeDir, `probe-${SINKS.indexOf(sink)}.ts`);
    fs.writeFileSync(file, `export function f(el: HTMLElement, text: string): void {\n  ${sink}\n}\n`);
    expect(lint(file)).toContain('HTML sink');
  });

  it('reports dangerouslySetInnerHTML in a component', () => {
    fs.mkdirSync(probeDir, { recursive: true });
    const file = path.join(probeDir, 'probe.tsx');
    fs.writeFileSync(
      file,
      'export const P = (p: { t: string }) => <div dangerouslySetInnerHTML={{ __html: p.t }} />;\n',
    );
    expect(lint(file)).toMatch(/noDangerouslySetInnerHtml/);
  });

  it('product code has no HTML sink today', () => {
    const out = lint('lib', 'components', 'entrypoints');
    expect(out).not.toContain('HTML sink');
    expect(out).toMatch(/Checked \d+ files?/);
  });
});
