import { eventsInWindow } from '../events/events-in-window';
import { addDaysIso, newYorkDate } from '../market/ny-time';
import { scanParity } from '../parity-scan/scan';
import type { Layer, Plan, SignalFigures } from '../plan-types';
import { pressLayer } from '../press/layer';
import type { Settings } from '../settings-types';
import { computeSignals } from '../signals/tilt';
import { condorLayer } from './condor-layer';
import { replaceNonFinite } from './finite';
import { hedgeLayer } from './hedge-layer';
import type { PlanInputs } from './inputs';
import { datedExpiries } from './market';
import { qualityWarnings } from './quality';

/**
 * The ALVH plan (ALVH.md): Layer 1 condor, Layer 2 VIX hedge, Layer 3 theta press, signals,
 * events in the window, parity flags and warnings, each layer with its status, one-sentence
 * reason and the rules that fired. Pure: `now` (ISO instant) is the only clock. Missing
 * inputs switch the dependent part off with the reason; nothing is guessed.
 */
export function plan(inputs: PlanInputs, settings: Settings, now: string): Plan {
  const nowMs = Date.parse(now);
  const today = Number.isFinite(nowMs) ? newYorkDate(nowMs) : now.slice(0, 10);
  const warnings = qualityWarnings(inputs.chain, inputs.vixCurve, nowMs, settings.data.staleAfterMinutes);

  const sig = computeSignals(inputs.history, settings.signals);
  const hasSignals = sig.figures.rsi !== null || sig.figures.macd !== null || sig.figures.adLine !== null;
  const signals: Layer<SignalFigures> = hasSignals
    ? { status: 'on', reason: tiltReason(sig.figures.tilt, sig.sessions), why: sig.why, figures: sig.figures }
    : {
        status: 'off',
        reason: `Signals need daily history: at least ${settings.signals.rsiPeriod + 1} sessions for RSI, ${settings.signals.macdSlow + settings.signals.macdSignal - 1} for MACD.`,
        why: [],
        figures: null,
      };
  const tilt = sig.figures.tilt;

  const dated = inputs.chain ? datedExpiries(inputs.chain, now) : { expiries: [], warnings: [] };
  warnings.push(...dated.warnings);
  const parity = dated.expiries.flatMap((e) => scanParity(e.expiry, e.fit.residuals));

  // Layer 2's term structure feeds the roll distance of Layer 1, so compute it first.
  const pre = hedgeLayer(inputs.vixCurve, null, now, inputs.history, settings, null);
  const z = pre.termStructure?.frontSpreadZ ?? null;
  const condor = condorLayer(dated.expiries, settings, tilt, inputs.calendar, today, inputs.held, z);
  const best = condor.layer.figures?.best ?? null;
  const hedge = hedgeLayer(inputs.vixCurve, inputs.vixChain, now, inputs.history, settings, best);
  warnings.push(...hedge.warnings);
  const press = pressLayer(
    dated.expiries,
    hedge.termStructure,
    settings,
    tilt,
    sig.pressVetoes,
    inputs.calendar,
    today,
  );

  const horizon = best?.expiry ?? addDaysIso(today, settings.condor.dteMax);
  const forward = best?.forward ?? dated.expiries[0]?.fit.forward ?? null;
  const result: Plan = {
    asOf: now,
    underlying: {
      symbol: inputs.chain?.underlying.symbol ?? 'SPX',
      price: inputs.chain?.underlying.price ?? null,
      forward,
    },
    condor: condor.layer,
    hedge: hedge.layer,
    press,
    signals,
    events: eventsInWindow(inputs.calendar, today, horizon),
    parity,
    warnings,
  };
  const bad = replaceNonFinite(result);
  if (bad.length > 0) warnings.push(`Internal: non-finite values replaced by 0 at ${bad.join(', ')}.`);
  return result;
}

function tiltReason(tilt: SignalFigures['tilt'], sessions: number): string {
  const side =
    tilt === 'puts-further'
      ? 'the put side sits further out'
      : tilt === 'calls-further'
        ? 'the call side sits further out'
        : 'no tilt';
  return `From ${sessions} sessions of history: ${side}.`;
}
