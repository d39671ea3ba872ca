/**
 * Layer 1 on the real Cboe SPX chains of ../shared/data (read in place with the CSV reader,
 * skipped when absent): every leg names its contract (root, settlement, OCC symbol — the
 * symbol checked against the file's own text), the plan is priced at the quote time even
 * when run a week later, the best is no longer pinned at the top of the delta band, and the
 * legs agree with the vendor's delta and IV printed in the same file.
 *
 * Vendor figures (read by eye from the files; columns Calls, …, IV, Delta, …, Puts, …, IV, Delta):
 *   2020-03-22 file: quote stamp "Mar 22 2020 @ 18:24 ET"; the SPXW 2020-04-24 legs below.
 *   2022-02-05 file: quote stamp "February 5 2022, 8:09 PM EST"; the SPXW 2022-03-11 legs below.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { builtinCalendar } from '../../lib/engine/events/builtin-calendar';
import { black76ImpliedVol } from '../../lib/engine/iv/implied-vol';
import { plan } from '../../lib/engine/plan/plan';
import type { CondorCandidate } from '../../lib/engine/plan-types';
import type { ChainSnapshot } from '../../lib/engine/snapshot-types';
import { readCsv } from '../../lib/readers/csv';
import { planSchema } from '../../lib/schema/plan';
import { DEFAULT_SETTINGS } from '../../lib/schema/settings';

const DATA = new URL('../../../shared/data/', import.meta.url);
const FILES = {
  2020: new URL('cboe-quotedata-spx-2020-03-22/quotedata.dat', DATA),
  2022: new URL('cboe-quotedata-spx-ndx-2022-02-05/spx_quotedata.csv', DATA),
};
const MS_PER_DAY = 86_400_000;
const WEEK_MS = 7 * MS_PER_DAY;

/** Chosen expiry and its settlement instant, hand-computed: PM-settled SPXW at 16:00 New York (EDT −4 / EST −5). */
const EXPECTED = {
  2020: { expiry: '2020-04-24', settlesAt: '2020-04-24T20:00:00Z' },
  2022: { expiry: '2022-03-11', settlesAt: '2022-03-11T21:00:00Z' },
} as const;

function read(url: URL): { chain: ChainSnapshot; text: string } {
  const text = readFileSync(url, 'utf8');
  const r = readCsv(text, { url: url.pathname, now: '2026-01-01T00:00:00Z' });
  if (!r.ok) throw new Error(r.failure.detail);
  const chain = r.snapshots.find((s): s is ChainSnapshot => s.kind === 'option-chain');
  if (!chain?.quoteTime) throw new Error('no chain with a quote time');
  return { chain, text };
}

function planAt(chain: ChainSnapshot, now: string) {
  const inputs = {
    chain,
    vixCurve: null,
    vixChain: null,
    history: [],
    calendar: builtinCalendar(),
    held: null,
  };
  return plan(inputs, DEFAULT_SETTINGS, now);
}

const legsOf = (c: CondorCandidate) => [c.legs.longPut, c.legs.shortPut, c.legs.shortCall, c.legs.longCall];

/** The file's row for an OCC symbol: [iv, delta] of that side, straight from the CSV text. */
function vendorFigures(text: string, compactSymbol: string): { iv: number; delta: number } {
  const line = text.split(/\r?\n/).find((l) => l.includes(`,${compactSymbol},`));
  if (!line) throw new Error(`${compactSymbol} not in the file`);
  const c = line.split(',');
  const call = c[1] === compactSymbol;
  return { iv: Number(c[call ? 7 : 18]), delta: Number(c[call ? 8 : 19]) };
}

