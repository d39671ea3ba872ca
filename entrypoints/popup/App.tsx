import { useEffect, useMemo, useState } from 'preact/hooks';
import { useStore } from 'zustand';
import { layer1Missing } from '../../components/plan/plain-reasons';
import { Calculator } from '../../components/popup/Calculator';
import { PopupSummary } from '../../components/popup/PopupSummary';
import { expiryKey } from '../../components/popup/reprice';
import { snapshotAgeMinutes } from '../../components/source/freshness';
import { Disclaimer } from '../../components/ui/Disclaimer';
import { SettingsFallbackNotice } from '../../components/ui/SettingsFallbackNotice';
import { quoteStaleness } from '../../lib/engine/market/quote-staleness';
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
  const chain = view.tab?.chain ?? null;
  const fillFromBest = () => {
    if (!best) return;
    // The suggestion's expiry on this chain (the one listing all four strikes, when roots differ).
    const legs = Object.values(best.legs).map((l) => l.strike);
    const exp =
      chain?.expiries.find(
        (e) => e.expiry === best.expiry && legs.every((k) => e.rows.some((r) => r.strike === k)),
      ) ?? chain?.expiries.find((e) => e.expiry === best.expiry);
    calcState.fill({
      expiry: exp ? expiryKey(exp) : '',
      longPut: best.legs.longPut.strike,
      shortPut: best.legs.shortPut.strike,
      shortCall: best.legs.shortCall.strike,
      longCall: best.legs.longCall.strike,
      credit: best.creditMid,
    });
  };
  // Start the calculator from the suggestion (once, while the user has typed nothing).
  const untouched = Object.values(calcState.input).every((v) => v === '');
  useEffect(() => {
    if (untouched) fillFromBest();
  }, [best]);
  const age = chain ? snapshotAgeMinutes(chain, view.nowMs) : null;
  const staleMinutes =
    chain && quoteStaleness(chain, view.nowMs, view.settings.data.staleAfterMinutes).stale ? age : null;
  return (
    <main class="popup">
      <h1>ALVH Overlay</h1>
      <Disclaimer />
      <SettingsFallbackNotice fallback={view.settingsFallback} />
      <PopupSummary
        plan={view.plan}
        status={view.tab?.status ?? null}
        planError={view.tab?.planError ?? null}
        staleMinutes={staleMinutes}
        missing={view.plan?.condor.status === 'off' ? layer1Missing(chain, view.settings, view.nowMs) : []}
      />
      <button
        type="button"
        class="primary"
        onClick={() => openSidePanel().catch((e: unknown) => setOpenError(String(e)))}
      >
        Open side panel
      </button>
      {openError && <p class="field-error">{openError}</p>}
      <Calculator
        input={calcState.input}
        onChange={calcState.setInput}
        chain={chain}
        nowIso={new Date(view.nowMs).toISOString()}
        market={view.settings.data}
        onUseSuggestion={best ? () => fillFromBest() : undefined}
      />
      <Disclaimer />
    </main>
  );
}
