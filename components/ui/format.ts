/**
 * Number formatting for every surface: units always shown. Inputs follow the Plan's units
 * (index points per share, dollars in `…Usd`, fractions 0–1). Missing values print "—".
 */

// Straight from its module: the engine index would bring the engine's tables into the content script.
import { ordinal } from '../../lib/engine/text/format';

const DASH = '—';
const MINUS = '−';
/** No-break space: a number and its unit never wrap apart ("4.35 pts", "71.2 %"). */
const NBSP = '\u00a0';

function sign(text: string): string {
  return text.startsWith('-') ? MINUS + text.slice(1) : text;
}

function fixed(value: number, digits: number, grouping = true): string {
  return value.toLocaleString('en-US', {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
    useGrouping: grouping,
  });
}

function ok(value: number | null | undefined): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/** Strike or index level: "5,825" (decimals only when the level has them). */
export function formatStrike(value: number | null | undefined): string {
  if (!ok(value)) return DASH;
  return sign(fixed(value, Number.isInteger(value) ? 0 : 2));
}

/** Premium or price in index points: "4.35 pts". */
export function formatPoints(value: number | null | undefined, digits = 2): string {
  return ok(value) ? `${sign(fixed(value, digits))}${NBSP}pts` : DASH;
}

/** Dollars: "$4,350" or "−$1,250.50" when `cents`. */
export function formatUsd(value: number | null | undefined, cents = false): string {
  if (!ok(value)) return DASH;
  const body = `$${fixed(Math.abs(value), cents ? 2 : 0)}`;
  return value < 0 ? MINUS + body : body;
}

/** Fraction 0–1 as percent: 0.682 → "68.2 %". */
export function formatPercent(fraction: number | null | undefined, digits = 1): string {
  return ok(fraction) ? `${sign(fixed(fraction * 100, digits))}${NBSP}%` : DASH;
}

/** Delta per share: "−0.16". */
export function formatDelta(value: number | null | undefined): string {
  return ok(value) ? sign(fixed(value, 2)) : DASH;
}

/** Plain number with fixed decimals, signed with a true minus. */
export function formatNumber(value: number | null | undefined, digits = 2): string {
  return ok(value) ? sign(fixed(value, digits)) : DASH;
}

/** Age in minutes → "just now", "12 min", "3 h 5 min", "2 d". */
export function formatAge(minutes: number | null | undefined): string {
  if (!ok(minutes)) return DASH;
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${Math.floor(minutes)}${NBSP}min`;
  if (minutes < 24 * 60) {
    const h = Math.floor(minutes / 60);
    const m = Math.floor(minutes % 60);
    return m ? `${h}${NBSP}h ${m}${NBSP}min` : `${h}${NBSP}h`;
  }
  return `${Math.floor(minutes / (24 * 60))}${NBSP}d`;
}

// Pure: bundles that never format an instant (the content script) leave it out.
const NY_PARTS = /* @__PURE__ */ new Intl.DateTimeFormat('en-US', {
  timeZone: 'America/New_York',
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

function nyParts(ms: number): Record<string, string> {
  return Object.fromEntries(NY_PARTS.formatToParts(ms).map((p) => [p.type, p.value]));
}

/**
 * ISO instant → New York time with the zone: "10:52 ET" on the same New York day as
 * `nowMs`, else "Nov 25, 2026 10:52 ET". Exchange time is what a US options trader reads.
 */
export function formatInstant(iso: string | null | undefined, nowMs: number = Date.now()): string {
  if (!iso) return DASH;
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return DASH;
  const t = nyParts(ms);
  const time = `${t.hour}:${t.minute}${NBSP}ET`;
  const n = nyParts(nowMs);
  const sameDay = t.year === n.year && t.month === n.month && t.day === n.day;
  return sameDay ? time : `${t.month}${NBSP}${t.day}, ${t.year} ${time}`;
}

/** Calendar days: "35.2 d". */
export function formatDays(days: number | null | undefined): string {
  return ok(days) ? `${fixed(days, 1)}${NBSP}d` : DASH;
}

/** Whole number → English ordinal (1st, 21st, 112th): the engine's, so surfaces and engine sentences agree. */
export { ordinal };

/** Percentile 0–100 → "93rd percentile" (the engine's norms report percentiles 0–100). */
export function formatPercentile(p: number | null | undefined): string {
  if (!ok(p)) return DASH;
  return `${ordinal(Math.round(p))} percentile`;
}
