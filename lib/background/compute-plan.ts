import type { HeldCondor } from '../engine/condor/rolls';
import { builtinCalendar } from '../engine/events/builtin-calendar';
import type { EventCalendar } from '../engine/events/calendar-types';
import { applyUserEdits } from '../engine/events/user-calendar';
import { plan } from '../engine/plan/plan';
import type { Settings } from '../engine/settings-types';
import type { ChainSnapshot, VixCurveSnapshot } from '../engine/snapshot-types';
import { planSchema } from '../schema/plan';
import type { UserEvents } from '../schema/stored';
import type { VixChainSource } from '../schema/tab-state';
import { heldCondorItem, historyItem, latestVixChainItem, userEventsItem } from '../storage';

/**
 * The built-in macro calendar with the user's removals and additions applied; coverage per
 * kind is the built-in one or what the user declares, never guessed from the dates entered
 * (lib/engine/events/user-calendar.ts).
 */
export function userCalendar(edits: UserEvents): EventCalendar {
  return applyUserEdits(builtinCalendar(), edits);
}

/**
 * True when the chain lists the held condor's expiry with a strike between its long wings.
 * On any other page (another expiry, or another underlying such as a VIX chain whose
 * expiry happens to share the date) the plan says nothing about the held condor.
 */
export function listsHeld(chain: ChainSnapshot, held: HeldCondor): boolean {
  const exp = chain.expiries.find((e) => e.expiry === held.expiry);
  return exp?.rows.some((r) => r.strike >= held.longPut && r.strike <= held.longCall) ?? false;
}

/**
 * Runs the engine for one tab's inputs with the stored history, calendar, VIX chain and held
 * condor (the latter only when the chain lists its expiry). Says where the shared VIX option
 * chain came from, so the surfaces can show its source and time.
 * Never throws: a failure comes back as its reason. The plan is checked against its schema
 * before it is published, so a UI never sees a malformed plan.
 */
export async function computePlanForTab(
  chain: ChainSnapshot,
  vixCurve: VixCurveSnapshot | null,
  settings: Settings,
  now: Date,
): Promise<{ plan: unknown; vixChain: VixChainSource | null } | { error: string }> {
  try {
    const [history, edits, vixChain, stored] = await Promise.all([
      historyItem.get(),
      userEventsItem.get(),
      latestVixChainItem.get(),
      heldCondorItem.get(),
    ]);
    const held = stored && listsHeld(chain, stored) ? stored : null;
    const result = plan(
      { chain, vixCurve, vixChain, history: history.days, calendar: userCalendar(edits), held },
      settings,
      now.toISOString(),
    );
    const checked = planSchema.safeParse(result);
    if (!checked.success)
      return { error: `The engine produced an invalid plan (${checked.error.issues[0]?.path.join('.')}).` };
    const vixSource = vixChain ? { ...vixChain.source, quoteTime: vixChain.quoteTime } : null;
    return { plan: checked.data, vixChain: vixSource };
  } catch (err) {
    return { error: `The engine failed: ${err instanceof Error ? err.message : String(err)}` };
  }
}
