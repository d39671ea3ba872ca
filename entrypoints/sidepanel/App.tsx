import { useEffect, useMemo } from 'preact/hooks';
import { useStore } from 'zustand';
import { PanelView } from '../../components/panel/PanelView';
import { followActiveTab } from '../../lib/stores/active-tab';
import { createTabStore } from '../../lib/stores/tab-store';

const TICK_MS = 30_000;

/** Side panel: the plan of the active tab of this window (or `?tabId=N`). */
export function App() {
  const store = useMemo(() => createTabStore(), []);
  const view = useStore(store);
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
    />
  );
}
