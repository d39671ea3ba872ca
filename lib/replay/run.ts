/**
 * The replay loop (issue 15): on each decision day, settle what expired, build that day's
 * market and synthetic chains, run the same plan() the extension runs (with the held condor,
 * so its weekly roll check runs too), roll and open what it suggests, and mark everything held
 * at model prices for the weekly equity.
 *
 * Position rules (stated in the output, POSITION_RULES): one Layer 1 condor at a time, opened
 * at the plan's best candidate when none is held and rolled side by side as the plan suggests
 * (./roll.ts); a Layer 2 VIX call hedge bought when the plan suggests one while a condor is
 * held and no hedge is; one Layer 3 press condor at a time. Otherwise held to expiry.
 */
import { plan, yearsToExpiry } from '../engine';
import type { EventCalendar } from '../engine/events/calendar-types';
import type { CondorCandidate } from '../engine/plan-types';
import type { Settings } from '../engine/settings-types';
import { Book } from './book';
import { buildIndex, dayMarket, decisionDays, historyUpTo } from './market';
import { episodes, type LayerEquity, variant } from './results';
import { heldCondorOf, rollLegs } from './roll';
import { fillPrice } from './settle';
import { FITTED_SKEW, type SkewParams } from './skew';
import {
  decisionInstant,
  listedExpiries,
  spxChain,
  spxModelPrice,
  vixChain,
  vixCurve,
  vixModelPrice,
} from './synthetic-chain';
import type {
  EpisodeResult,
  HeldLeg,
  Layer,
  ReplayHistories,
  ReplaySettings,
  Trade,
  VariantResult,
} from './types';

export const POSITION_RULES =
  'One Layer 1 condor at a time, opened at the plan’s best candidate when none is held and rolled side by side when the plan’s weekly check suggests it (the tested vertical bought back, a new one of the same width sold at the suggested strike and expiry; after a roll out in time the two sides sit in two expiries and are held to their expiries); a Layer 2 VIX call hedge bought when the plan suggests one while a condor is held and no hedge is (sized by the plan against that day’s best candidate, the closest it has to the held condor) and held to its VIX expiry; one Layer 3 press at a time. Everything else is held to expiry.';

export interface ReplayInput {
  histories: ReplayHistories;
  from: string;
  to: string;
  settings: Settings;
  replay: ReplaySettings;
  calendar: EventCalendar;
  skew?: SkewParams;
}

export interface ReplayOutput {
  from: string;
  to: string;
  variants: { condorOnly: VariantResult; condorHedge: VariantResult; allLayers: VariantResult };
  episodes: EpisodeResult[];
  trades: Trade[];
  /** Decision days left out, with the reason (missing data). */
  skipped: { date: string; reason: string }[];
  /** How often each layer was suggested by the plan on the decision days. */
  planCounts: Record<Layer, number>;
}

function condorLegs(
  best: CondorCandidate,
  mid: (kind: 'call' | 'put', k: number) => number,
  slip: number,
): HeldLeg[] {
  const n = best.contracts;
  const leg = (kind: 'call' | 'put', strike: number, contracts: number): HeldLeg => ({
    kind,
    strike,
    contracts,
    fill: fillPrice(mid(kind, strike), contracts, slip),
  });
  const l = best.legs;
  return [
    leg('put', l.longPut.strike, n),
    leg('put', l.shortPut.strike, -n),
    leg('call', l.shortCall.strike, -n),
    leg('call', l.longCall.strike, n),
  ];
}

