/**
 * One entry point for a file a user hands us (the options page's import, `alvh read`):
 * looks at what the text is — HTML page, XML, JSON, CSV — not at the file's name, and sends
 * it to the reader for that kind. A thinkorswim desktop export saved as HTML is read like its
 * CSV; any other page goes to the page readers. Refusals say what the file holds.
 */
import { readCsv } from './csv';
import { htmlRows } from './exports/html-rows';
import { readJsonFile } from './exports/json-file';
import { readTosDesktop } from './exports/tos-desktop';
import { isTosDesktop } from './exports/tos-desktop-layout';
import { readPage } from './read-page';
import type { ReadResult } from './types';

export interface ImportFileOptions {
  /** Page URL the file was saved from (picks a site reader for HTML); default `file:<name>`. */
  url?: string;
  /** ISO instant stamped as `source.readAt`. */
  now: string;
  /**
   * Parses HTML into a Document (the options page passes DOMParser, the CLI happy-dom).
   * Without it an HTML file is refused.
   */
  parseHtml?: (html: string, url: string) => Document;
}

export type FileKind = 'html' | 'xml' | 'json' | 'csv' | 'binary';

const HTML_ROOTS = new Set([
  'html',
  'head',
  'body',
  'table',
  'div',
  'meta',
  'title',
  'link',
  'script',
  'style',
]);

/** First element name in markup (skipping `<?xml …?>`, `<!-- -->`, `<!DOCTYPE …>`), lowercased. */
function rootElement(text: string): string | null {
  return /<(?![?!/])([A-Za-z_][\w.:-]*)/.exec(text)?.[1]?.toLowerCase() ?? null;
}

/** What a file's text is, from its first characters (never its name). */
export function sniffKind(text: string): FileKind {
  const head = text
    .replace(/^\uFEFF/, '')
    .trimStart()
    .slice(0, 4_000);
  if (head.startsWith('%PDF') || head.startsWith('PK\u0003\u0004') || head.includes('\u0000'))
    return 'binary';
  if (head.startsWith('{') || head.startsWith('[')) return 'json';
  if (!head.startsWith('<')) return 'csv';
  if (/^(?:<\?xml[^>]*>\s*)?<!doctype html/i.test(head)) return 'html';
  const root = rootElement(head);
  return root !== null && HTML_ROOTS.has(root)
    ? 'html'
    : root === null && !/^<\?xml/i.test(head)
      ? 'html'
      : 'xml';
}

function refuse(detail: string): ReadResult {
  return { ok: false, reader: null, failure: { reason: 'not-a-chain', detail } };
}

/**
 * Reads a user's file into snapshots, or a failure naming what was found. Never throws.
 * @param name the file's name, used only to label the source when no URL is given.
 */
export function readImportFile(name: string, text: string, opts: ImportFileOptions): ReadResult {
  const url = opts.url ?? `file:${name}`;
  if (text.trim() === '') return refuse(`${name}: the file is empty`);
  const kind = sniffKind(text);
  if (kind === 'binary') {
    const what = text.startsWith('%PDF')
      ? 'a PDF document'
      : text.startsWith('PK')
        ? 'a ZIP/XLSX file'
        : 'binary data';
    return refuse(`${name}: ${what}, not text; save or export the chain as CSV or HTML`);
  }
  if (kind === 'json') return readJsonFile(text, url, opts.now);
  if (kind === 'xml') {
    const root = /<(?![?!])([A-Za-z_][\w.:-]*)/.exec(text)?.[1] ?? '?';
    return refuse(
      `${name}: an XML document (root element <${root}>), not an option chain page, CSV or JSON we read`,
    );
  }
  if (kind === 'html') {
    if (!opts.parseHtml) return refuse(`${name}: an HTML page, but no HTML parser is available here`);
    const doc = opts.parseHtml(text, url);
    const rows = htmlRows(doc);
    if (isTosDesktop(rows)) return readTosDesktop(rows, { url, now: opts.now }, 'html-tos-desktop');
    return readPage(doc, url, opts.now);
  }
  return readCsv(text, { url, now: opts.now });
}
