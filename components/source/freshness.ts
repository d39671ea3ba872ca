import type { ChainSnapshot, VixCurveSnapshot } from '../../lib/engine/snapshot-types';

/** Age of a snapshot's quotes in minutes: quote time when the page gave one, else read time. */
export function snapshotAgeMinutes(snapshot: ChainSnapshot | VixCurveSnapshot, nowMs: number): number | null {
  const iso =
    snapshot.kind === 'option-chain'
      ? (snapshot.quoteTime ?? snapshot.source.readAt)
      : snapshot.source.readAt;
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return null;
  return Math.max(0, (nowMs - t) / 60_000);
}

/** "www.cboe.com" from a URL; the raw text when it does not parse. */
export function siteOf(url: string): string {
  try {
    return new URL(url).host || url;
  } catch {
    return url;
  }
}

/** Reader reason ids in words. */
export const DROP_REASON_TEXT: Record<string, string> = {
  'strike-unreadable': 'strike could not be read',
  'duplicate-strike': 'duplicate strike',
  'no-quotes': 'no bid/ask on either side',
  'cell-count-mismatch': 'row has a different number of cells than its header',
  'empty-quote': 'no quote in the row',
  'expiry-unknown': 'expiration not shown for the row',
  'header-cell-missing': 'header is missing a cell (columns not guessed)',
  'non-standard-deliverable': 'adjusted (non-standard) contract',
  'option-invalid': 'option data failed its check',
  'row-invalid': 'row data failed its check',
  'side-unknown': 'call or put not shown',
  'symbol-unreadable': 'option symbol could not be read',
  'too-many-expiries': 'beyond the expirations we keep',
  'too-many-rows': 'beyond the rows we keep per expiration',
  'value-unreadable': 'a number in the row is out of range',
  'expiry-mismatch': 'row’s expiration differs from its section’s',
  'symbol-mismatch': 'option symbol disagrees with the row’s expiration, strike or side',
  'series-unknown': 'option series not recognised (root unknown)',
  'header-unreadable': 'section header without Exp and Strike columns',
};
