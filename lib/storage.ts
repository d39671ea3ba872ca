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
import {
  historyDaySchema,
  historySchema,
  MAX_HISTORY_DAYS,
  type StoredBackup,
  storedBackupSchema,
  userEventsSchema,
} from './schema/stored';
import { type TabState, tabStateSchema } from './schema/tab-state';
import { DEFAULT_UI_PREFS, type UiPrefs, uiPrefsSchema } from './schema/ui-prefs';

type StorageKey = `local:${string}` | `sync:${string}` | `session:${string}`;

export interface ValidatedItem<T> {
  key: StorageKey;
  /** The stored value, or the fallback (raw value backed up) when it fails its schema. */
  get(): Promise<T>;
  /**
   * Validates, then writes; resolves with the value as written (the schema's output). Throws
   * the zod error for an invalid value: nothing is written.
   */
  set(value: T): Promise<T>;
  /** Calls back with each new valid value (invalid writes are reported as the fallback). */
  watch(cb: (value: T) => void): () => void;
  remove(): Promise<void>;
}

function backupKey(key: StorageKey): `local:${string}` {
  return `local:backup:${key}`;
}

/**
 * Keeps the raw value whole (a cut backup no longer parses). Backups live in storage.local
 * (10 MB, no per-item limit), so one item holds even a full history; only when the browser
 * refuses it is a cut copy kept, and the error says so.
 */
async function writeBackup(key: StorageKey, raw: unknown, error: string): Promise<void> {
  const text = JSON.stringify(raw ?? null);
  const at = new Date().toISOString();
  try {
    await storage.setItem(backupKey(key), { key, raw: text, error, at } satisfies StoredBackup);
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    const cut = {
      key,
      raw: text.slice(0, 200_000),
      error: `${error}; backup cut to 200,000 of ${text.length} characters (${why})`,
      at,
    };
    await storage.setItem(backupKey(key), cut satisfies StoredBackup).catch(() => {});
  }
}

/** Declares a versioned, schema-checked storage item. */
function defineValidatedItem<T>(
  key: StorageKey,
  schema: z.core.$ZodType<T>,
  fallback: T,
  options: {
    version?: number;
    migrations?: Record<number, (old: unknown) => unknown>;
    /**
     * Keeps what is still good of a value that fails its schema (e.g. the history's other days
     * when one day is corrupted), with what was dropped in words; null: nothing to keep.
     */
    salvage?: (raw: unknown) => { value: T; dropped: string } | null;
  } = {},
): ValidatedItem<T> {
  const item = storage.defineItem<unknown>(key, {
    fallback,
    version: options.version ?? 1,
    migrations: options.migrations ?? {},
  });
  const check = async (raw: unknown): Promise<T> => {
    const parsed = z.safeParse(schema, raw);
    if (parsed.success) return parsed.data;
    const kept = options.salvage?.(raw) ?? null;
    const issues = parsed.error.issues
      .slice(0, 5)
      .map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)
      .join('; ');
    await writeBackup(key, raw, kept ? `${kept.dropped} (${issues})` : issues);
    return kept ? kept.value : fallback;
  };
  return {
    key,
    get: async () => check(await item.getValue()),
    set: async (value) => {
      const parsed = z.parse(schema, value);
      await item.setValue(parsed);
      return parsed;
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

/**
 * Daily history the user imported or the extension recorded (closes, breadth, VIX, curve).
 * A corrupted day is dropped (the raw value backed up, the options page says so); the other
 * days stay.
 */
export const historyItem = defineValidatedItem(
  'local:history',
  historySchema,
  { days: [] },
  {
    salvage: (raw) => {
      const days = (raw as { days?: unknown } | null)?.days;
      if (!Array.isArray(days)) return null;
      const good = days.flatMap((d) => {
        const ok = historyDaySchema.safeParse(d);
        return ok.success ? [ok.data] : [];
      });
      const kept = good.slice(-MAX_HISTORY_DAYS);
      const bad = days.length - good.length;
      const over = good.length - kept.length;
      const dropped = [
        bad > 0
          ? `${bad} day${bad === 1 ? '' : 's'} failed their check and ${bad === 1 ? 'was' : 'were'} dropped`
          : '',
        over > 0
          ? `${over} oldest days beyond the ${MAX_HISTORY_DAYS.toLocaleString('en-US')}-day limit left out`
          : '',
      ]
        .filter(Boolean)
        .join('; ');
      return { value: { days: kept }, dropped: `${dropped}; ${kept.length} days kept` };
    },
  },
);

/** Each tab's item, defined once: wxt reads an item's stored value (twice) whenever it is defined. */
const tabStateItems = new Map<number, ValidatedItem<TabState | null>>();

/** Per-tab state, written only by the background; session storage survives a service-worker restart. */
export function tabStateItem(tabId: number): ValidatedItem<TabState | null> {
  let item = tabStateItems.get(tabId);
  if (!item) {
    item = defineValidatedItem(`session:tab:${tabId}`, z.nullable(tabStateSchema), null);
    tabStateItems.set(tabId, item);
  }
  return item;
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

/** An option chain the user imported on the options page (a file); the side panel can plan on it. */
export const importedChainItem = defineValidatedItem(
  'local:importedChain',
  z.nullable(
    z.object({
      fileName: z.string().check(z.maxLength(300)),
      importedAt: z.string().check(z.maxLength(40)),
      chain: chainSnapshotSchema,
    }),
  ),
  null,
);
