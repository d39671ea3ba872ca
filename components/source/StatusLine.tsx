import type { ReaderStatus } from '../../lib/schema/tab-state';
import { siteOf } from './freshness';

const FAILURE_TEXT: Record<string, string> = {
  'not-a-chain': 'this page shows no option chain',
  'layout-changed': 'the page layout changed',
  'no-rows': 'the chain has no readable rows',
  'unsupported-page': 'this page is not supported',
  'reader-error': 'the reader failed',
  'too-large': 'the chain is too large to read',
};

/** The reader's state in one line; a failure names the site and what was missing. */
export function StatusLine({ status, url }: { status: ReaderStatus; url: string }) {
  switch (status.state) {
    case 'idle':
      return <p class="status">No reader has run on this page yet.</p>;
    case 'reading':
      return (
        <p class="status" data-testid="reader-status">
          {status.rows ? `Reading… ${status.rows.toLocaleString('en-US')} rows` : 'Reading the page…'}
        </p>
      );
    case 'read':
      return (
        <p class="status ok" data-testid="reader-status">
          Read {status.rows} rows with the {status.reader} reader.
        </p>
      );
    case 'failed':
      return (
        <p class="status bad" role="alert" data-testid="reader-status">
          Reader could not read {siteOf(url)}: {FAILURE_TEXT[status.failure.reason] ?? status.failure.reason}{' '}
          — {status.failure.detail}
          {status.reader ? ` (reader: ${status.reader})` : ''}
        </p>
      );
  }
}
