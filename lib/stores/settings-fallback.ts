/**
 * Whether the stored settings failed their check, so the plan runs on the defaults
 * (lib/storage.ts falls back silently for the engine; the side panel and popup must say so).
 * Returns the dotted paths of the settings that failed, or null when the stored value is
 * fine or absent (never saved: the defaults are the user's settings).
 */
import { storage } from 'wxt/utils/storage';
import { settingsSchema } from '../schema/settings';
import { settingsItem } from '../storage';

export type SettingsFallback = { paths: string[] } | null;

/** Reads the raw stored settings and checks them. */
export async function readSettingsFallback(): Promise<SettingsFallback> {
  const raw = await storage.getItem<unknown>(settingsItem.key);
  if (raw === null || raw === undefined) return null;
  const parsed = settingsSchema.safeParse(raw);
  if (parsed.success) return null;
  const paths = [...new Set(parsed.error.issues.map((i) => i.path.join('.') || 'the whole value'))];
  return { paths: paths.slice(0, 5) };
}
