/**
 * Size report for the built extension (.output/chrome-mv3): gzipped size of every JS bundle
 * (content scripts, background, page chunks), and what the broker content script is made of
 * (minified bytes per source module, from a separate Vite build of the same entry, because
 * WXT's build keeps no module map). Used by browser.bench.ts; also runs on its own:
 * `npx tsx tests/bench/size-report.ts` (after `npx wxt build`).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import preact from '@preact/preset-vite';
import { build, type Rolldown } from 'vite';
import { BUDGETS } from './budgets';

/** The content script budget (issue 7, budgets.ts): gzipped bytes of content-scripts/broker.js. */
export const CONTENT_SCRIPT_BUDGET_BYTES = BUDGETS.contentScriptGzipKb.limit * 1024;

export interface BundleSize {
  /** Path under the output folder, e.g. `content-scripts/broker.js`. */
  file: string;
  rawBytes: number;
  /** gzip level 9 (as `gzip -9`), bytes. */
  gzipBytes: number;
}

/** Every .js file under `outDir`, sizes raw and gzipped, largest gzipped first. */
export function bundleSizes(outDir: string): BundleSize[] {
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const p = path.join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name.endsWith('.js')) files.push(p);
    }
  };
  walk(outDir);
  return files
    .map((p) => {
      const bytes = readFileSync(p);
      return {
        file: path.relative(outDir, p).split(path.sep).join('/'),
        rawBytes: bytes.length,
        gzipBytes: gzipSync(bytes, { level: 9 }).length,
      };
    })
    .sort((a, b) => b.gzipBytes - a.gzipBytes);
}

/** Packages whose share of the content script is measured by leaving them out. */
const MEASURED_PACKAGES = ['zod', 'papaparse', 'preact'] as const;

export interface PackageCost {
  name: string;
  /** Gzipped bytes the bundle loses when this package is left out (marked external). */
  gzipBytes: number;
}

/**
 * What the broker content script is made of. WXT keeps no module map, so this builds the code
 * its entry runs (`mountOverlay` + `startContentScript`) again with Vite (minified, tree-shaken,
 * not written), once whole and once per package with that package left out; a package's cost
 * is the gzipped difference. The whole build is close to, not equal to, WXT's own bundle.
 */
export async function brokerComposition(
  repoRoot: string,
): Promise<{ totalGzipBytes: number; packages: PackageCost[] }> {
  const entryId = '\0alvh-size-entry';
  const entryCode = [
    `import { mountOverlay } from ${JSON.stringify(path.join(repoRoot, 'components/overlay/mount'))};`,
    `import { startContentScript } from ${JSON.stringify(path.join(repoRoot, 'lib/content/start-content'))};`,
    'globalThis.__alvhEntry = [mountOverlay, startContentScript];',
  ].join('\n');
  const gzipOfBuild = async (leaveOut: string | null): Promise<number> => {
    const result = await build({
      configFile: false,
      logLevel: 'silent',
      root: repoRoot,
      plugins: [
        preact(),
        {
          name: 'alvh-size-entry',
          resolveId: (id: string) => (id === 'alvh-size-entry' ? entryId : null),
          load: (id: string) => (id === entryId ? entryCode : null),
        },
      ],
      resolve: { alias: { '@': repoRoot } },
      build: {
        write: false,
        minify: true,
        rollupOptions: {
          input: 'alvh-size-entry',
          external: leaveOut ? (id: string) => id === leaveOut || id.startsWith(`${leaveOut}/`) : [],
        },
      },
    });
    const outputs = (Array.isArray(result) ? result : [result]) as Rolldown.RolldownOutput[];
    const code = outputs
      .flatMap((o) => o.output.flatMap((c) => (c.type === 'chunk' ? [c.code] : [])))
      .join('\n');
    return gzipSync(code, { level: 9 }).length;
  };
  const totalGzipBytes = await gzipOfBuild(null);
  const packages: PackageCost[] = [];
  for (const name of MEASURED_PACKAGES)
    packages.push({ name, gzipBytes: totalGzipBytes - (await gzipOfBuild(name)) });
  return { totalGzipBytes, packages };
}

const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;

/** Prints the bundle table and the broker composition; returns broker.js's gzipped bytes. */
export async function printSizeReport(outDir: string, repoRoot: string): Promise<number | null> {
  const sizes = bundleSizes(outDir);
  console.log('bundle (gzip -9)                          raw        gzipped');
  for (const s of sizes)
    console.log(`${s.file.padEnd(40)}  ${kb(s.rawBytes).padStart(9)}  ${kb(s.gzipBytes).padStart(9)}`);
  const broker = sizes.find((s) => s.file === 'content-scripts/broker.js');
  try {
    const { totalGzipBytes, packages } = await brokerComposition(repoRoot);
    console.log(
      `broker content script by source (a Vite build of its entry, ${kb(totalGzipBytes)} gzipped; a package's share = what leaving it out saves):`,
    );
    let own = totalGzipBytes;
    for (const p of packages) {
      own -= p.gzipBytes;
      console.log(`  ${p.name.padEnd(36)} ${kb(p.gzipBytes).padStart(9)} gzipped`);
    }
    console.log(`  ${'the rest (our lib/ and components/)'.padEnd(36)} ${kb(own).padStart(9)} gzipped`);
  } catch (err) {
    console.log(`broker composition not measured: the Vite build failed (${String(err).slice(0, 200)})`);
  }
  return broker?.gzipBytes ?? null;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await printSizeReport(path.resolve('.output/chrome-mv3'), process.cwd());
}