for (const year of [2020, 2022] as const) {
  describe.skipIf(!existsSync(FILES[year]))(`Layer 1 on the Cboe SPX chain of ${year}`, () => {
    const { chain, text } = existsSync(FILES[year])
      ? read(FILES[year])
      : { chain: null as unknown as ChainSnapshot, text: '' };
    const quoteTime = chain?.quoteTime ?? '';
    const soon = new Date(Date.parse(quoteTime) + 5 * 60_000).toISOString();
    const weekLater = new Date(Date.parse(quoteTime) + WEEK_MS).toISOString();

    it('names the contract of every leg: root, settlement and the OCC symbol the file itself prints', () => {
      const p = planAt(chain, soon);
      expect(planSchema.safeParse(p).success).toBe(true);
      const best = p.condor.figures?.best;
      if (!best) throw new Error(p.condor.reason);
      expect(best.expiry).toBe(EXPECTED[year].expiry);
      expect([best.root, best.settlement]).toEqual(['SPXW', 'PM']);
      for (const leg of legsOf(best)) {
        expect([leg.root, leg.settlement]).toEqual(['SPXW', 'PM']);
        expect(leg.occSymbol).toMatch(/^SPXW {2}\d{6}[CP]\d{8}$/);
        // The Cboe file prints the same symbol without the padding spaces.
        expect(text).toContain(`,${(leg.occSymbol ?? '').replaceAll(' ', '')},`);
      }
      expect(p.condor.why[0]?.text).toContain('SPXW weekly, PM-settled');
      expect(p.condor.reason).toContain('SPXW');
    });

    it('prices at the quote time: the same legs, vols and days to expiry a week later, marked stale', () => {
      const a = planAt(chain, soon);
      const b = planAt(chain, weekLater);
      const days = (Date.parse(EXPECTED[year].settlesAt) - Date.parse(quoteTime)) / MS_PER_DAY;
      expect(a.condor.figures?.best.daysToExpiry).toBeCloseTo(days, 9);
      expect(b.condor.figures?.best).toEqual(a.condor.figures?.best);
      expect(b.clock).toMatchObject({
        pricedAt: new Date(quoteTime).toISOString(),
        basis: 'quote-time',
        stale: true,
      });
      expect(Math.round(b.clock.quoteAgeMinutes ?? 0)).toBe(7 * 24 * 60);
      expect(b.warnings[0]).toMatch(/quotes are 7\.0 days old .* priced at their quote time/);
      expect(a.clock.stale).toBe(false);
    });

    it('ranks toward the 0.20 target: the best is not at the top of the 0.15–0.30 band', () => {
      const best = planAt(chain, soon).condor.figures?.best;
      for (const d of [best?.legs.shortPut.delta, best?.legs.shortCall.delta])
        expect(Math.abs(Math.abs(d ?? 1) - 0.2)).toBeLessThan(0.02);
    });

    // The vendor's IV is on its own clock and underlying: on the 2020 file it matches ours to
    // 0.02 vol point when T is taken about a day shorter than from the Friday 16:15 ET close
    // (a Saturday-afternoon valuation), so at the close it differs by 0.6–1.0 vol point (and by
    // 0.8–1.3 at the Sunday 18:24 stamp) while the deltas agree to 0.0002; on the
    // 2022 file the vendor's IV/delta pairs imply an underlying near 4,470 (4210 put: Δ −0.2046
    // at 24.55 % over 35 days), while put-call parity on the file's own quotes puts the forward
    // at 4,488, so its IVs lie outside our bid–ask band (puts ~2 points lower, calls ~1 higher).
    // Delta, which depends only on the price, agrees on both files.
    it("agrees with the vendor's delta, and the vendor's IV lies in the leg's bid–ask IV band (2020)", () => {
      const best = planAt(chain, soon).condor.figures?.best;
      if (!best) throw new Error('no condor');
      for (const leg of legsOf(best)) {
        const v = vendorFigures(text, (leg.occSymbol ?? '').replaceAll(' ', ''));
        expect(Math.abs(leg.delta - v.delta)).toBeLessThan(0.005);
        if (year !== 2020) continue;
        const band = (price: number) => {
          const r = black76ImpliedVol(leg.side, price, best.forward, leg.strike, best.daysToExpiry / 365, 1);
          return 'vol' in r ? r.vol : Number.NaN;
        };
        expect(v.iv).toBeGreaterThan(band(leg.bid) - 0.005);
        expect(v.iv).toBeLessThan(band(leg.ask) + 0.005);
      }
    });

    // Why the vendor's IV differs (issue 11): its day count, not our settlement convention. Our T
    // runs from the quote time (Fri 2020-03-20 16:15 ET close) to the SPXW settlement instant
    // (Fri 2020-04-24 16:00 ET): 34.99 days, the Cboe VIX white paper's rule (minutes to 4:00 p.m.
    // ET for PM-settled weeklies, to 9:30 a.m. ET for AM-settled standard SPX). These legs are
    // PM-settled, so the AM convention plays no part. The vendor's IV is given back to 0.1 vol
    // point by whole calendar days from the day after the last session: 2020-03-21 → 04-24 = 34
    // (the same on every expiry of the file, 2 to 69 days, AM and PM alike: about one day less).
    // Vendor (bid, ask, IV), read from the file's rows.
    it.skipIf(year !== 2020)(
      "the vendor's IV is a whole-day count: T = 34 days gives it back, ours is 34.99",
      () => {
        const vendor: Record<string, [number, number, number]> = {
          SPXW200424P01910000: [56.3, 60, 0.7569],
          SPXW200424P01940000: [61.6, 65.4, 0.7446],
          SPXW200424C02610000: [31.7, 35, 0.4577],
          SPXW200424C02635000: [26.4, 29.5, 0.4493],
        };
        const p = planAt(chain, soon);
        const best = p.condor.figures?.best;
        const discount = p.condor.why.find((w) => w.rule === 'parity-forward')?.inputs.discount;
        if (!best || typeof discount !== 'number') throw new Error('no condor');
        expect(best.daysToExpiry).toBeCloseTo(34 + (23 + 45 / 60) / 24, 9); // 16:15 → 16:00 a day later ×34
        for (const leg of legsOf(best)) {
          const v = vendor[(leg.occSymbol ?? '').replaceAll(' ', '')];
          if (!v) throw new Error(`${leg.occSymbol} not in the table`);
          const [bid, ask, vendorIv] = v;
          expect([leg.bid, leg.ask]).toEqual([bid, ask]);
          const ivAt = (days: number) => {
            const r = black76ImpliedVol(
              leg.side,
              (bid + ask) / 2,
              best.forward,
              leg.strike,
              days / 365,
              discount ** (days / best.daysToExpiry),
            );
            return 'vol' in r ? r.vol : Number.NaN;
          };
          expect(Math.abs(ivAt(34) - vendorIv)).toBeLessThan(0.001);
          expect(ivAt(best.daysToExpiry)).toBeCloseTo(leg.iv, 9);
          expect(vendorIv - leg.iv).toBeGreaterThan(0.005);
        }
      },
    );
  });
}
