import { useEffect, useMemo, useState } from 'preact/hooks';
import { useStore } from 'zustand';
import { Calculator } from '../../components/popup/Calculator';
import { PopupSummary } from '../../components/popup/PopupSummary';
import { isStale, snapshotAgeMinutes } from '../../components/source/freshness';
import { Disclaimer } from '../../components/ui/Disclaimer';
import { followActiveTab, openSidePanel } from '../../lib/stores/active-tab';
import { createCalculatorStore } from '../../lib/stores/calculator-store';
import { createTabStore } from '../../lib/stores/tab-store';

/** Popup: the current suggestion at a glance, a quick calculator, a way into the side panel. */
export function App() {
  const tabs = useMemo(() => createTabStore(), []);
  const calc = useMemo(() => createCalculatorStore(), []);
  const view = useStore(tabs);
  const calcState = useStore(calc);
  const [openError, setOpenError] = useState<string | null>(null);
  useEffect(() => {
    const stop = followActiveTab(location.search, (id) => void tabs.getState().showTab(id));
    return () => {
      stop();
      tabs.getState().dispose();
    };
  }, [tabs]);
  const best = view.plan?.condor.figures?.best ?? null;
  const fillFromBest = () =>
    best &&
    calcState.fill({
      longPut: best.legs.longPut.strike,
      shortPut: best.legs.shortPut.strike,
      shortCall: best.legs.shortCall.strike,
      longCall: best.legs.longCall.strike,
      credit: best.creditMid,
    });
  // Start the calculator from the suggestion (once, while the user has typed nothing).
  const untouched = Object.values(calcState.input).every((v) => v === '');
  useEffect(() => {
    if (untouched) fillFromBest();
  }, [best]);
  const chain = view.tab?.chain ?? null;
  const age = chain ? snapshotAgeMinutes(chain, view.nowMs) : null;
  const staleMinutes = isStale(age, view.settings.data.staleAfterMinutes) ? age : null;
  const strikes =
    view.tab?.chain?.expiries.find((e) => e.expiry === best?.expiry) ?? view.tab?.chain?.expiries[0];
  return (
    <main class="popup">
      <h1>ALVH Overlay</h1>
      <Disclaimer />
      <PopupSummary
        plan={view.plan}
        status={view.tab?.status ?? null}
        planError={view.tab?.planError ?? null}
        staleMinutes={staleMinutes}
      />
      <button
        type="button"
        class="primary"
        onClick={() => openSidePanel().catch((e: unknown) => setOpenError(String(e)))}
      >
        Open the side panel
      </button>
      {openError && <p class="field-error">{openError}</p>}
      <Calculator
        input={calcState.input}
        onChange={calcState.setInput}
        chainStrikes={strikes?.rows.map((r) => r.strike) ?? []}
        onUseSuggestion={best ? () => fillFromBest() : undefined}
      />
      <Disclaimer />
    </main>
  );
}
