/**
 * Number formatting for every surface: units always shown. Inputs follow the Plan's units
 * (index points per share, dollars in `…Usd`, fractions 0–1). Missing values print "—".
 */

const DASH = '—';
const MINUS = '−';

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
  return ok(value) ? `${sign(fixed(value, digits))} pts` : DASH;
}

/** Dollars: "$4,350" or "−$1,250.50" when `cents`. */
export function formatUsd(value: number | null | undefined, cents = false): string {
  if (!ok(value)) return DASH;
  const body = `$${fixed(Math.abs(value), cents ? 2 : 0)}`;
  return value < 0 ? MINUS + body : body;
}

/** Fraction 0–1 as percent: 0.682 → "68.2 %". */
export function formatPercent(fraction: number | null | undefined, digits = 1): string {
  return ok(fraction) ? `${sign(fixed(fraction * 100, digits))} %` : DASH;
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
  if (minutes < 60) return `${Math.floor(minutes)} min`;
  if (minutes < 24 * 60) {
    const h = Math.floor(minutes / 60);
    const m = Math.floor(minutes % 60);
    return m ? `${h} h ${m} min` : `${h} h`;
  }
  return `${Math.floor(minutes / (24 * 60))} d`;
}

/** ISO instant → "2026-11-26 14:05 UTC" (exchange-neutral, unambiguous). */
export function formatInstant(iso: string | null | undefined): string {
  if (!iso) return DASH;
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return DASH;
  return `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** Calendar days: "35.2 d". */
export function formatDays(days: number | null | undefined): string {
  return ok(days) ? `${fixed(days, 1)} d` : DASH;
}

/** Percentile 0–100 → "93rd percentile" (the engine's norms report percentiles 0–100). */
export function formatPercentile(p: number | null | undefined): string {
  if (!ok(p)) return DASH;
  const n = Math.round(p);
  const last = n % 10;
  const teen = n % 100 >= 11 && n % 100 <= 13;
  const suffix = teen ? 'th' : last === 1 ? 'st' : last === 2 ? 'nd' : last === 3 ? 'rd' : 'th';
  return `${n}${suffix} percentile`;
}
