/**
 * Content-script side of the page-world channel: recognises our messages, bounds their
 * size, parses the JSON and validates it with zod before anything reaches the engine.
 *
 * Only the hosts where the page-world script runs are listened to, and each host only in
 * the one shape its observer sends ({@link PAGE_WORLD_HOSTS}): on any other page a posted
 * "page-world" message is nobody's. The sliced form maps and validates a big payload a few
 * hundred options at a time, giving the page its main thread back between slices (a 12 MB
 * payload once froze the page for 1.6 s).
 */
import * as z from 'zod/mini';
import type { Snapshot } from '../../engine/snapshot-types';
import { runSteps, runStepsSliced, type SliceOptions, type Steps } from '../scan';
import type { ReadResult } from '../types';
import { validateSteps } from '../validate';
import { barchartSymbol, readBarchartSteps } from './barchart-json';
import { readCboeOptionsSteps } from './cboe-json';
import { MAX_PAYLOAD_CHARS, PAGE_WORLD_SOURCE, type PageWorldKind } from './protocol';

export { PAGE_WORLD_SOURCE } from './protocol';

const envelopeSchema = z.object({
  source: z.literal(PAGE_WORLD_SOURCE),
  v: z.literal(1),
  kind: z.enum(['cboe-options-json', 'barchart-grid']),
  from: z.string().check(z.maxLength(2_000)),
  json: z.string(),
});

/**
 * Reads one window message from the page-world script in one go (tests, CLI).
 * @param data `MessageEvent.data` (anything the page posted); @param pageUrl page URL;
 * @param now ISO read instant; @param expected the only kind accepted (the host's), or any.
 * @returns null when the message is not ours; else snapshots or a typed failure.
 */
export function readPageWorldMessage(
  data: unknown,
  pageUrl: string,
  now: string,
  expected?: PageWorldKind,
): ReadResult | null {
  return runSteps(receiveSteps(data, pageUrl, now, expected));
}

/**
 * {@link readPageWorldMessage} in slices of at most `opts.budgetMs` (the content script's form).
 * Resolves in a task after the last slice's: sending a big chain to the background (the 12 MB
 * Cboe payload's 63,000 quotes) is a long step of its own, which must not land on top of a slice.
 */
export async function readPageWorldMessageSliced(
  data: unknown,
  pageUrl: string,
  now: string,
  expected: PageWorldKind,
  opts: SliceOptions,
): Promise<ReadResult | null> {
  const result = await runStepsSliced(receiveSteps(data, pageUrl, now, expected), opts);
  await opts.yieldEvery();
  return result;
}

function* receiveSteps(
  data: unknown,
  pageUrl: string,
  now: string,
  expected: PageWorldKind | undefined,
): Steps<ReadResult | null> {
  const env = envelopeSchema.safeParse(data);
  if (!env.success) return null;
  const { kind, json } = env.data;
  if (expected !== undefined && kind !== expected) return null;
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
  yield;
  const result =
    kind === 'cboe-options-json'
      ? yield* readCboeOptionsSteps(value, pageUrl, now)
      : yield* readBarchartSteps(value, pageUrl, now);
  if (!result.ok) return result;
  const snapshots: Snapshot[] = [];
  for (const s of result.snapshots) {
    if (kind === 'barchart-grid' && s.kind === 'option-chain' && !s.underlying.symbol)
      s.underlying.symbol = barchartSymbol(pageUrl);
    const ok = yield* validateSteps(s);
    if (!ok.ok) {
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
