import { useEffect, useMemo } from 'preact/hooks';
import { useStore } from 'zustand';
import { BackupNotices } from '../../components/options/BackupNotices';
import { ChainImport } from '../../components/options/ChainImport';
import { CsvImport } from '../../components/options/CsvImport';
import { EventEditor } from '../../components/options/EventEditor';
import { NUMBER_FIELDS } from '../../components/options/field-scales';
import { LocalPagesCard } from '../../components/options/LocalPagesCard';
import { SettingsForm } from '../../components/options/SettingsForm';
import { SettingsTools } from '../../components/options/SettingsTools';
import { SurfacePrefs } from '../../components/options/SurfacePrefs';
import { ReplayCard } from '../../components/replay/ReplayCard';
import { Disclaimer } from '../../components/ui/Disclaimer';
import { builtinCalendar } from '../../lib/engine/events/builtin-calendar';
import { createBackupStore } from '../../lib/stores/backup-store';
import { createChainImportStore } from '../../lib/stores/chain-import-store';
import { createEventsStore } from '../../lib/stores/events-store';
import { createImportStore } from '../../lib/stores/import-store';
import { createLocalPagesStore } from '../../lib/stores/local-pages-store';
import { createSettingsStore } from '../../lib/stores/settings-store';
import { createUiPrefsStore } from '../../lib/stores/ui-prefs-store';

/** Options page: settings, import/export, event calendar, CSV data import. */
export function App() {
  const stores = useMemo(
    () => ({
      settings: createSettingsStore(NUMBER_FIELDS),
      backups: createBackupStore(),
      events: createEventsStore(),
      csv: createImportStore(),
      ui: createUiPrefsStore(),
      chains: createChainImportStore(),
      local: createLocalPagesStore(),
    }),
    [],
  );
  const s = useStore(stores.settings);
  const b = useStore(stores.backups);
  const ev = useStore(stores.events);
  const csv = useStore(stores.csv);
  const ui = useStore(stores.ui);
  const chains = useStore(stores.chains);
  const local = useStore(stores.local);
  const calendar = useMemo(() => builtinCalendar(), []);
  useEffect(() => {
    void stores.local.getState().load();
    // Reading the items first writes any backup of a corrupted value, then the notices load.
    void Promise.all([
      stores.settings.getState().load(),
      stores.events.getState().load(),
      stores.ui.getState().load(),
      stores.chains.getState().load(),
    ]).then(() => stores.backups.getState().load());
    return () => {
      stores.ui.getState().dispose();
      stores.settings.getState().dispose();
      stores.events.getState().dispose();
    };
  }, [stores]);
  return (
    <main class="options">
      <h1>ALVH Overlay settings</h1>
      <Disclaimer />
      <BackupNotices backups={b.backups} onDismiss={(k) => void b.dismiss(k)} />
      <SettingsForm
        saved={s.saved}
        drafts={s.drafts}
        errors={s.errors}
        saveState={s.saveState}
        onNumber={(p, t) => void s.setNumber(p, t)}
        onValue={(p, v) => void s.setValue(p, v)}
      />
      <SurfacePrefs
        prefs={ui.prefs}
        error={ui.error}
        onToolbarOpens={(m) => void ui.setToolbarOpens(m)}
        onUndismissHost={(h) => void ui.undismissHost(h)}
      />
      <SettingsTools
        exportJson={s.exportJson}
        onImport={(t) => void s.importJson(t)}
        onReset={() => void s.reset()}
        message={s.importMessage}
      />
      <EventEditor
        builtin={calendar.events}
        coverage={calendar.coveredThrough}
        user={ev.user}
        error={ev.error}
        onAdd={(e) => void ev.add(e)}
        onRemove={(e, isBuiltin) => void ev.remove(e, isBuiltin)}
        onRestore={(e) => void ev.restore(e)}
        onDeclare={(k, d) => void ev.declareCovered(k, d)}
      />
      <LocalPagesCard
        granted={local.granted}
        message={local.message}
        onGrant={() => void local.grant()}
        onRevoke={() => void local.revoke()}
      />
      <ChainImport
        fileName={chains.fileName}
        chain={chains.chain}
        message={chains.message}
        kept={chains.kept}
        curve={chains.curve}
        onUseCurve={() => void chains.useCurve()}
        onFile={(name, text) => chains.loadText(name, text, new Date().toISOString())}
        onCommit={() => void chains.commit(new Date().toISOString())}
        onClear={() => void chains.clear()}
      />
      <CsvImport
        kind={csv.kind}
        fileName={csv.fileName}
        parsed={csv.parsed}
        message={csv.message}
        replace={csv.replace}
        onReplace={csv.setReplace}
        onKind={csv.setKind}
        onFile={csv.loadText}
        onCommit={() => void csv.commit(new Date().toISOString())}
      />
      <ReplayCard settings={s.saved} />
      <Disclaimer />
    </main>
  );
}
