import { describe, expect, it } from 'vitest';
import { compactForStorage, MAX_STORED_ROWS } from '../../../lib/background/compact-chain';
import { syntheticSpxChain } from '../../fixtures/engine/synthetic-chain';

describe('compactForStorage', () => {
  it('keeps a chain that fits unchanged', () => {
    const chain = syntheticSpxChain({ strikesPerExpiry: 100 });
    expect(compactForStorage(chain)).toBe(chain);
  });

  it('keeps the strikes nearest the money of a large chain and says so', () => {
    const chain = syntheticSpxChain({ strikesPerExpiry: 2_000, strikeStep: 1, spot: 6000 });
    const small = compactForStorage(chain);
    const rows = small.expiries.reduce((n, e) => n + e.rows.length, 0);
    expect(rows).toBeLessThanOrEqual(MAX_STORED_ROWS);
    expect(small.expiries.map((e) => e.expiry)).toEqual(chain.expiries.map((e) => e.expiry));
    const strikes = small.expiries[0]!.rows.map((r) => r.strike);
    // 400 strikes per expiry, 1 point apart, centred on spot 6000 and still sorted.
    expect(strikes.length).toBe(400);
    expect(Math.min(...strikes)).toBeGreaterThanOrEqual(5800);
    expect(Math.max(...strikes)).toBeLessThanOrEqual(6200);
    expect([...strikes].sort((a, b) => a - b)).toEqual(strikes);
    expect(small.coverage.note).toMatch(/4000 of 20000 rows/);
  });
});
