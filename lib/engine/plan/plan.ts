import { calendarCoverageWarning, eventsInWindow } from '../events/events-in-window';
import { addDaysIso, newYorkDate } from '../market/ny-time';
import { nyseCoverageWarning } from '../market/nyse-calendar';
import type { Layer, Plan, SignalFigures } from '../plan-types';
import { pressLayer } from '../press/layer';
import type { Settings } from '../settings-types';
import { historyFreshness } from '../signals/freshness';
import { computeSignals } from '../signals/tilt';
import { clockWarnings, planClock } from './clock';
import { condorLayer } from './condor-layer';
import { guardNonFinite } from './finite';
import { hedgeClock } from './hedge-clock';
import { hedgeLayer } from './hedge-layer';
import type { PlanInputs } from './inputs';
import { datedExpiries } from './market';
import { qualityWarnings } from './quality';
import { riskShares } from './risk-shares';
import { notSpxBanner, SPX_FAMILY, sizedForSpxWhy, underlyingName } from './underlying';

/**
 * The ALVH plan (docs/method.md): Layer 1 condor, Layer 2 VIX hedge, Layer 3 theta press, signals,
 * events in the window, parity flags and warnings, each layer with its status, one-sentence
 * reason and the rules that fired. Pure: `now` (ISO instant) is the caller's clock; market
 * figures are priced at the chain's quote time (plan/clock.ts says which figure uses which
 * clock). Missing inputs switch the dependent part off with the reason; nothing is guessed.
 */
export function plan(inputs: PlanInputs, settings: Settings, now: string): Plan {
  const clock = planClock(inputs.chain, now, settings.data.staleAfterMinutes);
  const pricedMs = Date.parse(clock.pricedAt);
  const today = Number.isFinite(pricedMs) ? newYorkDate(pricedMs) : clock.pricedAt.slice(0, 10);
  const symbol = inputs.chain ? underlyingName(inputs.chain.underlying.symbol) : 'SPX';
  const warnings = qualityWarnings(inputs.chain, inputs.vixCurve);
  if (inputs.chain)
    warnings.unshift(
      ...clockWarnings(clock, symbol, settings.data.staleAfterMinutes, inputs.chain.source.reader),
    );
  const spx = SPX_FAMILY.test(symbol);
  const banners = spx ? [] : [notSpxBanner(symbol)];

  // History up to the plan's date only (signals and the term-structure norms): no look-ahead.
  const known = historyUpTo(inputs, today);
  const { layer: signals, vetoes } = signalsLayer(known, settings, today);
  const tilt = signals.figures?.tilt ?? 'neutral';

  const dated = inputs.chain
    ? datedExpiries(inputs.chain, clock.pricedAt, settings.data)
    : { expiries: [], warnings: [] };
  warnings.push(...dated.warnings);
  const parity = dated.expiries.flatMap((e) => e.parity);

  // Layer 2 runs on its own quote-time clock (plan/hedge-clock.ts), never on `now`.
  const l2 = hedgeClock(
    clock.pricedAt,
    inputs.chain,
    inputs.vixCurve,
    inputs.vixChain,
    settings.data.staleAfterMinutes,
  );
  warnings.push(...l2.warnings);
  // Layer 2's term structure feeds the roll distance of Layer 1, so compute it first.
  const pre = hedgeLayer(inputs.vixCurve, null, l2.at, known, settings, null);
  const z = pre.termStructure?.frontSpreadZ ?? null;
  // Layer 3 first: its share of the risk budget goes back to Layer 1 when it is not suggested.
  const press = pressLayer(
    dated.expiries,
    pre.termStructure,
    settings,
    tilt,
    vetoes,
    inputs.calendar,
    today,
    spx,
  );
  const shares = riskShares(settings, press);
  const condor = condorLayer(
    dated.expiries,
    settings,
    tilt,
    inputs.calendar,
    today,
    inputs.held,
    z,
    spx,
    shares.condor,
  );
  if (condor.layer.figures) condor.layer.why.push(shares.why);
  const best = condor.layer.figures?.best ?? null;
  const hedge = hedgeLayer(inputs.vixCurve, inputs.vixChain, l2.at, known, settings, best);
  warnings.push(...hedge.warnings);
  if (!spx) {
    hedge.layer.why.push(sizedForSpxWhy('Layer 2', symbol));
    press.why.push(sizedForSpxWhy('Layer 3', symbol));
  }

  const horizon = best?.expiry ?? addDaysIso(today, settings.condor.dteMax);
  // The NYSE table must reach the last date the plan prices: the condor's or the hedge's expiry.
  const lastDate = [horizon, hedge.layer.figures?.hedge?.expiry ?? horizon].sort().at(-1) ?? horizon;
  const coverage = [
    calendarCoverageWarning(inputs.calendar, today, horizon),
    nyseCoverageWarning(today, lastDate),
  ];
  for (const w of coverage) if (w) warnings.push(w);
  const forward = best?.forward ?? dated.expiries[0]?.fit.forward ?? null;
  const result: Plan = {
    asOf: now,
    clock,
    banners,
    quotesLeftOut: [...condor.leftOut, ...hedge.leftOut],
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
  warnings.push(...guardNonFinite(result));
  return result;
}

/** History up to the plan's date: sessions after it are not known at the quote time. */
function historyUpTo(inputs: PlanInputs, today: string) {
  return inputs.history.filter((d) => d.date <= today);
}

/**
 * Signals from history ending no more than 5 trading days before the plan's date, with their
 * Layer 3 vetoes (none when the signals are off).
 */
function signalsLayer(
  history: PlanInputs['history'],
  settings: Settings,
  today: string,
): { layer: Layer<SignalFigures>; vetoes: string[] } {
  const fresh = historyFreshness(history.at(-1)?.date, today);
  if (fresh && !fresh.fresh) {
    const layer: Layer<SignalFigures> = {
      status: 'off',
      reason: `History ends ${fresh.lastDate}, ${fresh.tradingDaysBehind} trading days before the plan's date ${today} (more than 5): signals off until it is brought up to date.`,
      why: [
        {
          rule: 'history-stale',
          text: `Last session in the history: ${fresh.lastDate}.`,
          inputs: { lastDate: fresh.lastDate, tradingDaysBehind: fresh.tradingDaysBehind, planDate: today },
        },
      ],
      figures: null,
    };
    return { layer, vetoes: [] };
  }
  const sig = computeSignals(history, settings.signals);
  const hasSignals = sig.figures.rsi !== null || sig.figures.macd !== null || sig.figures.adLine !== null;
  if (!hasSignals)
    return {
      layer: {
        status: 'off',
        reason: `Signals need daily history: at least ${settings.signals.rsiPeriod + 1} sessions for RSI, ${settings.signals.macdSlow + settings.signals.macdSignal - 1} for MACD.`,
        why: [],
        figures: null,
      },
      vetoes: [],
    };
  return {
    layer: {
      status: 'on',
      reason: `${tiltReason(sig.figures.tilt, sig.sessions)}${fresh ? ` History ends ${fresh.lastDate}.` : ''}`,
      why: sig.why,
      figures: sig.figures,
    },
    vetoes: sig.pressVetoes,
  };
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
