/**
 * A saved JSON file → snapshots: our own snapshot JSON (as `alvh read` writes it), or a
 * broker/quote API response people save — Schwab/TD chains, Yahoo v7 options, Cboe
 * delayed-quotes option JSON, Barchart grid rows. Picked by the keys the file has; a file
 * of none of these shapes is refused naming the top-level keys it does have.
 */
import type { Snapshot } from '../../engine/snapshot-types';
import { snapshotSchema } from '../../schema/snapshot';
import { readBarchartRows } from '../page-world/barchart-json';
import { readCboeOptionsJson } from '../page-world/cboe-json';
import type { ReadResult } from '../types';
import { readSchwabChainJson } from './schwab-json';
import { readYahooOptionsJson } from './yahoo-json';

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** "an object with keys a, b, c (+4 more)" / "a list of 3 numbers" / "a string". */
export function describeJson(value: unknown): string {
  if (Array.isArray(value)) {
    const kinds = new Set(
      value.slice(0, 50).map((v) => (Array.isArray(v) ? 'list' : v === null ? 'null' : typeof v)),
    );
    const first = isObject(value[0]) ? ` (the first with keys ${keyList(value[0])})` : '';
    return `a list of ${value.length} ${[...kinds].join('/') || 'items'}${first}`;
  }
  if (isObject(value)) return `an object with keys ${keyList(value)}`;
  return value === null ? 'null' : `a ${typeof value}`;
}

function keyList(o: Record<string, unknown>): string {
  const keys = Object.keys(o);
  if (keys.length === 0) return '(none)';
  const shown = keys.slice(0, 8).map((k) => (k.length > 32 ? `${k.slice(0, 32)}…` : k));
  return `${shown.join(', ')}${keys.length > 8 ? ` (+${keys.length - 8} more)` : ''}`;
}

/** Reads JSON text (see the file comment). Never throws. */
export function readJsonFile(text: string, url: string, now: string): ReadResult {
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    const msg = err instanceof Error ? err.message : String(err);
    return {
      ok: false,
      reader: null,
      failure: { reason: 'not-a-chain', detail: `JSON: not valid JSON (${msg.slice(0, 120)})` },
    };
  }
  const list = Array.isArray(value) ? value : [value];
  const snaps = list.map((v) => snapshotSchema.safeParse(v));
  if (list.length > 0 && snaps.every((s) => s.success)) {
    return { ok: true, reader: 'snapshot-json', snapshots: snaps.map((s) => s.data as Snapshot) };
  }
  if (isObject(value)) {
    if ('callExpDateMap' in value || 'putExpDateMap' in value) return readSchwabChainJson(value, url, now);
    if ('optionChain' in value) return readYahooOptionsJson(value, url, now);
    if (isObject(value.data) && 'options' in value.data) return readCboeOptionsJson(value, url, now);
  }
  const barchart = readBarchartRows(value, url, now);
  if (barchart.ok || barchart.failure.reason !== 'layout-changed') return barchart;
  return {
    ok: false,
    reader: null,
    failure: {
      reason: 'not-a-chain',
      detail: `JSON: ${describeJson(value)}; not a snapshot, Schwab/TD chain (callExpDateMap), Yahoo options (optionChain.result), Cboe option JSON (data.options) or Barchart grid rows`,
    },
  };
}
