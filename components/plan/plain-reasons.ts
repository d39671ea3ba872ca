/**
 * What stops or bends the plan, in the trader's terms: "no expiry 21–45 days out on this page —
 * open one", "this page shows only puts", "these quotes are from 2024-07-25". Read from the
 * chain the page gave and the plan's own clock; the engine's reasons stay below as they are.
 * Pure: dates are New York calendar dates, days are calendar days.
 */
import type { Plan } from '../../lib/engine/plan-types';
import type { Settings } from '../../lib/engine/settings-types';
import type { ChainSnapshot } from '../../lib/engine/snapshot-types';

const DAY_MS = 86_400_000;

const NY_DATE = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'America/New_York',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** New York calendar date (YYYY-MM-DD) of an instant. */
export function nyDate(ms: number): string {
  return NY_DATE.format(ms);
}

function hasQuote(q: { bid: number | null; ask: number | null } | null): boolean {
  return q !== null && (q.bid !== null || q.ask !== null);
}

/** Which sides of the chain carry quotes: 'both', 'puts', 'calls' or 'none'. */
export function sidesShown(chain: ChainSnapshot): 'both' | 'puts' | 'calls' | 'none' {
  let calls = false;
  let puts = false;
  for (const e of chain.expiries)
    for (const r of e.rows) {
      calls ||= hasQuote(r.call);
      puts ||= hasQuote(r.put);
    }
  return calls && puts ? 'both' : puts ? 'puts' : calls ? 'calls' : 'none';
}

/** Calendar days from the New York date of `atMs` to an expiry date. */
function daysOut(expiry: string, atMs: number): number {
  return Math.round((Date.parse(`${expiry}T00:00:00Z`) - Date.parse(`${nyDate(atMs)}T00:00:00Z`)) / DAY_MS);
}

/** The quote date when it is not the day the plan is looked at ("these quotes are from …"). */
export function oldQuoteDate(chain: ChainSnapshot, nowMs: number): string | null {
  const at = Date.parse(chain.quoteTime ?? chain.source.readAt);
  if (Number.isNaN(at)) return null;
  const d = nyDate(at);
  return d < nyDate(nowMs) ? d : null;
}

/**
 * Why Layer 1 has no condor, in the trader's terms (empty when the chain explains nothing:
 * the engine's own reason then stands alone).
 */
export function layer1Missing(chain: ChainSnapshot | null, settings: Settings, nowMs: number): string[] {
  if (!chain) return ['no option chain has been read on this page'];
  const out: string[] = [];
  const sides = sidesShown(chain);
  if (sides === 'puts') out.push('this page shows only puts — show the calls too (a calls-and-puts view)');
  if (sides === 'calls') out.push('this page shows only calls — show the puts too (a calls-and-puts view)');
  const { dteMin, dteMax } = settings.condor;
  const at = Date.parse(chain.quoteTime ?? chain.source.readAt);
  const ref = Number.isNaN(at) ? nowMs : at;
  const listed = [...new Set(chain.expiries.map((e) => e.expiry))].sort();
  const inWindow = listed.some((e) => {
    const d = daysOut(e, ref);
    return d >= dteMin && d <= dteMax;
  });
  if (!inWindow) {
    const shown = listed.slice(0, 3).map((e) => `${e} (${daysOut(e, ref)} days)`);
    out.push(
      `no expiry ${dteMin}–${dteMax} days out on this page — open one${shown.length ? `; it shows ${shown.join(', ')}${listed.length > 3 ? ' …' : ''}` : ''}`,
    );
  }
  const old = oldQuoteDate(chain, nowMs);
  if (old) out.push(`these quotes are from ${old}`);
  return out;
}

/** Data-quality problems that change the plan, for the top of the side panel (most serious first). */
export function planProblems(plan: Plan | null, chain: ChainSnapshot | null, nowMs: number): string[] {
  const out: string[] = [...(plan?.banners ?? [])];
  if (chain) {
    const old = oldQuoteDate(chain, nowMs);
    if (old) out.push(`These quotes are from ${old}: every figure is priced at that time, not now.`);
    else if (plan?.clock.stale)
      out.push(
        `These quotes are ${Math.round(plan.clock.quoteAgeMinutes ?? 0)} minutes old: the plan is priced at their time.`,
      );
  }
  if (plan?.clock.quoteInFuture)
    out.push('The page stamps its quotes later than this computer’s clock: check the clock.');
  // Layer 1's screen and Layer 2's (VIX calls, root VIX) share the list: each in its own words.
  const leftOut = plan?.quotesLeftOut ?? [];
  const vixLeft = leftOut.filter((q) => q.root === 'VIX').length;
  const left = leftOut.length - vixLeft;
  if (left > 0)
    out.push(
      `${left} quote${left === 1 ? '' : 's'} near the money never become legs (zero bid, crossed, too wide or off parity): the suggestion avoids those strikes.`,
    );
  if (vixLeft > 0)
    out.push(
      `${vixLeft} VIX call quote${vixLeft === 1 ? '' : 's'} not bought for the hedge (zero bid, crossed or too wide): the hedge uses other strikes.`,
    );
  const zero = chain?.flags.filter((f) => f.kind === 'zero-bid').length ?? 0;
  const crossed = chain?.flags.filter((f) => f.kind === 'crossed-market').length ?? 0;
  if (crossed > 0)
    out.push(`${crossed} crossed market${crossed === 1 ? '' : 's'} (bid above ask) on this page.`);
  if (zero > 0 && left === 0)
    out.push(`Zero bids on this page (${zero} flag${zero === 1 ? '' : 's'}): those strikes cannot be sold.`);
  return out;
}
