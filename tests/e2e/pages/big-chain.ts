/**
 * A straddle chain page with `rows` strikes across a few expirations (for the "never freezes"
 * and overlay-update checks). Prices follow a smooth rule; the page also changes one row a
 * second when `?live=1`, like a streaming quote page.
 */
export function bigChainPage(rows: number, live: boolean): string {
  const perExpiry = Math.min(rows, 2_000);
  const expiries = Math.ceil(rows / perExpiry);
  const sections: string[] = [];
  for (let e = 0; e < expiries; e++) {
    const expiry = new Date(Date.UTC(2027, 0, 15 + 7 * e)).toISOString().slice(0, 10);
    const body: string[] = [];
    for (let i = 0; i < perExpiry && e * perExpiry + i < rows; i++) {
      const k = 4000 + i;
      const c = Math.max(0.05, 6000 - k) + 5 + (i % 7) * 0.1;
      const p = Math.max(0.05, k - 6000) + 5 + (i % 5) * 0.1;
      body.push(
        `<tr><td>${c.toFixed(2)}</td><td>${(c + 0.2).toFixed(2)}</td><td>${k}</td><td>${p.toFixed(2)}</td><td>${(p + 0.2).toFixed(2)}</td></tr>`,
      );
    }
    sections.push(
      `<h3>SPXW ${expiry}</h3><table class="chain"><thead><tr><th>Bid</th><th>Ask</th><th>Strike</th><th>Bid</th><th>Ask</th></tr></thead><tbody>${body.join('')}</tbody></table>`,
    );
  }
  const script = live
    ? `<script>let n=0;setInterval(()=>{const td=document.querySelector('table.chain tbody tr:nth-child(${Math.min(
        rows,
        1000,
      )}) td');if(td){td.textContent=(Number(td.textContent)+0.05).toFixed(2);n++;document.body.dataset.updates=String(n);}},1000);</script>`
    : '';
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>SPX options (SPX)</title></head><body><h1>SPX chain</h1>${sections.join('')}${script}</body></html>`;
}
