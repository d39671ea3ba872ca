/**
 * Every stored item, declared once. Each is versioned (WXT migrations) and parsed with zod on
 * every read: a value that fails its schema falls back to the default, and the raw value is
 * kept under `local:backup:<key>` with the reason, so nothing the user had is lost and the
 * options page can show a notice.
 */

import { storage } from 'wxt/utils/storage';
import * as z from 'zod/mini';
import type { Settings } from './engine/settings-types';
import { heldCondorSchema } from './schema/plan';
import { DEFAULT_SETTINGS, settingsSchema } from './schema/settings';
import { chainSnapshotSchema, vixCurveSnapshotSchema } from './schema/snapshot';
import { historySchema, type StoredBackup, storedBackupSchema, userEventsSchema } from './schema/stored';
import { type TabState, tabStateSchema } from './schema/tab-state';
import { DEFAULT_UI_PREFS, type UiPrefs, uiPrefsSchema } from './schema/ui-prefs';

type StorageKey = `local:${string}` | `sync:${string}` | `session:${string}`;

export interface ValidatedItem<T> {
  key: StorageKey;
  /** The stored value, or the fallback (raw value backed up) when it fails its schema. */
  get(): Promise<T>;
  /** Validates, then writes. Throws the zod error for an invalid value: nothing is written. */
  set(value: T): Promise<void>;
  /** Calls back with each new valid value (invalid writes are reported as the fallback). */
  watch(cb: (value: T) => void): () => void;
  remove(): Promise<void>;
}

function backupKey(key: StorageKey): `local:${string}` {
  return `local:backup:${key}`;
}

/** Declares a versioned, schema-checked storage item. */
export function defineValidatedItem<T>(
  key: StorageKey,
  schema: z.core.$ZodType<T>,
  fallback: T,
  options: { version?: number; migrations?: Record<number, (old: unknown) => unknown> } = {},
): ValidatedItem<T> {
  const item = storage.defineItem<unknown>(key, {
    fallback,
    version: options.version ?? 1,
    migrations: options.migrations ?? {},
  });
  const check = async (raw: unknown): Promise<T> => {
    const parsed = z.safeParse(schema, raw);
    if (parsed.success) return parsed.data;
    const backup: StoredBackup = {
      key,
      raw: JSON.stringify(raw ?? null).slice(0, 200_000),
      error: parsed.error.issues
        .slice(0, 5)
        .map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)
        .join('; '),
      at: new Date().toISOString(),
    };
    await storage.setItem(backupKey(key), backup);
    return fallback;
  };
  return {
    key,
    get: async () => check(await item.getValue()),
    set: async (value) => {
      await item.setValue(z.parse(schema, value));
    },
    watch: (cb) =>
      item.watch((raw) => {
        void check(raw).then(cb);
      }),
    remove: () => item.removeValue(),
  };
}

/** The backup written when a stored value failed its schema (null when none). */
export async function getBackup(key: StorageKey): Promise<StoredBackup | null> {
  const parsed = storedBackupSchema.safeParse(await storage.getItem(backupKey(key)));
  return parsed.success ? parsed.data : null;
}

export async function clearBackup(key: StorageKey): Promise<void> {
  await storage.removeItem(backupKey(key));
}

/** Risk limits and method settings: synced across the user's browsers. */
export const settingsItem = defineValidatedItem<Settings>('sync:settings', settingsSchema, DEFAULT_SETTINGS);

/** A VIX curve the user typed in or imported (used when no page supplied one). */
export const manualVixCurveItem = defineValidatedItem(
  'local:manualVixCurve',
  z.nullable(vixCurveSnapshotSchema),
  null,
);

/** The user's edits to the built-in event calendar (added and removed dates). */
export const userEventsItem = defineValidatedItem('local:userEvents', userEventsSchema, {
  added: [],
  removed: [],
  coveredThrough: { FOMC: null, CPI: null, PPI: null },
});

/** Daily history the user imported or the extension recorded (closes, breadth, VIX, curve). */
export const historyItem = defineValidatedItem('local:history', historySchema, { days: [] });

/** Per-tab state, written only by the background; session storage survives a service-worker restart. */
export function tabStateItem(tabId: number): ValidatedItem<TabState | null> {
  return defineValidatedItem(`session:tab:${tabId}`, z.nullable(tabStateSchema), null);
}

/** The latest VIX curve read from any page (shared by all tabs' plans). */
export const latestVixCurveItem = defineValidatedItem(
  'session:latestVixCurve',
  z.nullable(vixCurveSnapshotSchema),
  null,
);

/** The latest VIX option chain read from any page (prices Layer 2's calls). */
export const latestVixChainItem = defineValidatedItem(
  'session:latestVixChain',
  z.nullable(chainSnapshotSchema),
  null,
);

/** The condor the user holds (side panel form), for Layer 1's weekly roll check; null when none. */
export const heldCondorItem = defineValidatedItem('local:heldCondor', z.nullable(heldCondorSchema), null);

/** What the toolbar button opens; sites where the chip stays dismissed (lib/schema/ui-prefs.ts). */
export const uiPrefsItem = defineValidatedItem<UiPrefs>('sync:uiPrefs', uiPrefsSchema, DEFAULT_UI_PREFS);
