import type { ChainSnapshot, VixCurveSnapshot } from '../snapshot-types';

const MS_PER_MINUTE = 60_000;

/**
 * Data-quality warnings for the plan (ALVH.md "Data quality"): the readers' flags counted by
 * kind, dropped rows, partial coverage, and quotes older than `staleAfterMinutes` at `now`.
 */
export function qualityWarnings(
  chain: ChainSnapshot | null,
  curve: VixCurveSnapshot | null,
  nowMs: number,
  staleAfterMinutes: number,
): string[] {
  const out: string[] = [];
  if (chain) {
    const name = chain.underlying.symbol;
    const byKind = new Map<string, number>();
    for (const f of chain.flags) byKind.set(f.kind, (byKind.get(f.kind) ?? 0) + 1);
    for (const [kind, n] of byKind)
      out.push(`${name} chain: ${n} ${kind.replaceAll('-', ' ')} flag(s) from the reader.`);
    for (const d of chain.dropped) out.push(`${name} chain: ${d.count} row(s) dropped (${d.reason}).`);
    if (chain.coverage.note) out.push(`${name} chain: ${chain.coverage.note}`);
    const quoted = chain.quoteTime ? Date.parse(chain.quoteTime) : Number.NaN;
    if (Number.isFinite(quoted) && Number.isFinite(nowMs)) {
      const ageMinutes = (nowMs - quoted) / MS_PER_MINUTE;
      if (ageMinutes > staleAfterMinutes)
        out.push(
          `${name} quotes are ${Math.round(ageMinutes)} minutes old (stale after ${staleAfterMinutes}).`,
        );
    }
  }
  if (curve && curve.spot === null)
    out.push(
      'The VIX curve came without VIX spot: basis, roll yield and the VIX percentile are unavailable.',
    );
  return out;
}
