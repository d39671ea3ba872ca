import type { StoredBackup } from '../../lib/schema/stored';

export interface BackupNoticesProps {
  backups: StoredBackup[];
  onDismiss: (key: string) => void;
}

const WHAT: Record<string, string> = {
  'sync:settings': 'settings',
  'local:userEvents': 'event calendar edits',
  'local:history': 'imported history',
  'local:manualVixCurve': 'entered VIX curve',
};

/** A stored value failed its schema and was replaced by defaults: say so, keep the raw value. */
export function BackupNotices({ backups, onDismiss }: BackupNoticesProps) {
  if (backups.length === 0) return null;
  return (
    <section class="warn" role="alert" data-testid="backup-notice">
      {backups.map((b) => (
        <div key={b.key}>
          <p>
            Your stored {WHAT[b.key] ?? b.key} could not be read in full ({b.error}):{' '}
            {b.key === 'local:history'
              ? 'the days that failed their check were left out'
              : 'replaced by defaults'}{' '}
            on {b.at.slice(0, 16).replace('T', ' ')} UTC. The old value is kept below.
          </p>
          <details>
            <summary>old value</summary>
            <pre>{b.raw}</pre>
          </details>
          <button type="button" onClick={() => onDismiss(b.key)}>
            Dismiss and delete the old value
          </button>
        </div>
      ))}
    </section>
  );
}
