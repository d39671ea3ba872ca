/**
 * The one home of market rules (lib/engine/market): readers and engine agree because they
 * call the same functions, and no module keeps its own copy. Independent references: the
 * runtime's IANA tz data (Intl) for New York time; Cboe's published VX final settlement
 * dates; the Cboe VIX options specification (VIXW settles by the Wednesday-morning SOQ).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { condorPayoffAtExpiry } from '../../lib/engine/market/condor-payoff';
import { settlementInstant } from '../../lib/engine/market/expiry-time';
import { settlementForRoot, settlementStyleOf } from '../../lib/engine/market/roots';
import { vixSettlementDate } from '../../lib/engine/market/vix-expiry';
import { ChainBuilder, emptyQuote } from '../../lib/readers/build';
import { easternStampToIso } from '../../lib/readers/eastern-time';

describe('root → settlement, the same for readers and engine', () => {
  it('VIXW (weekly VIX options) is AM-settled like VIX, in the reader and in the engine', () => {
    expect(settlementForRoot('VIXW')).toBe('AM');
    const b = new ChainBuilder();
    b.add('2026-12-09', 'VIXW', 20, 'call', { ...emptyQuote(), bid: 1, ask: 1.1 });
    const snap = b.finish({
      reader: 't',
      url: 'x',
      readAt: '2026-12-01T15:00:00Z',
      symbol: 'VIX',
      quoteTime: null,
      price: 18,
    });
    const e = snap.expiries[0]!;
    expect([e.root, e.settlement]).toEqual(['VIXW', 'AM']);
    // Engine: the reader's settlement does not turn it into a PM expiry.
    expect(settlementStyleOf(e.root, e.settlement).style).toBe('VIX-AM');
    // 2026-12-09 09:30 EST = 14:30 UTC.
    expect(settlementInstant(e.expiry, e.root, e.settlement)?.instantIso).toBe('2026-12-09T14:30:00.000Z');
  });
  it('SPX is AM, SPXW PM, an unknown root null', () => {
    expect(['SPX', 'SPXW', 'XSP', 'spxw', 'AAPL'].map(settlementForRoot)).toEqual([
      'AM',
      'PM',
      'PM',
      'PM',
      null,
    ]);
  });
});

describe('New York clock (readers use the engine’s)', () => {
  const intlHour = (iso: string) =>
    Number(
      new Intl.DateTimeFormat('en-US', {
        timeZone: 'America/New_York',
        hour: 'numeric',
        hourCycle: 'h23',
      }).format(new Date(iso)),
    );
  it.each([
    ['2026-03-06 09:45:00', '2026-03-06T14:45:00.000Z'], // EST, the Friday before DST starts
    ['2026-03-09 09:45:00', '2026-03-09T13:45:00.000Z'], // EDT, the Monday after
    ['2026-11-02 16:00:00', '2026-11-02T21:00:00.000Z'], // EST again after 1 November
    ['2022-02-04 15:00', '2022-02-04T20:00:00.000Z'],
  ])('%s ET → %s, and Intl reads the same hour back', (stamp, iso) => {
    expect(easternStampToIso(stamp)).toBe(iso);
    expect(intlHour(iso)).toBe(Number(stamp.slice(11, 13)));
  });
  it('rejects an impossible clock time', () => {
    expect(easternStampToIso('2026-03-06 25:00:00')).toBeNull();
  });
});

describe('VIX settlement rule outside the NYSE table', () => {
  // Cboe VX final settlement dates as published (contract months).
  it.each([
    [2022, 6, '2022-06-15'],
    [2024, 3, '2024-03-20'],
    // 19 June 2024 (Juneteenth, a Wednesday) was a holiday: the business day before it.
    [2024, 6, '2024-06-18'],
    // March 2025: April's third Friday is Good Friday (18 April) → Thursday 17 April − 30 days.
    [2025, 3, '2025-03-18'],
  ])('%d-%d settles on %s', (y, m, iso) => {
    expect(vixSettlementDate(y, m)).toBe(iso);
  });
});

describe('condor payoff at expiry', () => {
  // 4000/4050/4300/4350 condor for 12.5 points: hand-computed.
  const k = { longPut: 4000, shortPut: 4050, shortCall: 4300, longCall: 4350 };
  it.each([
    [3900, 12.5 - 50],
    [4037.5, 0],
    [4200, 12.5],
    [4320, 12.5 - 20],
    [4500, 12.5 - 50],
  ])('settling at %d pays %d points', (s, pnl) => {
    expect(condorPayoffAtExpiry(k, 12.5, s)).toBeCloseTo(pnl, 12);
  });
});

describe('no copies left', () => {
  function files(dir: string): string[] {
    return readdirSync(dir).flatMap((n) => {
      const p = join(dir, n);
      return statSync(p).isDirectory() ? files(p) : /\.tsx?$/.test(n) ? [p] : [];
    });
  }
  const product = ['lib', 'components', 'entrypoints']
    .flatMap(files)
    .filter((p) => !p.includes('engine/market/'));
  it.each([
    ['a contract multiplier', /MULTIPLIER\s*=\s*\d/],
    ['days per year', /DAYS_PER_YEAR\w*\s*=\s*36[56]/],
    [
      'a daylight-saving rule',
      /function\s+(nthSunday|easternOffsetHours|isNewYorkDaylightTime|newYorkToUtcMs)\b/,
    ],
    ['a root → settlement table', /['"]VIXW['"]\s*\)?\s*(\|\||,|\)|:)\s*.*['"](AM|PM)['"]/],
    ['a VIX expiry rule', /function\s+(vixFutureExpiry|vixSettlementDate|easter)\b/],
  ])('no module outside lib/engine/market defines %s', (_what, re) => {
    expect(product.filter((p) => re.test(readFileSync(p, 'utf8')))).toEqual([]);
  });
});
