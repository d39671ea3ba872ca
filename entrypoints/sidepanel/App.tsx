import { useEffect, useMemo } from 'preact/hooks';
import { useStore } from 'zustand';
import { PanelView } from '../../components/panel/PanelView';
import { followActiveTab } from '../../lib/stores/active-tab';
import { createHeldCondorStore } from '../../lib/stores/held-condor-store';
import { createTabStore } from '../../lib/stores/tab-store';

const TICK_MS = 30_000;

/** Side panel: the plan of the active tab of this window (or `?tabId=N`). */
export function App() {
  const store = useMemo(() => createTabStore(), []);
  const view = useStore(store);
  const heldStore = useMemo(() => createHeldCondorStore(), []);
  const held = useStore(heldStore);
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
  return (
    <PanelView
      {...view}
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
