/**
 * Content-script side of the page-world channel: recognises our messages, bounds their
 * size, parses the JSON and validates it with zod before anything reaches the engine.
 *
 * Wiring (content script): `window.addEventListener('message', (e) => { if (e.source !==
 * window || e.origin !== location.origin) return; const r = readPageWorldMessage(e.data,
 * location.href, new Date().toISOString()); if (r) … })`.
 */
import * as z from 'zod/mini';
import { snapshotSchema } from '../../schema/snapshot';
import type { ReadResult } from '../types';
import { barchartSymbol, readBarchartRows } from './barchart-json';
import { readCboeOptionsJson } from './cboe-json';
import { MAX_PAYLOAD_CHARS, PAGE_WORLD_SOURCE } from './protocol';

export { PAGE_WORLD_SOURCE } from './protocol';

const envelopeSchema = z.object({
  source: z.literal(PAGE_WORLD_SOURCE),
  v: z.literal(1),
  kind: z.enum(['cboe-options-json', 'barchart-grid']),
  from: z.string().check(z.maxLength(2_000)),
  json: z.string(),
});

/**
 * Reads one window message from the page-world script.
 * @param data `MessageEvent.data` (anything the page posted); @param pageUrl page URL;
 * @param now ISO read instant.
 * @returns null when the message is not ours; else snapshots or a typed failure.
 */
export function readPageWorldMessage(data: unknown, pageUrl: string, now: string): ReadResult | null {
  const env = envelopeSchema.safeParse(data);
  if (!env.success) return null;
  const { kind, json } = env.data;
  const reader = kind === 'cboe-options-json' ? 'cboe' : 'barchart';
  if (json.length > MAX_PAYLOAD_CHARS) {
    return {
      ok: false,
      reader,
      failure: { reason: 'too-large', detail: `page data of ${json.length} characters is too large` },
    };
  }
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return {
      ok: false,
      reader,
      failure: { reason: 'layout-changed', detail: 'page data is not valid JSON' },
    };
  }
  const result =
    kind === 'cboe-options-json'
      ? readCboeOptionsJson(value, pageUrl, now)
      : readBarchartRows(value, pageUrl, now);
  if (!result.ok) return result;
  const snapshots = [];
  for (const s of result.snapshots) {
    if (kind === 'barchart-grid' && s.kind === 'option-chain' && !s.underlying.symbol)
      s.underlying.symbol = barchartSymbol(pageUrl);
    const ok = snapshotSchema.safeParse(s);
    if (!ok.success) {
      return {
        ok: false,
        reader,
        failure: { reason: 'reader-error', detail: 'page data failed snapshot validation' },
      };
    }
    snapshots.push(ok.data);
  }
  return { ok: true, reader, snapshots };
}
