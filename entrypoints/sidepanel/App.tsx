import { useEffect, useMemo } from 'preact/hooks';
import { useStore } from 'zustand';
import { PanelView, type PanelViewProps } from '../../components/panel/PanelView';
import type { Plan } from '../../lib/engine/plan-types';
import type { ChainSnapshot } from '../../lib/engine/snapshot-types';
import { followActiveTab } from '../../lib/stores/active-tab';
import { createHeldCondorStore } from '../../lib/stores/held-condor-store';
import { createImportedPlanStore } from '../../lib/stores/imported-plan-store';
import { createTabStore } from '../../lib/stores/tab-store';

const TICK_MS = 30_000;

function importedTab(
  imp: { fileName: string; chain: ChainSnapshot },
  res: { plan: Plan | null; planError: string | null },
): Pick<PanelViewProps, 'tab' | 'plan' | 'importedFrom'> {
  const rows = imp.chain.expiries.reduce((n, e) => n + e.rows.length, 0);
  return {
    importedFrom: imp.fileName,
    plan: res.plan,
    tab: {
      tabId: -1,
      url: `file:${imp.fileName}`,
      status: { state: 'read', rows, reader: imp.chain.source.reader },
      chain: imp.chain,
      vixCurve: null,
      plan: null,
      planError: res.planError,
      updatedAt: imp.chain.source.readAt,
    } as PanelViewProps['tab'],
  };
}

/** Side panel: the plan of the active tab of this window (or `?tabId=N`). */
export function App() {
  const store = useMemo(() => createTabStore(), []);
  const view = useStore(store);
  const heldStore = useMemo(() => createHeldCondorStore(), []);
  const held = useStore(heldStore);
  const importedStore = useMemo(() => createImportedPlanStore(), []);
  const imported = useStore(importedStore);
  useEffect(() => {
    void importedStore.getState().start();
    return () => importedStore.getState().dispose();
  }, [importedStore]);
  useEffect(() => {
    void heldStore.getState().load();
    return () => heldStore.getState().dispose();
  }, [heldStore]);
  useEffect(() => {
    const stop = followActiveTab(location.search, (id) => void store.getState().showTab(id));
    const timer = setInterval(() => store.getState().tick(Date.now()), TICK_MS);
    return () => {
      stop();
      clearInterval(timer);
      store.getState().dispose();
    };
  }, [store]);
  // A tab without a chain of its own shows the plan on the chain imported on the options page.
  const useImported = view.loaded && !view.tab?.chain && imported.imported !== null;
  const importedView = useImported && imported.imported ? importedTab(imported.imported, imported) : {};
  return (
    <PanelView
      {...view}
      {...importedView}
      onSetVixCurve={(s) => void view.setVixCurve(s)}
      onClearVixCurve={() => void view.clearVixCurve()}
      onRecompute={() => void view.recompute()}
      onReadThisTab={() => void view.readThisTab()}
      heldCondor={{
        ...held,
        onField: held.setField,
        onUseSuggestion: held.fill,
        onSave: () => void held.save(),
        onClear: () => void held.clear(),
      }}
    />
  );
}
