/**
 * The built extension as a user who granted "read pages served from this computer" runs it.
 * Headless Chromium cannot answer the permission prompt (chrome.permissions.request waits on
 * a dialog forever; chrome://extensions' site access grants only withheld required hosts), so
 * the browser tests, the demo and the bench load a copy of the production build whose
 * manifest holds the optional local hosts as granted host permissions. Everything else is the
 * production build byte for byte: the background sees the permission and registers the
 * local-pages content script exactly as after the user's grant (lib/background/local-pages.ts).
 */
import fs from 'node:fs';
import path from 'node:path';

/** Copies `built` (.output/chrome-mv3, or firefox-mv2) next to it with the optional hosts granted; returns the copy's path. */
export function grantedLocalPagesBuild(built: string): string {
  const out = `${built}-local-granted`;
  fs.rmSync(out, { recursive: true, force: true });
  fs.cpSync(built, out, { recursive: true });
  const file = path.join(out, 'manifest.json');
  const manifest = JSON.parse(fs.readFileSync(file, 'utf8')) as {
    manifest_version?: number;
    permissions?: string[];
    optional_permissions?: string[];
    host_permissions?: string[];
    optional_host_permissions?: string[];
  };
  if (manifest.manifest_version === 2) {
    // Firefox MV2: optional hosts sit in optional_permissions, granted ones in permissions.
    const hosts = (manifest.optional_permissions ?? []).filter((p) => p.includes('://'));
    if (hosts.length === 0) throw new Error(`${built}: no optional host permissions to grant`);
    manifest.permissions = [...(manifest.permissions ?? []), ...hosts];
    manifest.optional_permissions = (manifest.optional_permissions ?? []).filter((p) => !hosts.includes(p));
    fs.writeFileSync(file, JSON.stringify(manifest));
    return out;
  }
  const optional = manifest.optional_host_permissions ?? [];
  if (optional.length === 0) throw new Error(`${built}: no optional host permissions to grant`);
  manifest.host_permissions = [...(manifest.host_permissions ?? []), ...optional];
  fs.writeFileSync(file, JSON.stringify(manifest));
  return out;
}
