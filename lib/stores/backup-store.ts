/** Notices for stored values that failed their schema (raw kept under a backup key). */
import { createStore } from 'zustand/vanilla';
import type { StoredBackup } from '../schema/stored';
import { clearBackup, getBackup } from '../storage';

/** The stored items whose corruption the options page reports. */
const WATCHED_KEYS = ['sync:settings', 'local:userEvents', 'local:history', 'local:manualVixCurve'] as const;

export interface BackupState {
  backups: StoredBackup[];
  load(): Promise<void>;
  dismiss(key: string): Promise<void>;
}

export function createBackupStore() {
  return createStore<BackupState>()((set, get) => ({
    backups: [],
    async load() {
      const found = await Promise.all(WATCHED_KEYS.map((k) => getBackup(k)));
      set({ backups: found.filter((b): b is StoredBackup => b !== null) });
    },
    async dismiss(key) {
      const k = WATCHED_KEYS.find((w) => w === key);
      if (k) await clearBackup(k);
      set({ backups: get().backups.filter((b) => b.key !== key) });
    },
  }));
}
