import { existsSync, readFileSync } from 'node:fs';
import { MACD, RSI } from 'technicalindicators';
import { describe, expect, it } from 'vitest';
import { adDivergence, adLine } from '../../lib/engine/signals/ad-line';
import { macd } from '../../lib/engine/signals/macd';
import { rsiWilder } from '../../lib/engine/signals/rsi';
import { computeSignals } from '../../lib/engine/signals/tilt';
import { DEFAULT_SETTINGS } from '../../lib/schema/settings';

const DATA = new URL('../../../shared/data/', import.meta.url).pathname;
const TULIP = `${DATA}tulip-indicator-test-vectors/`;
const GSPC = `${DATA}sp500-daily-ohlc-yahoo-1927-2023/GSPC.csv`;

/** Reads a named block of Tulip's test vectors: the `{…}` lines after the header line. */
function tulipBlock(file: string, header: string): number[][] {
  const lines = readFileSync(`${TULIP}${file}`, 'utf8').split('\n');
  const at = lines.findIndex((l) => l.trim() === header);
  const out: number[][] = [];
  for (let i = at + 1; i < lines.length; i++) {
    const l = (lines[i] as string).trim();
    if (l.startsWith('#')) continue;
    if (!l.startsWith('{')) break;
    out.push(l.slice(1, -1).split(',').map(Number));
  }
  return out;
}

/** Deterministic pseudo-random walk (mulberry32), so the test needs no data folder. */
function walk(n: number, seed: number): number[] {
  let s = seed >>> 0;
  const rnd = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = [4000];
  for (let i = 1; i < n; i++) out.push((out[i - 1] as number) * (1 + (rnd() - 0.5) * 0.03));
  return out;
}

describe('rsiWilder', () => {
  it('matches the technicalindicators package (independent implementation) on a 300-day walk', () => {
    const closes = walk(300, 7);
    const ours = rsiWilder(closes, 14);
    const theirs = RSI.calculate({ period: 14, values: closes });
    expect(ours.length).toBe(theirs.length);
    // technicalindicators rounds RSI to 2 decimals: tolerance 0.005 + float noise.
    ours.forEach((v, i) => {
      expect(Math.abs(v - (theirs[i] as number))).toBeLessThan(0.0051);
    });
  });

  it.skipIf(!existsSync(TULIP))('matches Tulip Indicators’ published RSI(5) vector (Achelis p. 299)', () => {
    const [input, expected] = tulipBlock('atoz.txt', 'rsi 5') as [number[], number[]];
    const ours = rsiWilder(input, 5);
    expect(ours.length).toBe(expected.length);
    // Vector printed to 4 decimals.
    ours.forEach((v, i) => {
      expect(Math.abs(v - (expected[i] as number))).toBeLessThan(6e-5);
    });
  });

  it('is 100 on a series that only rises and empty when too short', () => {
    expect(rsiWilder([1, 2, 3, 4], 3)).toEqual([100]);
    expect(rsiWilder([1, 2, 3], 3)).toEqual([]);
  });
});

describe('macd', () => {
  it('matches technicalindicators MACD(12,26,9) with EMA oscillator and signal', () => {
    const closes = walk(400, 11);
    const ours = macd(closes, 12, 26, 9);
    const theirs = MACD.calculate({
      values: closes,
      fastPeriod: 12,
      slowPeriod: 26,
      signalPeriod: 9,
      SimpleMAOscillator: false,
      SimpleMASignal: false,
    }).filter((p) => p.signal !== undefined);
    expect(ours.length).toBe(theirs.length);
    ours.forEach((p, i) => {
      const t = theirs[i];
      expect(Math.abs(p.macd - (t?.MACD ?? Number.NaN))).toBeLessThan(1e-9);
      expect(Math.abs(p.signal - (t?.signal ?? Number.NaN))).toBeLessThan(1e-9);
      expect(Math.abs(p.histogram - (t?.histogram ?? Number.NaN))).toBeLessThan(1e-9);
    });
  });

  it.skipIf(!existsSync(TULIP))('matches Tulip’s MACD(2,5,9) vector with first-value seeding', () => {
    const [input, line, signal, hist] = tulipBlock('untest.txt', 'macd 2 5 9') as number[][];
    const ours = macd(input as number[], 2, 5, 9, 'first');
    expect(ours.length).toBe(line?.length);
    // Vector printed to 3 decimals.
    ours.forEach((p, i) => {
      expect(Math.abs(p.macd - (line?.[i] as number))).toBeLessThan(6e-4);
      expect(Math.abs(p.signal - (signal?.[i] as number))).toBeLessThan(6e-4);
      expect(Math.abs(p.histogram - (hist?.[i] as number))).toBeLessThan(1.1e-3);
    });
  });

  it.skipIf(!existsSync(GSPC))('matches technicalindicators on real S&P 500 closes (2018–2023)', () => {
    const rows = readFileSync(GSPC, 'utf8').trim().split('\n').slice(1);
    const closes = rows.filter((r) => r >= '2018').map((r) => Number(r.split(',')[4]));
    const ours = macd(closes, 12, 26, 9).at(-1);
    const theirs = MACD.calculate({
      values: closes,
      fastPeriod: 12,
      slowPeriod: 26,
      signalPeriod: 9,
      SimpleMAOscillator: false,
      SimpleMASignal: false,
    }).at(-1);
    expect(Math.abs((ours?.macd ?? 0) - (theirs?.MACD ?? 1))).toBeLessThan(1e-8);
    const rsiOurs = rsiWilder(closes, 14).at(-1) ?? 0;
    const rsiTheirs = RSI.calculate({ period: 14, values: closes }).at(-1) ?? 1;
    expect(Math.abs(rsiOurs - rsiTheirs)).toBeLessThan(0.0051);
  });
});

