/**
 * Store readiness of the zips `npm run zip` makes (.output/*-chrome.zip, *-firefox.zip):
 *  - Firefox: Mozilla's own add-ons linter (npm addons-linter, what addons.mozilla.org runs on
 *    upload) reports zero errors; its warnings are printed.
 *  - Chrome: what the Chrome Web Store rejects that we can check here — manifest version 3,
 *    name ≤ 75 and description ≤ 132 characters, a 128 × 128 PNG icon, a version of 1–4 dot-separated integers
 *    0–65535, every file the manifest names present in the zip, no file or folder starting with
 *    "_" (reserved; only _locales), no remote code (no http(s) script sources in pages, no
 *    remote hosts in the CSP, no importScripts/import() of a URL), and the package under the
 *    store's 2 GB limit (and our own 5 MB sanity bound).
 * Runs after the builds (tests/run-all.ts), with tests/firefox/vitest.config.ts; zips if needed.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const OUT = resolve('.output');

interface ZipEntry {
  name: string;
  data: Buffer;
}

/** Every file in a zip (yauzl: the reader addons-linter itself uses). */
async function unzip(file: string): Promise<ZipEntry[]> {
  const yauzl = require('yauzl') as {
    open: (f: string, o: { lazyEntries: boolean }, cb: (err: Error | null, zip: YauzlZip) => void) => void;
  };
  interface YauzlEntry {
    fileName: string;
  }
  interface YauzlZip {
    readEntry: () => void;
    on: (ev: string, fn: (x: YauzlEntry) => void) => void;
    openReadStream: (e: YauzlEntry, cb: (err: Error | null, s: NodeJS.ReadableStream) => void) => void;
  }
  return new Promise((ok, fail) => {
    yauzl.open(file, { lazyEntries: true }, (err, zip) => {
      if (err) return fail(err);
      const out: ZipEntry[] = [];
      zip.on('entry', (entry) => {
        if (entry.fileName.endsWith('/')) return zip.readEntry();
        zip.openReadStream(entry, (e, stream) => {
          if (e) return fail(e);
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => {
            out.push({ name: entry.fileName, data: Buffer.concat(chunks) });
            zip.readEntry();
          });
        });
      });
      zip.on('end', () => ok(out));
      zip.on('error', fail as (x: unknown) => void);
      zip.readEntry();
    });
  });
}

function zipFor(browser: 'chrome' | 'firefox'): string | null {
  if (!existsSync(OUT)) return null;
  const name = readdirSync(OUT).find((f) => f.endsWith(`-${browser}.zip`));
  return name ? join(OUT, name) : null;
}

beforeAll(() => {
  if (zipFor('chrome') && zipFor('firefox')) return;
  const r = spawnSync('npm', ['run', '--silent', 'zip'], { stdio: 'inherit' });
  if (r.status !== 0) throw new Error('npm run zip failed');
});

describe('Firefox zip', () => {
  it('passes the add-ons linter with zero errors', async () => {
    const file = zipFor('firefox');
    expect(file).not.toBeNull();
    const { createInstance } = require('addons-linter') as {
      createInstance: (o: unknown) => {
        run: () => Promise<{
          summary: { errors: number; warnings: number };
          errors: { code: string; message: string; file?: string }[];
          warnings: { code: string; message: string; file?: string }[];
        }>;
      };
    };
    const linter = createInstance({
      config: { _: [file], logLevel: 'fatal', stack: false, pretty: false, output: 'none', boring: true },
      runAsBinary: false,
    });
    const report = await linter.run();
    for (const w of report.warnings)
      console.log(`addons-linter warning ${w.code} (${w.file ?? 'manifest'}): ${w.message}`);
    expect(report.errors.map((e) => `${e.code} ${e.file ?? ''}: ${e.message}`)).toEqual([]);
  });
});

describe('Chrome zip', () => {
  let files: ZipEntry[] = [];
  let manifest: Record<string, unknown> = {};
  beforeAll(async () => {
    const file = zipFor('chrome');
    if (!file) throw new Error('no Chrome zip in .output');
    files = await unzip(file);
    const m = files.find((f) => f.name === 'manifest.json');
    if (!m) throw new Error('manifest.json is not in the Chrome zip');
    manifest = JSON.parse(m.data.toString('utf8')) as Record<string, unknown>;
  });

  it('has the manifest fields the store requires', () => {
    expect(manifest.manifest_version).toBe(3);
    expect(typeof manifest.name).toBe('string');
    expect((manifest.name as string).length).toBeGreaterThan(0);
    expect((manifest.name as string).length).toBeLessThanOrEqual(75);
    expect((manifest.description as string).length).toBeLessThanOrEqual(132);
    expect(manifest.version).toMatch(/^(0|[1-9]\d{0,4})(\.(0|[1-9]\d{0,4})){0,3}$/);
    for (const part of String(manifest.version).split('.')) expect(Number(part)).toBeLessThanOrEqual(65_535);
  });

  it('contains every file the manifest names, and none the browser reserves', () => {
    const names = new Set(files.map((f) => f.name));
    const bg = manifest.background as { service_worker?: string } | undefined;
    const named = [
      bg?.service_worker,
      (manifest.side_panel as { default_path?: string } | undefined)?.default_path,
      (manifest.options_ui as { page?: string } | undefined)?.page,
      ...((manifest.content_scripts as { js?: string[]; css?: string[] }[] | undefined) ?? []).flatMap(
        (c) => [...(c.js ?? []), ...(c.css ?? [])],
      ),
      ...Object.values((manifest.icons as Record<string, string> | undefined) ?? {}),
    ].filter((x): x is string => typeof x === 'string');
    expect(named.length).toBeGreaterThan(2);
    for (const n of named) expect(names.has(n), `${n} (named in the manifest) is in the zip`).toBe(true);
    const reserved = files.filter((f) =>
      f.name.split('/').some((p) => p.startsWith('_') && p !== '_locales'),
    );
    expect(reserved.map((f) => f.name)).toEqual([]);
  });

  it('declares a 128 × 128 PNG icon (the store requires one) that is in the zip', () => {
    const icon = (manifest.icons as Record<string, string> | undefined)?.['128'];
    expect(icon, 'manifest icons["128"]').toBeTypeOf('string');
    const png = files.find((f) => f.name === icon)?.data;
    expect(png?.subarray(1, 4).toString('ascii'), `${icon} is a PNG`).toBe('PNG');
    // IHDR: width and height at bytes 16 and 20.
    expect(png && [png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([128, 128]);
  });

  it('loads no remote code', () => {
    const csp = JSON.stringify(manifest.content_security_policy ?? '');
    expect(csp).not.toMatch(/https?:/);
    for (const f of files) {
      const text = f.data.toString('utf8');
      if (f.name.endsWith('.html')) {
        expect(text, `${f.name}: script from the network`).not.toMatch(
          /<script[^>]*\ssrc=["']?(https?:)?\/\//i,
        );
      }
      if (f.name.endsWith('.js')) {
        expect(text, `${f.name}: importScripts of a URL`).not.toMatch(/importScripts\(\s*["'`]https?:/);
        expect(text, `${f.name}: import() of a URL`).not.toMatch(/import\(\s*["'`]https?:/);
      }
    }
  });

  it('is within the store size limit', () => {
    const file = zipFor('chrome') as string;
    const bytes = statSync(file).size;
    expect(bytes).toBeLessThan(2 * 1024 ** 3);
    expect(bytes).toBeLessThan(5 * 1024 ** 2);
  });
});
