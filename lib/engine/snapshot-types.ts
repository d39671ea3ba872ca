/**
 * What page readers hand to the engine: plain data, already validated at the boundary by
 * the zod schemas in lib/schema/snapshot.ts (which `satisfies` these types).
 *
 * Units: prices in index points per share (SPX/VIX option premium as quoted); strikes in
 * index points; `iv` an annualised fraction (0.18 = 18 %); `delta` per share, −1…1.
 * Dates are exchange-calendar dates "YYYY-MM-DD"; instants are ISO-8601 strings.
 */

/** One side (call or put) of one strike as the page showed it. Null = not shown/unreadable. */
export interface Quote {
  bid: number | null;
  ask: number | null;
  last: number | null;
  volume: number | null;
  openInterest: number | null;
  /** The page's own implied vol, annualised fraction ("broker" figure, never mixed with ours). */
  iv: number | null;
  /** The page's own delta ("broker" figure). */
  delta: number | null;
}

export interface ChainRow {
  /** Strike in index points. */
  strike: number;
  call: Quote | null;
  put: Quote | null;
}

export interface ChainExpiry {
  /** Expiration date, YYYY-MM-DD. */
  expiry: string;
  /** Option root when known: "SPX" (AM-settled monthly), "SPXW" (PM-settled), "VIX", "VIXW"… */
  root: string | null;
  settlement: 'AM' | 'PM' | null;
  rows: ChainRow[];
}

export interface SnapshotSource {
  /** Reader id, e.g. "cboe", "generic-table", "csv-quotedata". */
  reader: string;
  url: string;
  /** ISO instant the reader ran. */
  readAt: string;
}

export interface DroppedRows {
  /** Short machine-readable reason, e.g. "strike-unreadable", "duplicate-strike". */
  reason: string;
  count: number;
}

/**
 * A data-quality flag raised by a reader (zero bid, crossed market, bad broker greek,
 * quote time taken from the last close because the stamp was outside the session, IV unit
 * decided by a stated rule because the header gave none).
 */
export interface QualityFlag {
  kind:
    | 'zero-bid'
    | 'crossed-market'
    /** Raised by earlier versions at read time; kept so stored snapshots still parse (staleness is now market/quote-staleness.ts). */
    | 'stale-quote'
    | 'impossible-broker-greek'
    | 'mixed-quote-times'
    | 'quote-time-from-close'
    | 'iv-unit-assumed';
  expiry: string | null;
  strike: number | null;
  side: 'call' | 'put' | null;
  detail: string;
}

export interface Coverage {
  /** Expiries the page lists (opened or not). */
  expiriesListed: number;
  /** Expiries whose rows were read. */
  expiriesRead: number;
  /** Rows read in total. */
  rowsRead: number;
  /** Human note, e.g. "3 expirations collapsed: open them to read". */
  note: string | null;
}

export interface ChainSnapshot {
  kind: 'option-chain';
  source: SnapshotSource;
  underlying: { symbol: string; price: number | null };
  /** ISO instant of the quotes when the page says so. */
  quoteTime: string | null;
  expiries: ChainExpiry[];
  coverage: Coverage;
  dropped: DroppedRows[];
  flags: QualityFlag[];
}

export interface VixFuture {
  /** Final settlement date of the contract, YYYY-MM-DD. */
  expiry: string;
  /** e.g. "VX/Z6" or "VXZ26" when shown. */
  symbol: string | null;
  /** Futures price in VIX index points. */
  price: number;
}

export interface VixCurveSnapshot {
  kind: 'vix-curve';
  source: SnapshotSource;
  /** VIX spot, index points. */
  spot: number | null;
  indices: { VIX9D?: number; VIX3M?: number; VIX6M?: number };
  futures: VixFuture[];
}

export type Snapshot = ChainSnapshot | VixCurveSnapshot;

/** A reader's typed failure: what was missing, named for the user. */
export interface ReadFailure {
  reason: 'not-a-chain' | 'layout-changed' | 'no-rows' | 'unsupported-page' | 'reader-error' | 'too-large';
  detail: string;
}
