/**
 * The bundled demo pages, made for a given day so the demo and the browser tests never go
 * stale: "Demo Broker", an SPX option chain page in the layout many brokers use (one
 * straddle table per expiration: calls | strike | puts), and a VIX futures page.
 *
 * Quotes are Black-Scholes prices of a skewed smile (index points per share), rounded to
 * the SPX tick, with a bid/ask spread; the numbers are illustrative, not market data.
 */
import { black76Price, price, vixSettlementDate } from '../../lib/engine';

/** SPX level of the demo, index points. */
export const DEMO_SPOT = 6850;
const RATE = 0.04; // continuous annual fraction
const DIV_YIELD = 0.013; // continuous annual fraction
const STRIKE_STEP = 25; // index points
const DAYS_TO_EXPIRIES = [4, 25, 39, 53]; // calendar days from the demo day (Fridays are not required)

/** Annualised vol of the demo smile at log-moneyness k = ln(K/F) for tYears. */
function smileVol(k: number, tYears: number): number {
  const atm = 0.115 + 0.05 * Math.sqrt(tYears);
  return Math.max(0.07, atm - 0.38 * k + 1.1 * k * k);
}

function tick(p: number): number {
  const t = p < 3 ? 0.05 : 0.1;
  return Math.max(0, Math.round(p / t) * t);
}

