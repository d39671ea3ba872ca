import { quoteStaleness, staleRuleText } from '../../lib/engine/market/quote-staleness';
import type { Plan } from '../../lib/engine/plan-types';
import type { Settings } from '../../lib/engine/settings-types';
import type { VixCurveSnapshot } from '../../lib/engine/snapshot-types';
import type { Reply } from '../../lib/schema/from-background';
import type { TabState } from '../../lib/schema/tab-state';
import { CondorCard } from '../condor/CondorCard';
import { HeldCondorForm, type HeldCondorFormProps } from '../condor/HeldCondorForm';
import { HedgeCard } from '../hedge/HedgeCard';
import { layer1Missing, planProblems } from '../plan/plain-reasons';
import { PressCard } from '../press/PressCard';
import { EventsCard } from '../signals/EventsCard';
import { SignalsCard } from '../signals/SignalsCard';
import { WarningsCard } from '../signals/WarningsCard';
import { SourceCard } from '../source/SourceCard';
import { VixCurveForm } from '../source/VixCurveForm';
import { Disclaimer } from '../ui/Disclaimer';
import { formatInstant, formatStrike } from '../ui/format';
import { SettingsFallbackNotice } from '../ui/SettingsFallbackNotice';

export interface PanelViewProps {
  loaded: boolean;
  tab: TabState | null;
  plan: Plan | null;
  planInvalid: string | null;
  settings: Settings;
  /** The tab has no chain: the plan is on this file, imported on the options page. */
  importedFrom?: string;
  /** The stored settings failed their check and the plan uses the defaults. */
  settingsFallback?: { paths: string[] } | null;
  nowMs: number;
  lastReply: Reply | null;
  onSetVixCurve: (s: VixCurveSnapshot) => void;
  onClearVixCurve: () => void;
  /** Asks the background to run the engine again for this tab (e.g. as time passes). */
  onRecompute?: () => void;
  onReadThisTab?: () => void;
  /** The held-condor form's state and actions (side panel); omitted: no form. */
  heldCondor?: Omit<HeldCondorFormProps, 'expiries' | 'suggestion'>;
}

/** The whole side panel for one tab: source, the three layers, signals, events, warnings. */
export function PanelView(p: PanelViewProps) {
  const chain = p.tab?.chain ?? null;
  const staleness = chain ? quoteStaleness(chain, p.nowMs, p.settings.data.staleAfterMinutes) : null;
  const stale = staleness?.stale ?? false;
  const manual = p.tab?.vixCurve?.source.reader === 'manual';
  // Data-quality problems that change the plan go first, not in the warnings at the bottom.
  const problems = planProblems(p.plan, chain, p.nowMs);
  const reply = p.lastReply
    ? p.lastReply.ok
      ? 'Curve sent: the plan is being recomputed.'
      : p.lastReply.error
    : null;
  return (
    <main class={stale ? 'panel is-stale' : 'panel'} aria-busy={!p.loaded}>
      <header class="panel-head">
        <h1>
          ALVH plan
          {p.plan?.underlying.symbol ? ` · ${p.plan.underlying.symbol}` : ''}
          {p.plan && p.plan.underlying.price !== null ? ` ${formatStrike(p.plan.underlying.price)}` : ''}
        </h1>
        {p.plan && (
          <p class="muted">
            computed for {formatInstant(p.plan.asOf, p.nowMs)}
            {p.onRecompute && (
              <>
                {' '}
                <button type="button" onClick={p.onRecompute}>
                  Recompute
                </button>
              </>
            )}
          </p>
        )}
        <Disclaimer />
      </header>
      <SettingsFallbackNotice fallback={p.settingsFallback ?? null} />
      {p.importedFrom && (
        <p class="warn" data-testid="imported-chain">
          This tab shows no chain: the plan below is on {p.importedFrom}, imported on the options page.
        </p>
      )}
      {problems.length > 0 && (
        <section
          class="warn"
          role="alert"
          aria-label="problems that change the plan"
          data-testid="plan-problems"
        >
          <strong>Before you trade:</strong>
          <ul>
            {problems.map((x) => (
              <li key={x}>{x}</li>
            ))}
          </ul>
        </section>
      )}
      {stale && (
        <p class="stale-banner" role="alert" data-testid="stale-banner">
          Stale data: quotes are older than {staleness?.allowanceMinutes} min.{' '}
          {chain ? staleRuleText(chain.source.reader, p.settings.data.staleAfterMinutes) : ''} Figures below
          are not current.
        </p>
      )}
      {p.tab?.notices?.map((n) => (
        <p key={n.kind} class="warn" role="alert" data-testid={`notice-${n.kind}`}>
          {n.detail}
        </p>
      ))}
      <SourceCard
        tab={p.tab}
        nowMs={p.nowMs}
        staleAfterMinutes={p.settings.data.staleAfterMinutes}
        onReadThisTab={p.onReadThisTab}
        readError={p.lastReply && !p.lastReply.ok ? p.lastReply.error : null}
      />
      {p.planInvalid && (
        <p class="warn" role="alert">
          The stored plan could not be shown: {p.planInvalid}
        </p>
      )}
      {p.plan && (
        <CondorCard
          plan={p.plan}
          missing={p.plan.condor.status === 'off' ? layer1Missing(chain, p.settings, p.nowMs) : []}
        />
      )}
      {p.heldCondor && chain && (
        <HeldCondorForm
          {...p.heldCondor}
          expiries={chain.expiries.map((e) => e.expiry)}
          suggestion={p.plan?.condor.figures?.best ?? null}
        />
      )}
      {p.plan && <HedgeCard plan={p.plan} />}
      {p.tab?.chain && !p.tab.vixCurve && (
        <VixCurveForm onSubmit={p.onSetVixCurve} now={() => Date.now()} result={reply} />
      )}
      {manual && (
        <p class="muted">
          Layer 2 uses the VIX curve you entered.{' '}
          <button type="button" onClick={p.onClearVixCurve}>
            Clear it
          </button>
        </p>
      )}
      {p.plan && <PressCard plan={p.plan} />}
      {p.plan && <SignalsCard plan={p.plan} />}
      {p.plan && <EventsCard events={p.plan.events} />}
      {(p.plan || chain) && (
        <WarningsCard
          warnings={p.plan?.warnings ?? []}
          parity={p.plan?.parity ?? []}
          quality={chain?.flags ?? []}
        />
      )}
      <footer>
        <Disclaimer />
      </footer>
    </main>
  );
}