describe('adLine / adDivergence', () => {
  it('sums advances minus declines (hand: 10−5=5, 5+3−9=−1, −1+7−7=−1)', () => {
    expect(adLine([10, 3, 7], [5, 9, 7])).toEqual([5, -1, -1]);
  });

  it('flags a bearish divergence when SPX makes a new high that breadth does not', () => {
    const spx = Array.from({ length: 21 }, (_, i) => 100 + i); // new high on the last day
    const ad = Array.from({ length: 21 }, (_, i) => (i < 10 ? i * 10 : 100 - (i - 10) * 5)); // peaked at 90
    expect(adDivergence(spx, ad)).toBe('bearish');
    expect(adDivergence(spx, spx)).toBe('none');
    const down = spx.map((x) => 300 - x);
    expect(adDivergence(down, ad.map((x) => -x).reverse())).toBe('bullish');
    expect(adDivergence(spx.slice(0, 20), ad.slice(0, 20))).toBeNull();
  });
});

describe('computeSignals', () => {
  it('tilts puts-further when a one-day rally is overbought and unconfirmed by breadth', () => {
    const n = 60;
    const history = Array.from({ length: n }, (_, i) => ({
      date: `2026-01-${String(i).padStart(2, '0')}`,
      spxClose: 5000 + (i % 2 === 0 ? 1 : -1) + (i === n - 1 ? 50 : 0),
      advances: i < 45 ? 2000 : 1000,
      declines: i < 45 ? 1000 : 2000,
      vixClose: null,
      vxFrontSpread: null,
    }));
    const s = computeSignals(history, DEFAULT_SETTINGS.signals);
    expect(s.figures.adDivergence).toBe('bearish');
    // Votes: MACD +1 (the jump), RSI ≥ 70 −1, bearish divergence −1 → −1 → puts-further.
    expect(s.figures.rsi).toBeGreaterThanOrEqual(70);
    expect(s.figures.macd?.histogram).toBeGreaterThan(0);
    expect(s.figures.tilt).toBe('puts-further');
    expect(s.why.map((w) => w.rule)).toContain('ad-divergence');
    expect(s.pressVetoes.join(' ')).toMatch(/bearish A\/D divergence/);
  });

  it('has no figures without history', () => {
    const s = computeSignals([], DEFAULT_SETTINGS.signals);
    expect(s.figures).toEqual({ rsi: null, macd: null, adLine: null, adDivergence: null, tilt: 'neutral' });
  });
});

describe('computeSignals with gaps in breadth', () => {
  it('runs the A/D line over the recent sessions that have breadth (hand: 3 × (1500 − 1000))', () => {
    const day = (i: number, adv: number | null) => ({
      date: `2026-02-${String(i + 1).padStart(2, '0')}`,
      spxClose: 5000 + i,
      advances: adv,
      declines: adv === null ? null : 1000,
      vixClose: null,
      vxFrontSpread: null,
    });
    const s = computeSignals(
      [day(0, 1200), day(1, null), day(2, 1500), day(3, 1500), day(4, 1500)],
      DEFAULT_SETTINGS.signals,
    );
    expect(s.figures.adLine).toBe(1500);
    expect(s.figures.adDivergence).toBeNull(); // 3 sessions: too short for the 20-session check
  });
});