function addDays(day: string, n: number): string {
  const d = new Date(`${day}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** "Nov 26, 2026" for YYYY-MM-DD. */
const longDate = (day: string) =>
  new Date(`${day}T12:00:00Z`).toLocaleDateString('en-US', {
    month: 'short',
    day: 'numeric',
    year: 'numeric',
    timeZone: 'UTC',
  });
const fmt = (x: number) => x.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

interface SideQuote {
  bid: number;
  ask: number;
  iv: number;
  delta: number;
}

function quoteSide(kind: 'call' | 'put', strike: number, tYears: number): SideQuote {
  const fwd = DEMO_SPOT * Math.exp((RATE - DIV_YIELD) * tYears);
  const vol = smileVol(Math.log(strike / fwd), tYears);
  const at = (spot: number) => {
    const p = price(kind, spot, strike, tYears, RATE, DIV_YIELD, vol);
    if (p === null) throw new Error(`demo pricing failed at K=${strike}`);
    return p;
  };
  const mid = at(DEMO_SPOT);
  const half = Math.max(0.05, 0.02 * mid);
  const bid = tick(mid - half);
  const ask = Math.max(tick(mid + half), bid + 0.05);
  // A rough broker delta, as brokers show (ours is recomputed from the quotes).
  const bump = 0.5;
  const d = (at(DEMO_SPOT + bump) - at(DEMO_SPOT - bump)) / (2 * bump);
  return { bid, ask, iv: vol, delta: d };
}

function row(strike: number, tYears: number, seed: number): string {
  const c = quoteSide('call', strike, tYears);
  const p = quoteSide('put', strike, tYears);
  const vol = (x: number) => String(Math.round(50 + ((strike * 7 + seed * 13 + x) % 997)));
  const cells = (q: SideQuote, x: number) =>
    [
      fmt(q.bid),
      fmt(q.ask),
      fmt((q.bid + q.ask) / 2),
      vol(x),
      vol(x + 3),
      `${(q.iv * 100).toFixed(1)}%`,
      q.delta.toFixed(3),
    ]
      .map((v) => `<td>${v}</td>`)
      .join('');
  return `<tr>${cells(c, 1)}<td class="strike">${fmt(strike)}</td>${cells(p, 2)}</tr>`;
}

/**
 * The SPX chain page for `day` (YYYY-MM-DD, the quotes' date in New York) with quotes stamped
 * at `clock` ("3:45 PM", New York time).
 */
export function demoChainPage(day: string, clock = '3:45 PM'): string {
  const head = ['Bid', 'Ask', 'Last', 'Volume', 'Open Int', 'IV', 'Delta'];
  const sections = DAYS_TO_EXPIRIES.map((days, i) => {
    const expiry = addDays(day, days);
    const tYears = days / 365;
    const strikes: number[] = [];
    const lo = Math.round((DEMO_SPOT * 0.86) / STRIKE_STEP) * STRIKE_STEP;
    const hi = Math.round((DEMO_SPOT * 1.08) / STRIKE_STEP) * STRIKE_STEP;
    for (let k = lo; k <= hi; k += STRIKE_STEP) strikes.push(k);
    const label = new Date(`${expiry}T12:00:00Z`).toLocaleDateString('en-US', {
      month: 'short',
      day: 'numeric',
      year: 'numeric',
      timeZone: 'UTC',
    });
    return `<section class="expiry">
  <h3>SPXW ${esc(label)} (${days} days) — PM-settled</h3>
  <table class="chain">
    <thead><tr><th colspan="7">Calls</th><th></th><th colspan="7">Puts</th></tr>
    <tr>${head.map((h) => `<th>${h}</th>`).join('')}<th>Strike</th>${head.map((h) => `<th>${h}</th>`).join('')}</tr></thead>
    <tbody>${strikes.map((k) => row(k, tYears, i)).join('\n')}</tbody>
  </table>
</section>`;
  }).join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>S&amp;P 500 Index (^SPX) Option Chain — Demo Broker</title>
<style>
body{font:13px/1.35 system-ui,sans-serif;margin:0;color:#1b2430;background:#f6f7f9}
header{background:#12263f;color:#fff;padding:10px 18px;display:flex;gap:24px;align-items:baseline}
header h1{font-size:18px;margin:0} .quote{font-size:16px} main{padding:12px 18px}
table.chain{border-collapse:collapse;background:#fff;margin-bottom:18px}
th,td{padding:3px 8px;text-align:right;border-bottom:1px solid #e3e6ea} td.strike{font-weight:600;background:#eef1f5;text-align:center}
h3{margin:14px 0 6px}
</style></head>
<body>
<header><h1>Demo Broker</h1><div class="quote">SPX <span id="last-price">${fmt(DEMO_SPOT)}</span></div>
<div>Quotes as of ${esc(longDate(day))} ${esc(clock)} ET (delayed)</div></header>
<main>
<p>Option chain for <strong>SPX</strong> (S&amp;P 500 Index). Symbol root SPXW: weekly, PM-settled.</p>
${sections}
</main></body></html>`;
}

/** A VIX futures page for `day`: the VIX indices and the next six monthly futures (a flat, nervous curve). */
export function demoVixPage(day: string): string {
  const prices = [20.15, 20.3, 20.45, 20.6, 20.7, 20.8];
  const codes = 'FGHJKMNQUVXZ';
  // The next six monthly contracts still trading on `day`, on their real settlement dates.
  const contracts: { symbol: string; expiry: string }[] = [];
  let year = Number(day.slice(0, 4));
  let month = Number(day.slice(5, 7));
  while (contracts.length < prices.length) {
    const expiry = vixSettlementDate(year, month);
    if (expiry > day) contracts.push({ symbol: `VX/${codes[month - 1]}${String(year).slice(-1)}`, expiry });
    month = month === 12 ? 1 : month + 1;
    if (month === 1) year += 1;
  }
  const index = (name: string, last: number) =>
    `<tr><td>${name}</td><td></td><td>${last.toFixed(2)}</td><td></td></tr>`;
  const rows = contracts
    .map((c, i) => {
      const p = prices[i] as number;
      return `<tr><td>${c.symbol}</td><td>${c.expiry}</td><td>${p.toFixed(2)}</td><td>${(p - 0.05).toFixed(2)}</td></tr>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>VIX Futures — Demo Broker</title>
<style>body{font:13px system-ui,sans-serif;margin:18px}table{border-collapse:collapse}td,th{padding:4px 10px;border-bottom:1px solid #ddd;text-align:right}</style></head>
<body><h1>VIX Futures Term Structure</h1>
<p>Delayed quotes as of ${esc(day)}.</p>
<table class="futures"><thead><tr><th>Symbol</th><th>Expiration</th><th>Last</th><th>Settle</th></tr></thead>
<tbody>${index('VIX Index', 19.8)}${index('VIX9D', 19.2)}${index('VIX3M', 20.9)}
${rows}</tbody></table></body></html>`;
}

/**
 * A VIX options page for `day`: calls and puts on the next two VIX expirations, priced with
 * Black-76 on the demo futures (vol 0.85 + 0.5·ln(K/F), floored at 0.5: VIX calls carry an
 * upward skew), strikes 12–40.
 */
export function demoVixOptionsPage(day: string): string {
  const futures = [20.15, 20.3];
  const expiries: string[] = [];
  let year = Number(day.slice(0, 4));
  let month = Number(day.slice(5, 7));
  while (expiries.length < futures.length) {
    const e = vixSettlementDate(year, month);
    if (e > day) expiries.push(e);
    month = month === 12 ? 1 : month + 1;
    if (month === 1) year += 1;
  }
  const head = ['Bid', 'Ask', 'Last', 'Volume', 'Open Int'];
  const sections = expiries
    .map((expiry, i) => {
      const forward = futures[i] as number;
      const tYears =
        (Date.parse(`${expiry}T14:30:00Z`) - Date.parse(`${day}T20:45:00Z`)) / (365 * 86_400_000);
      const discount = Math.exp(-RATE * tYears);
      const rows: string[] = [];
      for (let k = 12; k <= 40; k++) {
        const vol = Math.max(0.5, 0.85 + 0.5 * Math.log(k / forward));
        const side = (kind: 'call' | 'put') => {
          const mid = black76Price(kind, forward, k, tYears, discount, vol) ?? 0;
          const half = Math.max(0.025, 0.04 * mid);
          const bid = Math.max(0, Math.round((mid - half) * 20) / 20);
          const ask = Math.max(bid + 0.05, Math.round((mid + half) * 20) / 20);
          return [bid, ask, (bid + ask) / 2, 100 + k * 7, 900 + k * 31]
            .map((v, j) => `<td>${j < 3 ? fmt(v) : v}</td>`)
            .join('');
        };
        rows.push(`<tr>${side('call')}<td class="strike">${fmt(k)}</td>${side('put')}</tr>`);
      }
      const label = new Date(`${expiry}T12:00:00Z`).toLocaleDateString('en-US', {
        month: 'short',
        day: 'numeric',
        year: 'numeric',
        timeZone: 'UTC',
      });
      return `<h3>VIX ${esc(label)} — AM-settled</h3>
<table class="chain"><thead><tr>${head.map((h) => `<th>${h}</th>`).join('')}<th>Strike</th>${head
        .map((h) => `<th>${h}</th>`)
        .join('')}</tr></thead><tbody>${rows.join('\n')}</tbody></table>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Cboe Volatility Index (^VIX) Options — Demo Broker</title>
<style>body{font:13px system-ui,sans-serif;margin:18px}table{border-collapse:collapse;margin-bottom:14px}td,th{padding:3px 8px;border-bottom:1px solid #ddd;text-align:right}</style></head>
<body><h1>VIX Options</h1><p>Calls | Strike | Puts. Delayed quotes as of ${esc(day)}.</p>
${sections}
</body></html>`;
}
