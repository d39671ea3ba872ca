/**
 * vixcentral.com: the term-structure table. Months run across the top ("Dec", "Jan", …) with
 * a "Last" row under them; or one row per month (Month | Last). Expiries come from the month
 * names with the Cboe rule; the year from the read date (the first month not yet expired).
 */
import { cellText, parseNumber } from './dom';
import { extractGrids } from './extract';
import { firstMatching } from './scan';
import {
  type ChainReader,
  defineReader,
  EPOCH_ISO,
  failure,
  type PageUrls,
  type ReaderOutput,
} from './types';
import { buildVixCurve } from './vix-curve';
import { readVixRows } from './vix-table';

const LABEL = 'VIX Central';
/** VIX spot shown above the table ("VIX: 15.10"). */
const SPOT = '#vixind, .vix-index';
/** The site is linked as http and https, with and without www: all four are its pages. */
const PAGE_URL = /^https?:\/\/(www\.)?vixcentral\.com\//;

/** What {@link PAGE_URL} is for (tests/readers/reader-urls.test.ts). */
export const PAGE_URLS: PageUrls = {
  pages: [
    'http://vixcentral.com/',
    'https://vixcentral.com/',
    'http://www.vixcentral.com/',
    'https://www.vixcentral.com/',
    'http://vixcentral.com/historical/?days=30',
  ],
  nearMisses: [
    'http://vixcentral.com.evil.example/',
    'https://notvixcentral.com/',
    'https://evil.example/vixcentral.com/',
    'http://localhost/vixcentral.com/',
  ],
};

/** Horizontal tables (first column = row labels) are turned into one row per month. */
function transpose(rows: string[][]): string[][] {
  const first = rows.map((r) => (r[0] ?? '').toLowerCase());
  const monthRow = rows.findIndex((r) => r.slice(1).filter((c) => /^[A-Za-z]{3}$/.test(c)).length >= 3);
  const lastRow = first.findIndex((t) => t === 'last' || t === 'price' || t === 'futures');
  if (monthRow < 0 || lastRow < 0) return rows;
  const months = rows[monthRow] as string[];
  const last = rows[lastRow] as string[];
  const out: string[][] = [['Month', 'Last']];
  for (let i = 1; i < months.length; i++) out.push([months[i] ?? '', last[i] ?? '']);
  return out;
}

function read(doc: Document, url: string, now: string): ReaderOutput {
  const futures = [];
  for (const g of extractGrids(doc)) {
    futures.push(...readVixRows(transpose(g.rows.map((r) => r.cells)), now).futures);
  }
  if (futures.length < 2) {
    return failure(
      'layout-changed',
      LABEL,
      'no term-structure table found (expected month names with a Last row)',
    );
  }
  const spotEl = firstMatching(doc, 'div,span', SPOT);
  const spot = spotEl ? parseNumber(cellText(spotEl).replace(/^[^\d]*/, '')) : null;
  return {
    ok: true,
    snapshot: buildVixCurve({ reader: 'vixcentral', url, readAt: now, spot, indices: {}, futures }),
  };
}

export const reader: ChainReader = defineReader({
  id: 'vixcentral',
  label: LABEL,
  matches: ['*://vixcentral.com/*', '*://www.vixcentral.com/*'],
  detect: (_doc, url) => PAGE_URL.test(url),
  read: (doc, url, now = EPOCH_ISO) => read(doc, url, now),
});
