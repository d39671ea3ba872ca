/**
 * A 12.8 MB Cboe options JSON (30 expiries × 1,050 strikes × call and put = 63,000 options) posted
 * to our page-world listener, as the Cboe page's own script would hand it over. Shared by the
 * browser test (the payload is read, in slices) and the bench (how long the page's longest task
 * is beside `JSON.parse` of the same text, the one piece that cannot be sliced).
 *
 * A string evaluated in the page, so no transpiler helper leaks into it. It resolves with
 * { chars, parseMs, longest }: the payload's length, JSON.parse of it alone (ms), and the longest
 * main-thread task (ms) in the 8 s after the post.
 */
export const POST_BIG_CBOE_PAYLOAD = `(async () => {
  const options = [];
  for (let e = 0; e < 30; e++) {
    const d = new Date(Date.UTC(2027, 0, 15 + 7 * e));
    const ymd = String(d.getUTCFullYear()).slice(2) + String(d.getUTCMonth() + 1).padStart(2, '0') + String(d.getUTCDate()).padStart(2, '0');
    for (let k = 0; k < 1050; k++) {
      const strike = 3000 + k * 2;
      for (const cp of ['C', 'P'])
        options.push({
          option: 'SPXW' + ymd + cp + String(strike * 1000).padStart(8, '0'),
          bid: 10.1, ask: 10.6, last_trade_price: 10.3, volume: 12, open_interest: 1534, iv: 0.21,
          delta: cp === 'C' ? 0.4 : -0.6, gamma: 0.001, theta: -1.2, vega: 3.4, theo: 10.3, tick: 'no_change',
        });
    }
  }
  const json = JSON.stringify({ timestamp: '2026-11-26 09:45:00', data: { symbol: '_SPX', current_price: 6021.35, options } });
  const t0 = performance.now();
  JSON.parse(json);
  const parseMs = performance.now() - t0;
  await new Promise((r) => setTimeout(r, 200));
  let longest = 0;
  new PerformanceObserver((l) => {
    for (const e of l.getEntries()) longest = Math.max(longest, e.duration);
  }).observe({ type: 'longtask' });
  window.postMessage({ source: 'alvh-page-world', v: 1, kind: 'cboe-options-json', from: 'x', json }, window.location.origin);
  await new Promise((r) => setTimeout(r, 8000));
  return { chars: json.length, parseMs, longest };
})()`;

/** The Cboe page the payload is posted on (the page-world script runs on Cboe's hosts only). */
export const CBOE_QUOTE_TABLE_URL = 'https://www.cboe.com/delayed_quotes/spx/quote_table';
