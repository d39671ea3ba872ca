/**
 * The one stale-quote rule, used by the plan (plan/clock.ts) and the side panel (SourceCard):
 *
 *   stale ⇔ age > delay of the source + settings.data.staleAfterMinutes
 *
 * - **age** is now − the chain's quote time (the read time when the page printed none).
 * - **delay** is what a source is known to publish late by (table below; 0 for the rest), so a
 *   delayed page is not stale the moment it is read.
 * - **Last close, market still closed.** A quote the readers set to the last session's close
 *   (quote-time.ts, flag `quote-time-from-close`) is as fresh as quotes can be until the next
 *   regular session opens (09:30 ET on the next NYSE trading day): it is not stale then. Once
 *   that session has opened, the age counts from its open, not from the close (a Friday-close
 *   chain read on Sunday turns stale at Monday 09:30 + delay + setting).
 * Readers no longer judge staleness at read time: they do not know the setting, and the age
 * that matters is the one when the figures are shown.
 */
import { addDays, type CivilDate, newYorkDate, newYorkToUtcMs, parseIsoDate } from './ny-time';
import { isTradingDay, NYSE_OPEN } from './nyse-calendar';

const MS_PER_MINUTE = 60_000;

/** A source that publishes delayed quotes: its delay in minutes and where that is documented. */
export interface QuoteDelay {
  /** Name shown in the UI ("Cboe"). */
  label: string;
  /** Minutes the source's quotes run behind the market. */
  minutes: number;
}

/**
 * Known delayed sources, by reader id (`source.reader`).
 * - `cboe`: www.cboe.com's public quote pages (delayed_quotes/…) serve delayed quotes, as
 *   Cboe's own "Delayed Quote Help" (cfe.cboe.com/DelayedQuote/QuoteHelp.aspx) describes them;
 *   15 minutes is the delay issue 16 states for them (the usual delayed-data delay). That help
 *   page does not print the number, and no Cboe page stating it was found: if a Cboe page
 *   shows another delay, change it here.
 * Readers not listed (brokers' own pages, Barchart, Yahoo, exports, generic) get no allowance:
 * a logged-in broker page is live, and a page whose delay we do not know is taken at its stamp.
 */
export const DELAYED_SOURCES: Readonly<Record<string, QuoteDelay>> = {
  cboe: { label: 'Cboe', minutes: 15 },
};

/** The known delay of a reader's source, or null when it is taken as live. */
export function quoteDelay(reader: string): QuoteDelay | null {
  return Object.hasOwn(DELAYED_SOURCES, reader) ? (DELAYED_SOURCES[reader] ?? null) : null;
}

/** The chain fields the rule reads (a ChainSnapshot fits). */
export interface StalenessInput {
  quoteTime: string | null;
  source: { reader: string; readAt: string };
  flags: ReadonlyArray<{ kind: string }>;
}

export interface Staleness {
  /** True when the quotes are older than the allowance. */
  stale: boolean;
  /** Minutes from the quote time (or read time) to now; null when a time does not parse. */
  ageMinutes: number | null;
  /** Minutes the rule allows: the source's delay + the setting. */
  allowanceMinutes: number;
  /** True when the quotes are the last close and no session has opened since. */
  closedSinceQuote: boolean;
}

/** 09:30 ET of the first NYSE trading day whose open is after `ms` (null past 15 days). */
export function nextSessionOpenMs(ms: number): number | null {
  let day: CivilDate | null = parseIsoDate(newYorkDate(ms));
  for (let i = 0; day && i < 15; i++, day = addDays(day, 1)) {
    if (!isTradingDay(day)) continue;
    const open = newYorkToUtcMs(day, NYSE_OPEN.hour, NYSE_OPEN.minute);
    if (open > ms) return open;
  }
  return null;
}

/** Applies the rule to a chain at `nowMs` with the stale setting (minutes). */
export function quoteStaleness(chain: StalenessInput, nowMs: number, staleAfterMinutes: number): Staleness {
  const delay = quoteDelay(chain.source.reader)?.minutes ?? 0;
  const allowanceMinutes = delay + staleAfterMinutes;
  const quotedMs = Date.parse(chain.quoteTime ?? chain.source.readAt);
  if (!Number.isFinite(quotedMs) || !Number.isFinite(nowMs))
    return { stale: false, ageMinutes: null, allowanceMinutes, closedSinceQuote: false };
  const ageMinutes = (nowMs - quotedMs) / MS_PER_MINUTE;
  const fromClose = chain.quoteTime !== null && chain.flags.some((f) => f.kind === 'quote-time-from-close');
  if (!fromClose)
    return { stale: ageMinutes > allowanceMinutes, ageMinutes, allowanceMinutes, closedSinceQuote: false };
  const open = nextSessionOpenMs(quotedMs);
  if (open !== null && nowMs < open)
    return { stale: false, ageMinutes, allowanceMinutes, closedSinceQuote: true };
  const sinceOpen = (nowMs - (open ?? quotedMs)) / MS_PER_MINUTE;
  return { stale: sinceOpen > allowanceMinutes, ageMinutes, allowanceMinutes, closedSinceQuote: false };
}

/** The rule in words for a reader's source, e.g. "Cboe quotes are delayed 15 min; stale after 15 min beyond that." */
export function staleRuleText(reader: string, staleAfterMinutes: number): string {
  const delay = quoteDelay(reader);
  const base = delay
    ? `${delay.label} quotes are delayed ${delay.minutes} min; stale after ${staleAfterMinutes} min beyond that`
    : `Quotes are stale after ${staleAfterMinutes} min`;
  return `${base} (a last-close quote is not stale until the next session opens).`;
}
