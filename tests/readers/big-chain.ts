/**
 * A synthetic straddle chain of `rows` strikes in total, split over `expiries` tables (each
 * under its own expiry heading), for the 20k-row and bench tests.
 */
export function bigChainHtml(rows: number, expiries = 1): string {
  const heads = [
    'Last',
    'Bid',
    'Ask',
    'Volume',
    'Open Int',
    'IV',
    'Delta',
    'Strike',
    'Last',
    'Bid',
    'Ask',
    'Volume',
    'Open Int',
    'IV',
    'Delta',
  ];
  const out: string[] = [];
  const perTable = Math.ceil(rows / expiries);
  for (let e = 0; e < expiries; e++) {
    out.push(
      `<h2>December ${10 + e}, 2026</h2><table><thead><tr>`,
      ...heads.map((h) => `<th>${h}</th>`),
      '</tr></thead><tbody>',
    );
    for (let i = e * perTable; i < Math.min(rows, (e + 1) * perTable); i++) {
      const strike = 1000 + i * 0.5;
      const c = (i % 97) + 0.25;
      out.push(
        `<tr><td>${c.toFixed(2)}</td><td>${(c - 0.1).toFixed(2)}</td><td>${(c + 0.1).toFixed(2)}</td><td>1,${String(i % 1000).padStart(3, '0')}</td>`,
        `<td>${i * 3}</td><td>${(15 + (i % 20)).toFixed(2)}%</td><td>0.${String(50 + (i % 40))}</td><td>${strike.toFixed(2)}</td>`,
        `<td>${c.toFixed(2)}</td><td>${(c - 0.1).toFixed(2)}</td><td>${(c + 0.1).toFixed(2)}</td><td>${i % 500}</td>`,
        `<td>${i * 2}</td><td>${(16 + (i % 20)).toFixed(2)}%</td><td>-0.${String(10 + (i % 40))}</td></tr>`,
      );
    }
    out.push('</tbody></table>');
  }
  return out.join('');
}
