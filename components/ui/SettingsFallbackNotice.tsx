import { FIELDS } from '../options/settings-fields';

export interface SettingsFallbackNoticeProps {
  /** Dotted paths of the stored settings that failed their check (null: none failed). */
  fallback: { paths: string[] } | null;
}

function labelOf(path: string): string {
  const [group, key] = path.split('.');
  const field = FIELDS.find((f) => f.group === group && f.key === key);
  return field ? `${field.label}${field.unit ? ` (${field.unit})` : ''}` : path;
}

/** Says, in the side panel and the popup, that the plan runs on the default settings. */
export function SettingsFallbackNotice({ fallback }: SettingsFallbackNoticeProps) {
  if (!fallback) return null;
  return (
    <p class="warn" role="alert" data-testid="settings-fallback">
      Your saved settings failed their check ({fallback.paths.map(labelOf).join(', ')}), so this plan uses the
      default settings. Fix them on the options page.
    </p>
  );
}
