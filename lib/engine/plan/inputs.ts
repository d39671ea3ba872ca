import type { HeldCondor } from '../condor/rolls';
import type { EventCalendar } from '../events/calendar-types';
import type { DailyRecord } from '../signals/history-types';
import type { ChainSnapshot, VixCurveSnapshot } from '../snapshot-types';

/** Everything plan() reads besides settings and the clock. Null or empty = not available. */
export interface PlanInputs {
  /** SPX (or SPXW) option chain. */
  chain: ChainSnapshot | null;
  /** VIX spot and futures curve. */
  vixCurve: VixCurveSnapshot | null;
  /** VIX option chain (Layer 2 calls); without it Layer 2 uses VIX futures. */
  vixChain: ChainSnapshot | null;
  /** Daily history, oldest first (signals; recorded norms). */
  history: DailyRecord[];
  /** Macro calendar: builtinCalendar() or the user's edited copy. */
  calendar: EventCalendar;
  /** A condor the user holds, for the weekly roll check. */
  held: HeldCondor | null;
}
