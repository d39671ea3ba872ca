/**
 * History and CSV import under a heavy user (issue 12.5, 12.7): imports merge by date,
 * replace only when asked, more than the limit is a message, one corrupted day is dropped
 * with a notice while the rest stay, backups are whole, the preview applies the import's checks.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { type HistoryDay, MAX_HISTORY_DAYS } from '../../lib/schema/stored';
import { getBackup, historyItem } from '../../lib/storage';
import { parseVixCurveCsv } from '../../lib/stores/csv-vix-curve';
import { createImportStore } from '../../lib/stores/import-store';

function days(n: number, from = Date.UTC(1900, 0, 1)): HistoryDay[] {
  return Array.from({ length: n }, (_, i) => ({
    date: new Date(from + i * 86_400_000).toISOString().slice(0, 10),
    spxClose: 100 + (i % 50),
    advances: null,
    declines: null,
    vixClose: null,
    vxFrontSpread: null,
  }));
}

async function importCsv(text: string, replace = false) {
  const store = createImportStore();
  store.getState().setReplace(replace);
  store.getState().loadText('h.csv', text);
  await store.getState().commit('2026-11-26T15:00:00.000Z');
  return store.getState().message ?? '';
}

describe('history import', () => {
  beforeEach(() => fakeBrowser.reset());

  it('one new day merges into 29,999 held days instead of replacing them', async () => {
    await historyItem.set({ days: days(29_999) });
    const msg = await importCsv('Date,SPX Close\n2026-11-25,6000');
    expect(msg).toMatch(
      /\(merged by date\); no rows left out; history now holds 30,000 days \(1900-01-01 → 2026-11-25\)\./,
    );
    expect((await historyItem.get()).days).toHaveLength(30_000);
  });

  it('replaces the held days only when asked', async () => {
    await historyItem.set({ days: days(100) });
    expect(await importCsv('Date,SPX Close\n2026-11-25,6000', true)).toMatch(/replacing the stored days/);
    expect((await historyItem.get()).days.map((d) => d.date)).toEqual(['2026-11-25']);
  });

  it('more than the limit is a message, and the held history is untouched', async () => {
    await historyItem.set({ days: days(MAX_HISTORY_DAYS) });
    const msg = await importCsv('Date,SPX Close\n2026-11-25,6000');
    expect(msg).toMatch(/would hold 40,001 days; the limit is 40,000/);
    expect((await historyItem.get()).days).toHaveLength(MAX_HISTORY_DAYS);
  });

  it('one corrupted stored day is dropped with a notice; the other days stay; the backup is whole', async () => {
    const held = days(5_000);
    await fakeBrowser.storage.local.set({
      history: { days: [...held.slice(0, 2_500), { date: 'garbage', spxClose: -1 }, ...held.slice(2_500)] },
    });
    expect((await historyItem.get()).days).toHaveLength(5_000);
    const backup = await getBackup('local:history');
    expect(backup?.error).toMatch(/1 day failed their check and was dropped; 5000 days kept/);
    expect(backup?.raw.length).toBeGreaterThan(200_000);
    expect((JSON.parse(backup?.raw ?? 'null') as { days: unknown[] }).days).toHaveLength(5_001);
  });
});

describe('VIX curve CSV preview applies the import’s checks', () => {
  it('a 22-character symbol is not a good row', () => {
    const p = parseVixCurveCsv(
      'Expiry,Price,Symbol\n2027-01-20,18.1,VX/F7\n2027-02-17,19,ABCDEFGHIJKLMNOPQRSTUV\n2027-03-17,19.5,VX/H7',
    );
    expect(p.rows.map((r) => r.error === null)).toEqual([true, false, true]);
    expect(p.rows[1]?.error).toBe('symbol is longer than 16 characters');
    expect(p.error).toBeNull();
  });

  it('a second row for an expiry is an error, and a file the import would refuse says why', () => {
    const p = parseVixCurveCsv('Expiry,Price\n2027-01-20,18.1\n2027-01-20,18.3');
    expect(p.rows.map((r) => r.error)).toEqual([null, 'second row for 2027-01-20']);
    expect(p.error).toMatch(/Not importable: At least two futures months are needed/);
  });
});
