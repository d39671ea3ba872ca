/**
 * Loads snapshots from a file for the CLI (`alvh read`, `alvh plan --chain/--vix`):
 * saved HTML pages (parsed with happy-dom, readers picked by readPage), CSV (Cboe quotedata,
 * VIX settlements, generic chains) and JSON (a snapshot, a list of snapshots, Cboe
 * option-chain JSON or Barchart grid rows). Everything returned passed the snapshot schema.
 */
import { readFileSync, statSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Window } from 'happy-dom';
import type { Snapshot } from '../engine/snapshot-types';
import { readCsv, readPage } from '../readers';
import { readBarchartRows } from '../readers/page-world/barchart-json';
import { readCboeOptionsJson } from '../readers/page-world/cboe-json';
import type { ReadResult } from '../readers/types';
import { snapshotSchema } from '../schema/snapshot';
import { CliError } from './command';

/** Largest input file read (bytes). */
export const MAX_FILE_BYTES = 64 * 1024 * 1024;

export interface LoadOptions {
  /** Page URL the file was saved from (helps pick the site reader); default file:// URL. */
  url?: string;
  /** ISO instant stamped as `readAt`; default the current time. */
  now?: string;
}

/**
 * Parses HTML into a happy-dom Document. Declarative shadow roots
 * (`<template shadowrootmode="open">`, as a browser attaches while parsing) are attached.
 * Scripts are not run and nothing is fetched.
 */
export function parseHtml(html: string, url: string): { doc: Document; close: () => Promise<void> } {
  const window = new Window({
    url,
    settings: {
      disableJavaScriptEvaluation: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      disableIframePageLoading: true,
      disableComputedStyleRendering: true,
      // Saved pages link stylesheets/frames we never load: treat them as loaded, quietly.
      handleDisabledFileLoadingAsSuccess: true,
    },
  });
  const doc = new window.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
  attachDeclarativeShadowRoots(doc);
  return { doc, close: () => window.happyDOM.close() };
}

/** Attaches `<template shadowrootmode="open">` contents as open shadow roots (innermost first). */
export function attachDeclarativeShadowRoots(doc: Document): void {
  const templates = Array.from(doc.querySelectorAll('template[shadowrootmode="open"]')).reverse();
  for (const t of templates) {
    const host = t.parentElement;
    if (!host || host.shadowRoot) continue;
    const root = host.attachShadow({ mode: 'open' });
    root.append(...Array.from((t as HTMLTemplateElement).content.childNodes));
    t.remove();
  }
}

function readJson(text: string, url: string, now: string): ReadResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return {
      ok: false,
      reader: null,
      failure: { reason: 'not-a-chain', detail: 'JSON: file is not valid JSON' },
    };
  }
  const list = Array.isArray(value) ? value : [value];
  const snaps = list.map((v) => snapshotSchema.safeParse(v));
  if (list.length > 0 && snaps.every((s) => s.success)) {
    return { ok: true, reader: 'snapshot-json', snapshots: snaps.map((s) => s.data as Snapshot) };
  }
  const cboe = readCboeOptionsJson(value, url, now);
  if (cboe.ok || cboe.failure.reason !== 'layout-changed') return cboe;
  const barchart = readBarchartRows(value, url, now);
  if (barchart.ok || barchart.failure.reason !== 'layout-changed') return barchart;
  return {
    ok: false,
    reader: null,
    failure: {
      reason: 'not-a-chain',
      detail: 'JSON: neither a snapshot, Cboe option-chain JSON (data.options[]) nor Barchart grid rows',
    },
  };
}

/**
 * Reads a file into validated snapshots.
 * @throws CliError naming the reason when the file holds no chain or curve (exit code 2).
 */
export async function loadSnapshots(path: string, opts: LoadOptions = {}): Promise<Snapshot[]> {
  const abs = resolve(path);
  let size: number;
  try {
    size = statSync(abs).size;
  } catch {
    throw new CliError(`cannot read ${path}`);
  }
  if (size > MAX_FILE_BYTES) throw new CliError(`${path} is larger than ${MAX_FILE_BYTES} bytes`);
  const text = readFileSync(abs, 'utf8');
  const url = opts.url ?? pathToFileURL(abs).href;
  const now = opts.now ?? new Date().toISOString();
  const ext = extname(abs).toLowerCase();
  let result: ReadResult;
  if (ext === '.html' || ext === '.htm') {
    const { doc, close } = parseHtml(text, url);
    try {
      result = readPage(doc, url, now);
    } finally {
      await close();
    }
  } else if (ext === '.json') result = readJson(text, url, now);
  else result = readCsv(text, { url, now });
  if (!result.ok) throw new CliError(`${path}: ${result.failure.detail} (${result.failure.reason})`);
  return result.snapshots.map((s) => snapshotSchema.parse(s) as Snapshot);
}
