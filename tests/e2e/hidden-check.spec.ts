/**
 * lib/readers/hidden.ts in real Chromium: its quick answer (checkVisibility) must agree with the
 * computed-style check it stands in for, on every kind of element a page can hide or show —
 * stylesheet and inline display:none, visibility hidden/collapse (own and inherited),
 * display:contents wrappers, a closed select's options, a closed <details>, content-visibility.
 * The module is bundled as it is (esbuild) into a plain page; no extension needed.
 */
import { chromium, expect, test } from '@playwright/test';
import { buildSync } from 'esbuild';
import { findBrowser } from '../support/find-browser';

const PAGE = `<!doctype html><html><head><style>
.gone { display: none } .ghost { visibility: hidden } .fold { visibility: collapse }
.thru { display: contents } .lazy { content-visibility: hidden } .back { visibility: visible }
</style></head><body>
<table id="t"><tr id="r1"><td id="c1">1</td><td id="c2" class="gone">2</td><td id="c3" class="ghost">3</td></tr>
<tr id="r2" class="fold"><td id="c4">4</td></tr></table>
<div id="w" class="thru"><span id="s1">in a contents wrapper</span></div>
<div id="g" class="ghost"><span id="s2">inherits hidden</span><span id="s3" class="back">shown again</span></div>
<select id="sel"><option id="o1">2026-12-18</option><option id="o2" selected>2027-01-15</option></select>
<details id="d"><summary id="sum">more</summary><p id="p1">folded text</p></details>
<div id="lazy" class="lazy"><p id="p2">skipped content</p></div>
<p id="inl" style="display:none">inline</p><p id="plain">plain</p>
</body></html>`;

test('the quick visibility answer agrees with the computed style on every element', async () => {
  const bundle = buildSync({
    stdin: {
      contents:
        "import { isHiddenElement } from './lib/readers/hidden';\n(globalThis as any).isHiddenElement = isHiddenElement;",
      loader: 'ts',
      resolveDir: process.cwd(),
    },
    bundle: true,
    write: false,
    format: 'iife',
  }).outputFiles[0]?.text;
  const browser = await chromium.launch({ executablePath: await findBrowser(), headless: true });
  try {
    const page = await browser.newPage();
    await page.setContent(PAGE);
    await page.addScriptTag({ content: bundle ?? '' });
    const rows = (await page.evaluate(`[...document.querySelectorAll('body *')].map((el) => {
      const map = el.computedStyleMap();
      const display = String(map.get('display'));
      const visibility = String(map.get('visibility'));
      const inline = /display\\s*:\\s*none/.test(el.getAttribute('style') ?? '');
      return {
        id: el.id || el.tagName,
        quick: isHiddenElement(el),
        exact: inline || display === 'none' || visibility === 'hidden' || visibility === 'collapse',
      };
    })`)) as { id: string; quick: boolean; exact: boolean }[];
    expect(rows.length).toBeGreaterThan(20);
    expect(rows.filter((r) => r.quick !== r.exact)).toEqual([]);
    // The page does hide and show what it says (the check is not vacuous).
    const hidden = rows.filter((r) => r.quick).map((r) => r.id);
    expect(hidden).toEqual(expect.arrayContaining(['c2', 'c3', 'r2', 'g', 's2', 'inl']));
    expect(hidden).not.toEqual(expect.arrayContaining(['w']));
    expect(
      hidden.filter((id) => ['c1', 's1', 's3', 'o1', 'o2', 'plain', 'w', 'p1', 'p2'].includes(id)),
    ).toEqual([]);
  } finally {
    await browser.close();
  }
});