export function runReplay(input: ReplayInput): ReplayOutput {
  const ix = buildIndex(input.histories);
  const skew = input.skew ?? FITTED_SKEW;
  const { replay: rs } = input;
  const book = new Book(ix, rs.commissionUsdPerContract);
  const skipped: { date: string; reason: string }[] = [];
  const planCounts: Record<Layer, number> = { condor: 0, hedge: 0, press: 0 };
  const points: LayerEquity[] = [];

  for (const date of decisionDays(ix, input.from, input.to)) {
    book.settle(date);
    const m = dayMarket(ix, date);
    if ('missing' in m) {
      skipped.push({ date, reason: m.missing });
      continue;
    }
    const now = decisionInstant(date);
    const expiries = listedExpiries(ix, date);
    const held = heldCondorOf(book.open.condor.map((o) => o.trade));
    const p = plan(
      {
        chain: spxChain(m, expiries, skew, rs.quoteHalfSpreadPoints, now),
        vixCurve: vixCurve(m, now),
        vixChain: vixChain(m, rs.quoteHalfSpreadPoints, now),
        history: historyUpTo(ix, date),
        calendar: input.calendar,
        held,
      },
      input.settings,
      now,
    );
    const tOf = (expiry: string, root: string, settlement: 'AM' | 'PM' | null) =>
      yearsToExpiry(now, expiry, root, settlement) ?? 0;
    const spxMid = (expiry: string, kind: 'call' | 'put', k: number) => {
      const e = expiries.find((x) => x.expiry === expiry);
      const t = e ? tOf(e.expiry, e.root, e.settlement) : 0;
      return spxModelPrice(kind, m.spxClose, m.vix, k, t, skew);
    };
    // Layer 1 weekly adjustment: act on the plan's roll suggestions for the held condor.
    if (held)
      for (const roll of p.condor.figures?.rolls ?? []) {
        const legs = rollLegs(held, roll, spxMid, rs.slippagePointsPerLeg);
        const to = legs && expiries.find((x) => x.expiry === legs.toExpiry);
        const from = book.open.condor[0];
        if (!legs || !to || !from) continue;
        const base = { layer: 'condor' as const, opened: date, why: roll.text };
        book.openTrade(
          {
            ...base,
            action: 'roll-close',
            expiry: held.expiry,
            settlement: from.trade.settlement,
            legs: legs.close,
          },
          from.root,
          from.settlement,
        );
        book.openTrade(
          { ...base, action: 'roll-open', expiry: to.expiry, settlement: to.settlement, legs: legs.open },
          to.root,
          to.settlement,
        );
      }
    const best = p.condor.status === 'suggested' ? (p.condor.figures?.best ?? null) : null;
    if (best) planCounts.condor++;
    if (book.open.condor.length === 0 && best && best.contracts > 0) {
      const e = expiries.find((x) => x.expiry === best.expiry);
      if (e) {
        const legs = condorLegs(best, (kind, k) => spxMid(e.expiry, kind, k), rs.slippagePointsPerLeg);
        book.openTrade(
          {
            layer: 'condor',
            action: 'open',
            opened: date,
            expiry: e.expiry,
            settlement: e.settlement,
            legs,
            why: p.condor.reason,
          },
          e.root,
          e.settlement,
        );
      }
    }
    const h = p.hedge.status === 'suggested' ? (p.hedge.figures?.hedge ?? null) : null;
    if (h) planCounts.hedge++;
    if (
      book.open.condor.length > 0 &&
      book.open.hedge.length === 0 &&
      h?.instrument === 'vix-call' &&
      h.strike !== null &&
      h.contracts > 0
    ) {
      const f = m.curve.find((c) => c.expiry === h.expiry);
      if (f) {
        const mid = vixModelPrice('call', f.price, m.vvix, h.strike, tOf(h.expiry, 'VIX', null));
        const legs: HeldLeg[] = [
          {
            kind: 'call',
            strike: h.strike,
            contracts: h.contracts,
            fill: fillPrice(mid, h.contracts, rs.slippagePointsPerLeg),
          },
        ];
        book.openTrade(
          {
            layer: 'hedge',
            action: 'open',
            opened: date,
            expiry: h.expiry,
            settlement: 'VIX',
            legs,
            why: p.hedge.reason,
          },
          'VIX',
          null,
        );
      }
    }
    const press = p.press.status === 'suggested' ? (p.press.figures?.candidates[0] ?? null) : null;
    if (press) planCounts.press++;
    if (book.open.press.length === 0 && press && press.contracts > 0) {
      const e = expiries.find((x) => x.expiry === press.expiry);
      if (e) {
        const legs = condorLegs(press, (kind, k) => spxMid(e.expiry, kind, k), rs.slippagePointsPerLeg);
        book.openTrade(
          {
            layer: 'press',
            action: 'open',
            opened: date,
            expiry: e.expiry,
            settlement: e.settlement,
            legs,
            why: p.press.reason,
          },
          e.root,
          e.settlement,
        );
      }
    }
    // Weekly equity: realised P/L plus each open position at model mid.
    const byLayer = book.equity((o, l) => {
      if (o.trade.settlement !== 'VIX')
        return spxModelPrice(
          l.kind,
          m.spxClose,
          m.vix,
          l.strike,
          tOf(o.trade.expiry, o.root, o.settlement),
          skew,
        );
      const f = m.curve.find((c) => c.expiry === o.trade.expiry)?.price ?? m.vix;
      return vixModelPrice(l.kind, f, m.vvix, l.strike, tOf(o.trade.expiry, 'VIX', null));
    });
    points.push({ date, byLayer });
  }
  return {
    from: input.from,
    to: input.to,
    variants: {
      condorOnly: variant(points, ['condor']),
      condorHedge: variant(points, ['condor', 'hedge']),
      allLayers: variant(points, ['condor', 'hedge', 'press']),
    },
    episodes: episodes(points),
    trades: book.trades,
    skipped,
    planCounts,
  };
}
