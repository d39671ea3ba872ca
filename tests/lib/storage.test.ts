import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SETTINGS } from '../../lib/schema/settings';
import { getBackup, settingsItem } from '../../lib/storage';

describe('settingsItem', () => {
  beforeEach(() => fakeBrowser.reset());

  it('returns the defaults when nothing is stored', async () => {
    expect(await settingsItem.get()).toEqual(DEFAULT_SETTINGS);
    expect(await getBackup('sync:settings')).toBeNull();
  });

  it('round-trips a valid value', async () => {
    const changed = { ...DEFAULT_SETTINGS, risk: { ...DEFAULT_SETTINGS.risk, maxContracts: 3 } };
    await settingsItem.set(changed);
    expect(await settingsItem.get()).toEqual(changed);
  });

  it('falls back to defaults on a corrupted value and keeps the raw value under a backup key', async () => {
    const corrupted = { version: 1, risk: { maxContracts: 'lots' }, junk: [1, 2, 3] };
    await fakeBrowser.storage.sync.set({ settings: corrupted });
    expect(await settingsItem.get()).toEqual(DEFAULT_SETTINGS);
    const backup = await getBackup('sync:settings');
    expect(backup).not.toBeNull();
    expect(JSON.parse(backup?.raw ?? 'null')).toEqual(corrupted);
    expect(backup?.error).toMatch(/risk/);
    // The corrupted value itself is not overwritten by reading it.
    expect((await fakeBrowser.storage.sync.get('settings')).settings).toEqual(corrupted);
  });

  it('refuses to write an invalid value and keeps the stored one', async () => {
    const good = { ...DEFAULT_SETTINGS, risk: { ...DEFAULT_SETTINGS.risk, maxContracts: 4 } };
    await settingsItem.set(good);
    const bad = { ...good, risk: { ...good.risk, maxContracts: -1 } };
    await expect(settingsItem.set(bad)).rejects.toThrow();
    expect(await settingsItem.get()).toEqual(good);
  });
});
