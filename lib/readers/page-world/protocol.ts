/**
 * Message protocol between the page-world script (runs in the page's own JS world) and the
 * content script: one window.postMessage per observed payload. The payload travels as JSON
 * text so the receiver can bound its size before parsing.
 */

/** `source` field of every message we post. */
export const PAGE_WORLD_SOURCE = 'alvh-page-world';
/** Largest payload text accepted (characters); a full SPX chain JSON is ~6 MB. */
export const MAX_PAYLOAD_CHARS = 16_000_000;
/** Largest number of grid rows the Barchart observer sends. */
export const MAX_GRID_ROWS = 10_000;

export type PageWorldKind = 'cboe-options-json' | 'barchart-grid';

/**
 * Where the page-world script runs, and the one kind of message each host's observer posts.
 * The page-world entrypoint's `matches` and the content script's listener both come from here.
 */
export const PAGE_WORLD_HOSTS: Readonly<Record<string, PageWorldKind>> = {
  'www.cboe.com': 'cboe-options-json',
  'www.barchart.com': 'barchart-grid',
};

function httpsMatches(hosts: Readonly<Record<string, unknown>>): readonly string[] {
  return Object.keys(hosts).map((h) => `https://${h}/*`);
}

/**
 * Match patterns of {@link PAGE_WORLD_HOSTS} (https only, like the sites), for the page-world
 * script's manifest entry. Pure: the content script, which never uses them, leaves them out.
 */
export const PAGE_WORLD_MATCHES = /* @__PURE__ */ httpsMatches(PAGE_WORLD_HOSTS);

export interface PageWorldMessage {
  source: typeof PAGE_WORLD_SOURCE;
  v: 1;
  kind: PageWorldKind;
  /** URL the data came from (the page's own request, or the page URL). */
  from: string;
  /** JSON text of the payload. */
  json: string;
}

/** Builds a message (page-world side). */
export function pageWorldMessage(kind: PageWorldKind, from: string, json: string): PageWorldMessage {
  return { source: PAGE_WORLD_SOURCE, v: 1, kind, from: from.slice(0, 2_000), json };
}
