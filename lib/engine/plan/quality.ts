import type { ChainSnapshot, VixCurveSnapshot } from '../snapshot-types';
import { underlyingName } from './underlying';

/**
 * Data-quality warnings for the plan (docs/method.md "Data quality"): the readers' flags counted by
 * kind, dropped rows and partial coverage. The quotes' age is the clock's (plan/clock.ts).
 */
export function qualityWarnings(chain: ChainSnapshot | null, curve: VixCurveSnapshot | null): string[] {
  const out: string[] = [];
  if (chain) {
    const name = underlyingName(chain.underlying.symbol);
    const byKind = new Map<string, number>();
    for (const f of chain.flags) byKind.set(f.kind, (byKind.get(f.kind) ?? 0) + 1);
    for (const [kind, n] of byKind)
      out.push(`${name} chain: ${n} ${kind.replaceAll('-', ' ')} flag(s) from the reader.`);
    for (const d of chain.dropped) out.push(`${name} chain: ${d.count} row(s) dropped (${d.reason}).`);
    if (chain.coverage.note) out.push(`${name} chain: ${chain.coverage.note}`);
  }
  if (curve && curve.spot === null)
    out.push(
      'The VIX curve came without VIX spot: basis, roll yield and the VIX percentile are unavailable.',
    );
  return out;
}
