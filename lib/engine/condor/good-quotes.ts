import type { ParityFlag, QuoteLeftOut } from '../plan-types';
import type { ChainExpiry, QualityFlag, Quote } from '../snapshot-types';

/**
 * Which quotes of one expiry a layer may trade on (issue 11, point 5). A quote is left out,
 * with its reason, when it has no two-sided market, a zero bid, a crossed market, a bid–ask
 * spread wider than `maxSpreadFractionOfMid` of its mid, a strike the put-call parity scan
 * flagged (stale or bad: both sides of that strike, since parity cannot say which side is
 * wrong), or a broker greek the reader found impossible. Left-out quotes are removed before
 * the smile is solved, so a bad quote moves neither a leg nor its neighbours' vols.
 */
export interface QuoteScreen {
  /** The expiry with every left-out quote replaced by null. */
  clean: ChainExpiry;
  leftOut: QuoteLeftOut[];
}

export interface ScreenInputs {
  maxSpreadFractionOfMid: number;
  /** The parity scan's flags for this expiry. */
  parity: readonly ParityFlag[];
  /** The reader's per-quote flags for the whole chain (matched on expiry, strike, side). */
  readerFlags: readonly QualityFlag[];
}

function verdict(q: Quote, maxSpread: number): { reason: QuoteLeftOut['reason']; detail: string } | null {
  if (q.bid === null || q.ask === null)
    return { reason: 'no-two-sided-quote', detail: 'bid or ask not shown' };
  if (!(q.bid > 0)) return { reason: 'zero-bid', detail: `bid ${q.bid}` };
  if (q.bid > q.ask) return { reason: 'crossed', detail: `bid ${q.bid} above ask ${q.ask}` };
  const mid = (q.bid + q.ask) / 2;
  const spread = q.ask - q.bid;
  if (spread > maxSpread * mid)
    return {
      reason: 'wide-spread',
      detail: `spread ${spread.toFixed(2)} is ${((100 * spread) / mid).toFixed(0)} % of the mid ${mid.toFixed(2)} (limit ${(100 * maxSpread).toFixed(0)} %)`,
    };
  return null;
}

export function screenQuotes(exp: ChainExpiry, inputs: ScreenInputs): QuoteScreen {
  const parityByStrike = new Map<number, ParityFlag>();
  for (const f of inputs.parity) if (f.expiry === exp.expiry) parityByStrike.set(f.strike, f);
  const readerBad = new Map<string, QualityFlag>();
  for (const f of inputs.readerFlags)
    if (
      (f.kind === 'impossible-broker-greek' || f.kind === 'crossed-market') &&
      f.expiry === exp.expiry &&
      f.strike !== null &&
      f.side !== null
    )
      readerBad.set(`${f.strike}|${f.side}`, f);
  const leftOut: QuoteLeftOut[] = [];
  const rows = exp.rows.map((row) => {
    const out = { ...row };
    for (const side of ['call', 'put'] as const) {
      const q = row[side];
      if (!q) continue;
      const flagged = readerBad.get(`${row.strike}|${side}`);
      const parity = parityByStrike.get(row.strike);
      const v =
        verdict(q, inputs.maxSpreadFractionOfMid) ??
        (flagged
          ? {
              reason:
                flagged.kind === 'crossed-market' ? ('crossed' as const) : ('impossible-greek' as const),
              detail: flagged.detail,
            }
          : parity
            ? { reason: 'parity-outlier' as const, detail: parity.text }
            : null);
      if (!v) continue;
      out[side] = null;
      leftOut.push({ expiry: exp.expiry, root: exp.root, strike: row.strike, side, ...v });
    }
    return out;
  });
  return { clean: { ...exp, rows }, leftOut };
}

/** Counts of left-out quotes by reason, e.g. "12 zero bid, 3 wide spread". */
export function leftOutSummary(leftOut: readonly QuoteLeftOut[]): string {
  const n = new Map<string, number>();
  for (const l of leftOut) n.set(l.reason, (n.get(l.reason) ?? 0) + 1);
  return [...n].map(([r, c]) => `${c} ${r.replaceAll('-', ' ')}`).join(', ');
}
