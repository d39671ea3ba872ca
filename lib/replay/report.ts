/**
 * The replay's whole result, as `alvh replay` prints it and the options page draws it: parse
 * the four history texts, run the replay, attach the model's description and limits, the
 * skew fit and its error per real chain, and (when real chains are given) the plan comparison.
 * Pure and deterministic: the same texts and settings give the same report.
 */
import type { EventCalendar } from '../engine/events/calendar-types';
import type { Settings } from '../engine/settings-types';
import type { ChainSnapshot } from '../engine/snapshot-types';
import { type ChainComparison, compareOnRealChain } from './compare';
import { parseIndexCsv, parseSpxCsv, parseVxCsv } from './history-csv';
import { buildIndex } from './market';
import { POSITION_RULES, type ReplayOutput, runReplay } from './run';
import { type ChainFitError, FIT_ERRORS, FITTED_SKEW, type SkewParams } from './skew';
import type { ReplayHistories, ReplaySettings } from './types';

export const MODEL_LABEL = 'model prices from VIX and VVIX, not historical quotes';

/** The model's limits in two sentences (also in the README). */
export const MODEL_LIMITS = `Option prices are a model (Black-76 with r − q = 0, a flat term structure at ${FITTED_SKEW.atmToVix} × VIX with one skew shape fitted on two real SPX chains, VIX calls at a flat VVIX vol), not historical quotes, so credits, hedge costs and marks can be off by several vol points — most in stressed, inverted markets — and AM settlement uses the daily open, not the Special Opening Quotation. One condor is held at a time, rolled only as the plan’s weekly check says and otherwise held to expiry, sized by the plan on a fixed account, and the plan’s built-in VX/VIX norms were computed from 2013–2026 data, so the hedge trigger knows the whole period’s distribution.`;

export interface HistoryTexts {
  spx: string;
  vix: string;
  vx: string;
  vvix: string;
}

export interface ReplayReport extends ReplayOutput {
  model: { label: string; limits: string; skew: SkewParams; positionRules: string; rolls: string };
  settings: { replay: ReplaySettings };
  events: { count: number; kinds: string[]; note: string };
  fit: { source: string; byChain: ChainFitError[] };
  checks: { realChains: (ChainComparison | { chain: string; missing: string })[] };
  data: { file: string; rows: number; dropped: { reason: string; count: number }[] }[];
}

export function parseHistories(t: HistoryTexts): { histories: ReplayHistories; data: ReplayReport['data'] } {
  const spx = parseSpxCsv(t.spx);
  const vix = parseIndexCsv(t.vix, 'CLOSE');
  const vvix = parseIndexCsv(t.vvix, 'VVIX');
  const vx = parseVxCsv(t.vx);
  return {
    histories: { spx: spx.rows, vix: new Map(vix.rows), vvix: new Map(vvix.rows), vx: vx.rows },
    data: [
      { file: 'spx', rows: spx.rows.length, dropped: spx.dropped },
      { file: 'vix', rows: vix.rows.length, dropped: vix.dropped },
      { file: 'vx', rows: vx.rows.length, dropped: vx.dropped },
      { file: 'vvix', rows: vvix.rows.length, dropped: vvix.dropped },
    ],
  };
}

export function replayReport(x: {
  texts: HistoryTexts;
  from: string;
  to: string;
  settings: Settings;
  replay: ReplaySettings;
  calendar: EventCalendar | null;
  realChains?: { name: string; chain: ChainSnapshot }[];
}): ReplayReport {
  const { histories, data } = parseHistories(x.texts);
  const calendar: EventCalendar = x.calendar ?? {
    events: [],
    coveredThrough: { FOMC: null, CPI: null, PPI: null },
  };
  const out = runReplay({
    histories,
    from: x.from,
    to: x.to,
    settings: x.settings,
    replay: x.replay,
    calendar,
  });
  const kinds = [...new Set(calendar.events.map((e) => e.kind))].sort();
  const ix = x.realChains?.length ? buildIndex(histories) : null;
  const realChains = (x.realChains ?? []).flatMap((r) =>
    ix ? [compareOnRealChain(ix, r.name, r.chain, x.settings, calendar, x.replay.quoteHalfSpreadPoints)] : [],
  );
  const live = realChains.flatMap((c) => ('fit' in c ? [c.fit] : []));
  const { trades, skipped, ...results } = out;
  return {
    ...results,
    model: {
      label: MODEL_LABEL,
      limits: MODEL_LIMITS,
      skew: FITTED_SKEW,
      positionRules: POSITION_RULES,
      rolls:
        'Layer 1 rolls follow the plan’s weekly check (tested side bought back, re-sold at the suggested strike and expiry); everything else is held to expiry.',
    },
    settings: { replay: x.replay },
    events: {
      count: calendar.events.length,
      kinds,
      note: x.calendar
        ? `Events file: ${calendar.events.length} events (${kinds.join(', ') || 'none'}); covered through FOMC ${calendar.coveredThrough.FOMC ?? '—'}, CPI ${calendar.coveredThrough.CPI ?? '—'}, PPI ${calendar.coveredThrough.PPI ?? '—'}.`
        : `No events file: the replay passes an empty calendar that covers no date, and the engine's own rule for uncovered windows decides Layer 3 (a press was suggested on ${out.planCounts.press} of ${out.variants.allLayers.weeks} decision days).`,
    },
    fit: live.length
      ? { source: 'computed now on the real chains given', byChain: live }
      : {
          source:
            'fitted by tests/replay/fit-skew.ts on the two real Cboe SPX chains (2020-03-20, 2022-02-04)',
          byChain: [...FIT_ERRORS],
        },
    checks: { realChains },
    data,
    skipped,
    trades,
  };
}
