/**
 * The book of the replay's open positions, by layer: opening a trade books its premium and
 * commission at once; settling books the payoff at the settlement price (SPX AM/PM from the
 * SPX file, VIX calls at the VX final settle); marking values what is still open at model mid.
 * Cumulative P/L per layer = realised + marks.
 */
import type { MarketIndex } from './market';
import { spxSettlement, vxFinalSettle } from './market';
import { commissionUsd, markUsd, premiumUsd, settlementUsd } from './settle';
import type { HeldLeg, Layer, Trade } from './types';

export interface Open {
  trade: Trade;
  /** Option root for the time to settlement ("SPX", "SPXW", "VIX"). */
  root: string;
  settlement: 'AM' | 'PM' | null;
}

export type NewTrade = Omit<
  Trade,
  'premiumUsd' | 'commissionUsd' | 'settlePrice' | 'settleSource' | 'payoffUsd' | 'pnlUsd'
>;

export const LAYERS: readonly Layer[] = ['condor', 'hedge', 'press'];
const cents = (v: number) => Math.round(v * 100) / 100;

export class Book {
  readonly trades: Trade[] = [];
  readonly open: Record<Layer, Open[]> = { condor: [], hedge: [], press: [] };
  private readonly realised: Record<Layer, number> = { condor: 0, hedge: 0, press: 0 };

  constructor(
    private readonly ix: MarketIndex,
    private readonly commissionPerContract: number,
  ) {}

  openTrade(t: NewTrade, root: string, settlement: 'AM' | 'PM' | null): void {
    const trade: Trade = {
      ...t,
      premiumUsd: cents(premiumUsd(t.legs)),
      commissionUsd: commissionUsd(t.legs, this.commissionPerContract),
      settlePrice: null,
      settleSource: null,
      payoffUsd: null,
      pnlUsd: null,
    };
    this.trades.push(trade);
    this.open[t.layer].push({ trade, root, settlement });
    this.realised[t.layer] += trade.premiumUsd - trade.commissionUsd;
  }

  /** Settles every position expired on or before `date`; one whose settlement the data lacks stays open. */
  settle(date: string): void {
    for (const layer of LAYERS)
      this.open[layer] = this.open[layer].filter((o) => {
        if (o.trade.expiry > date) return true;
        const s =
          o.trade.settlement === 'VIX'
            ? vxFinalSettle(this.ix, o.trade.expiry)
            : spxSettlement(this.ix, o.trade.expiry, o.trade.settlement);
        if (!s) return true;
        const payoff = settlementUsd(o.trade.legs, s.price);
        o.trade.settlePrice = s.price;
        o.trade.settleSource = s.source;
        o.trade.payoffUsd = cents(payoff);
        o.trade.pnlUsd = cents(o.trade.premiumUsd - o.trade.commissionUsd + payoff);
        this.realised[layer] += payoff; // premium and commission were booked at opening
        return false;
      });
  }

  /** Cumulative P/L per layer with open positions at `priceOf(position, leg)` (points per share). */
  equity(priceOf: (o: Open, l: HeldLeg) => number): Record<Layer, number> {
    const out = { ...this.realised };
    for (const layer of LAYERS)
      for (const o of this.open[layer]) out[layer] += markUsd(o.trade.legs, (l) => priceOf(o, l));
    return out;
  }
}
