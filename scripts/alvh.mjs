#!/usr/bin/env node
/**
 * `npm run alvh`: runs the `alvh` CLI compiled to JavaScript, so a start costs a Node start and
 * not a TypeScript compile (tsx took ~2 s to start `alvh plan`). The CLI (lib/cli/main.ts and
 * what it imports) is bundled with esbuild into `.cli/<build>/alvh.mjs` (gitignored) on install
 * (postinstall) and again here whenever one of the files esbuild read is newer than the bundle
 * or gone. npm packages are bundled too: loading one file beats resolving hundreds of modules.
 *
 * `node scripts/alvh.mjs --build` only (re)builds; anything else is passed to the CLI.
 * Plain JavaScript on purpose: it must run before anything is compiled.
 */
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, '.cli');
const META = join(OUT, 'meta.json');
const ENTRY = 'lib/cli/main.ts';
/** Files whose change also means a rebuild (besides the bundle's own inputs). */
const ALWAYS = ['scripts/alvh.mjs', 'tsconfig.json', 'package.json'];
/** Old build folders are removed once they are this old (a running CLI may still use one), ms. */
const KEEP_OLD_MS = 10 * 60_000;

/** The current build's record, or null when there is none or it cannot be read. */
function readMeta() {
  try {
    const meta = JSON.parse(readFileSync(META, 'utf8'));
    return typeof meta?.dir === 'string' && Array.isArray(meta.inputs) ? meta : null;
  } catch {
    return null;
  }
}

/** True when the bundle is missing or any file it was built from changed or vanished. */
function isStale(meta) {
  if (!meta || !existsSync(join(OUT, meta.dir, 'alvh.mjs'))) return true;
  for (const file of [...meta.inputs, ...ALWAYS]) {
    try {
      if (statSync(join(ROOT, file)).mtimeMs > meta.builtAtMs) return true;
    } catch {
      return true;
    }
  }
  return false;
}

/**
 * Bundles the CLI into a fresh folder, then points meta.json at it (written whole and renamed,
 * so a CLI started meanwhile sees either the old build or the new one, never half of one).
 */
async function build() {
  const { build: esbuild } = await import('esbuild');
  const builtAtMs = Date.now();
  const dir = `build-${builtAtMs}-${process.pid}`;
  const result = await esbuild({
    absWorkingDir: ROOT,
    entryPoints: { alvh: ENTRY },
    outdir: join(OUT, dir),
    outExtension: { '.js': '.mjs' },
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    sourcemap: 'linked',
    metafile: true,
    // Bundled CommonJS packages (papaparse, parts of happy-dom) call require() for Node built-ins.
    banner: {
      js: "import { createRequire as __alvhRequire } from 'node:module'; const require = __alvhRequire(import.meta.url);",
    },
    logLevel: 'warning',
  });
  const inputs = Object.keys(result.metafile.inputs).map((f) => relative(ROOT, resolve(ROOT, f)));
  const tmp = `${META}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify({ dir, builtAtMs, inputs }, null, 1)}\n`);
  renameSync(tmp, META);
  for (const old of readdirSync(OUT)) {
    if (!old.startsWith('build-') || old === dir) continue;
    const at = Number(old.split('-')[1]);
    if (!(builtAtMs - at < KEEP_OLD_MS)) rmSync(join(OUT, old), { recursive: true, force: true });
  }
  return { dir, builtAtMs, inputs };
}

const args = process.argv.slice(2);
mkdirSync(OUT, { recursive: true });
let meta = readMeta();
if (args[0] === '--build' || isStale(meta)) meta = await build();
if (args[0] !== '--build') {
  // The CLI reads process.argv.slice(2) itself: the same arguments as `node lib/cli/main.ts`.
  await import(pathToFileURL(join(OUT, meta.dir, 'alvh.mjs')).href);
}
