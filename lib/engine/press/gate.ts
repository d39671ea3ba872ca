import type { EventCalendar } from '../events/calendar-types';
import { eventsInWindow } from '../events/events-in-window';
import {
  POSSIBLE_RELEASE_FIRST_DAY,
  POSSIBLE_RELEASE_LAST_DAY,
  uncoveredInWindow,
} from '../events/possible-releases';
import type { TermStructure, WhyEntry } from '../plan-types';
import type { Settings } from '../settings-types';
import { ordinal } from '../text/format';

export interface GateResult {
  open: boolean;
  reason: string;
  why: WhyEntry[];
}

/**
 * The complacency gate of Layer 3 (docs/method.md "The gate"), before any expiry is looked at: the press is
 * enabled, VIX is in its low percentile band (≤ vixPercentileMax), contango is steep
 * (front-spread z ≥ contangoZMin), and no signal vetoes (RSI outside 30–70, bearish A/D
 * divergence). Missing figures close the gate with the reason.
 */
export function complacencyGate(
  ts: TermStructure | null,
  settings: Settings['press'],
  vetoes: readonly string[],
): GateResult {
  const why: WhyEntry[] = [];
  if (!settings.enabled) return { open: false, reason: 'Layer 3 is switched off in the settings.', why };
  if (!ts)
    return {
      open: false,
      reason: 'No VIX futures curve Layer 2 can use: the complacency gate needs one.',
      why,
    };
  const vp = ts.vixPercentile;
  const z = ts.frontSpreadZ;
  const inputs = {
    vixSpot: ts.vixSpot,
    vixPercentile: vp,
    vixPercentileMax: settings.vixPercentileMax,
    frontSpreadZ: z,
    contangoZMin: settings.contangoZMin,
  };
  if (vp === null)
    return { open: false, reason: 'VIX spot is missing: its percentile cannot be judged.', why };
  const lowVix = vp <= settings.vixPercentileMax;
  const steep = z !== null && z >= settings.contangoZMin;
  why.push(
    {
      rule: 'press-vix-percentile',
      text: `VIX ${ts.vixSpot ?? ''} is at the ${ordinal(vp)} percentile (gate ≤ ${settings.vixPercentileMax}).`,
      inputs,
    },
    {
      rule: 'press-contango-z',
      text: `Front-spread z-score ${z === null ? 'n/a' : z.toFixed(2)} (gate ≥ ${settings.contangoZMin}).`,
      inputs,
    },
  );
  if (!lowVix)
    return {
      open: false,
      reason: `VIX is not complacent: ${ordinal(vp)} percentile > ${settings.vixPercentileMax}.`,
      why,
    };
  if (!steep) return { open: false, reason: 'Contango is not steep enough for the theta press.', why };
  if (vetoes.length > 0) {
    why.push({
      rule: 'press-signal-veto',
      text: `Signals veto: ${vetoes.join('; ')}.`,
      inputs: { vetoes: vetoes.join('; ') },
    });
    return { open: false, reason: `Signals veto the theta press: ${vetoes[0]}.`, why };
  }
  return { open: true, reason: 'Extreme complacency: low VIX and steep contango.', why };
}

/**
 * Whether an expiry is free of FOMC/CPI/PPI releases from `today` to `expiry` (inclusive),
 * with the reason when not (an event, or a calendar that does not reach that far). Where CPI
 * or PPI dates are unknown, every weekday from the 9th to the 17th counts as a possible
 * release (events/possible-releases.ts); unknown FOMC dates block.
 */
export function eventFree(
  calendar: EventCalendar,
  today: string,
  expiry: string,
): { free: boolean; reason: string } {
  const gated = eventsInWindow(calendar, today, expiry).filter((e) => e.kind !== 'other');
  if (gated.length > 0) {
    const e = gated[0] as (typeof gated)[number];
    return { free: false, reason: `${e.kind} ${e.date} falls before the ${expiry} expiry` };
  }
  const missing = uncoveredInWindow(calendar, today, expiry);
  for (const m of missing) {
    const from = calendar.coveredFrom?.[m.kind] ?? null;
    const known =
      m.coveredThrough === null
        ? 'at all'
        : from !== null && today < from
          ? `before ${from}`
          : `after ${m.coveredThrough}`;
    if (m.possibleDays === null)
      return {
        free: false,
        reason: `the event calendar has no ${m.kind} dates ${from !== null && today < from ? `before ${from}` : `through ${expiry}`} (add them in the options page)`,
      };
    if (m.possibleDays.length > 0)
      return {
        free: false,
        reason: `the event calendar has no ${m.kind} dates ${known}: ${m.possibleDays[0]} (a weekday from the ${ordinal(POSSIBLE_RELEASE_FIRST_DAY)} to the ${ordinal(POSSIBLE_RELEASE_LAST_DAY)}) may be a release before the ${expiry} expiry (add the dates in the options page)`,
      };
  }
  const assumed = missing.map((m) => m.kind);
  return {
    free: true,
    reason:
      assumed.length > 0
        ? `no FOMC/CPI/PPI release through ${expiry}; ${assumed.join('/')} dates unknown there, so every weekday from the ${ordinal(POSSIBLE_RELEASE_FIRST_DAY)} to the ${ordinal(POSSIBLE_RELEASE_LAST_DAY)} counted as a possible release — none in the window`
        : `no FOMC/CPI/PPI release through ${expiry}`,
  };
}
