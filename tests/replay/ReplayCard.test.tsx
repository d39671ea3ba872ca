// @vitest-environment happy-dom
/**
 * The "How the rules did" card on the options page: the four history imports (size limit,
 * checks), the run, and the view (label, three equity curves, episode and fit tables).
 * Histories are small synthetic files (the real ones are tested in real-data.test.ts).
 */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { ReplayCard } from '../../components/replay/ReplayCard';
import { DEFAULT_SETTINGS } from '../../lib/schema/settings';

afterEach(cleanup);

/** Weekday sessions 2015-06-01 … 2015-10-30, SPX drifting from 2100 to 1900 and back. */
function histories() {
  const spx = ['Date,Open,High,Low,Close,Adj Close,Volume'];
  const vix = ['DATE,OPEN,HIGH,LOW,CLOSE'];
  const vvix = ['DATE,VVIX'];
  const vx = [',Trade Date,Futures,Open,High,Low,Close,Settle,Change,Total Volume,EFP,Open Interest'];
  const expiries = [
    '2015-06-17',
    '2015-07-22',
    '2015-08-19',
    '2015-09-16',
    '2015-10-21',
    '2015-11-18',
    '2015-12-16',
    '2016-01-20',
  ];
  let i = 0;
  for (let t = Date.parse('2015-06-01T12:00:00Z'); t <= Date.parse('2015-10-30T12:00:00Z'); t += 86_400_000) {
    const d = new Date(t);
    if (d.getUTCDay() === 0 || d.getUTCDay() === 6) continue;
    const date = d.toISOString().slice(0, 10);
    const [y, m, day] = date.split('-');
    const close = 2000 + 100 * Math.cos(i / 20);
    const v = 15 + 5 * Math.sin(i / 15);
    spx.push(`${date},${close - 3},0,0,${close},${close},0`);
    vix.push(`${m}/${day}/${y},${v},0,0,${v}`);
    vvix.push(`${m}/${day}/${y},95`);
    for (const [n, e] of expiries.entries())
      if (e >= date) vx.push(`${i},${date},${e},0,0,0,0,${(v + 1 + n * 0.6).toFixed(2)},0,0,0,0`);
    i++;
  }
  return { spx: spx.join('\n'), vix: vix.join('\n'), vx: vx.join('\n'), vvix: vvix.join('\n') };
}

function upload(name: string, text: string, fileName = `${name}.csv`) {
  const input = document.querySelector(`input[name="replay-${name}"]`) as HTMLInputElement;
  Object.defineProperty(input, 'files', { value: [new File([text], fileName)], configurable: true });
  fireEvent.change(input);
}

describe('ReplayCard', () => {
  it('refuses a file over the size limit before reading it', async () => {
    render(<ReplayCard settings={DEFAULT_SETTINGS} />);
    upload('vx', 'x'.repeat(8_000_001));
    expect((await screen.findByRole('alert')).textContent).toMatch(/limit is 8 MB/);
  });

  it('says what a file lacks', async () => {
    render(<ReplayCard settings={DEFAULT_SETTINGS} />);
    upload('vvix', 'DATE,SOMETHING\n01/02/2015,1\n');
    await waitFor(() =>
      expect(screen.getByTestId('replay-file-vvix').textContent).toMatch(/need columns DATE/),
    );
    expect((screen.getByRole('button', { name: 'Run the replay' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('runs the replay on imported histories and draws the curves, episodes and fit', async () => {
    render(<ReplayCard settings={DEFAULT_SETTINGS} />);
    const h = histories();
    for (const k of ['spx', 'vix', 'vx', 'vvix'] as const) upload(k, h[k]);
    await waitFor(() => expect(screen.getByTestId('replay-file-vx').textContent).toMatch(/rows kept/));
    fireEvent.input(document.querySelector('input[name="replay-from"]') as HTMLInputElement, {
      target: { value: '2015-07-01' },
    });
    fireEvent.input(document.querySelector('input[name="replay-to"]') as HTMLInputElement, {
      target: { value: '2015-10-30' },
    });
    const button = screen.getByRole('button', { name: 'Run the replay' }) as HTMLButtonElement;
    await waitFor(() => expect(button.disabled).toBe(false));
    fireEvent.click(button);
    const view = await screen.findByTestId('replay-view', {}, { timeout: 20_000 });
    expect(screen.getByTestId('replay-label').textContent).toMatch(
      /Model prices from VIX and VVIX, not historical quotes/,
    );
    expect(view.querySelectorAll('path[data-series]')).toHaveLength(3);
    // 2015-07-01 … 2015-10-30: 18 Fridays (07-03 was a holiday in reality, not in this file).
    expect(
      view.querySelector('path[data-series="condorOnly"]')?.getAttribute('d')?.match(/[ML]/g),
    ).toHaveLength(18);
    expect(view.querySelector('tr[data-episode="2015-08"]')).not.toBeNull();
    expect(view.querySelector('tr[data-fit="2020-03-20"]')?.textContent).toMatch(/8\.3 vol pts/);
    expect(view.textContent).toMatch(/No events file: .*a press was suggested on \d+ of 18 decision days/);
  }, 30_000);
});
