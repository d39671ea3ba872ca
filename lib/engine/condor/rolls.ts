import type { RollSuggestion, WhyEntry } from '../plan-types';
import type { Settings } from '../settings-types';
import { legAt } from './legs';
import type { ExpirySmile } from './smile';

/** A condor the user holds (entered in the side panel). Strikes in points; credit per share. */
export interface HeldCondor {
  expiry: string;
  longPut: number;
  shortPut: number;
  shortCall: number;
  longCall: number;
  /** Opening credit, points per share. */
  credit: number;
  contracts: number;
}

/** Below this many days left, a tested side rolls out in time rather than in strike. */
export const MIN_DAYS_FOR_STRIKE_ROLL = 7;
/** |front-spread z| at or above this counts as a sharp curve move: the roll goes further out. */
export const SHARP_CURVE_Z = 2;

/** |delta| of the listed strike on `side` beyond `from` whose |delta| is nearest `target`. */
function strikeNearDelta(s: ExpirySmile, side: 'put' | 'call', from: number, target: number): number | null {
  let best: number | null = null;
  let gap = Number.POSITIVE_INFINITY;
  for (const k of s.quotes.keys()) {
    if (side === 'put' ? k >= from : k <= from) continue;
    const leg = legAt(s, side, 'sell', k);
    if (!leg) continue;
    const g = Math.abs(Math.abs(leg.figures.delta) - target);
    if (g < gap) {
      gap = g;
      best = k;
    }
  }
  return best;
}

/**
 * Weekly adjustment (docs/method.md "Rolls"): a held short strike whose |delta| reaches the threshold, or a
 * forward within the buffer of a break-even, is tested. A tested side rolls out in strike in
 * the same expiry to the middle of the delta band, or out in time (to `next`, the expiry the
 * condor layer chose) when fewer than 7 days remain; when the VIX curve has moved sharply
 * (|front-spread z| ≥ 2) the roll targets the low end of the band, i.e. further out.
 */
export function rollSuggestions(
  held: HeldCondor,
  heldSmile: ExpirySmile,
  next: ExpirySmile | null,
  settings: Settings['condor'],
  frontSpreadZ: number | null,
): { rolls: RollSuggestion[]; why: WhyEntry[] } {
  const sharp = frontSpreadZ !== null && Math.abs(frontSpreadZ) >= SHARP_CURVE_Z;
  const target = sharp ? settings.shortDeltaMin : (settings.shortDeltaMin + settings.shortDeltaMax) / 2;
  const f = heldSmile.forward;
  const rolls: RollSuggestion[] = [];
  const why: WhyEntry[] = [];
  for (const side of ['put', 'call'] as const) {
    const strike = side === 'put' ? held.shortPut : held.shortCall;
    const leg = legAt(heldSmile, side, 'sell', strike);
    const delta = leg ? Math.abs(leg.figures.delta) : null;
    const be = side === 'put' ? held.shortPut - held.credit : held.shortCall + held.credit;
    const room = side === 'put' ? f - be : be - f;
    const tested =
      (delta !== null && delta >= settings.rollDeltaThreshold) || room <= settings.rollBreakevenBufferPoints;
    const inputs = {
      strike,
      delta,
      forward: f,
      breakEven: be,
      roomPoints: room,
      threshold: settings.rollDeltaThreshold,
    };
    if (!tested) {
      rolls.push({
        leg: side,
        action: 'hold',
        text: `Short ${side} ${strike} is not tested: hold.`,
        toStrike: null,
        toExpiry: null,
      });
      continue;
    }
    why.push({
      rule: 'roll-tested-side',
      text: `Short ${side} ${strike} is tested (|delta| ${delta?.toFixed(2) ?? 'n/a'}, ${room.toFixed(1)} points to break-even).`,
      inputs: { ...inputs, sharpCurve: sharp, targetDelta: target },
    });
    const inStrike = heldSmile.daysToExpiry >= MIN_DAYS_FOR_STRIKE_ROLL;
    const smile = inStrike ? heldSmile : next;
    const toStrike = smile
      ? strikeNearDelta(
          smile,
          side,
          side === 'put' ? Math.min(strike, smile.forward) : Math.max(strike, smile.forward),
          target,
        )
      : null;
    const further = sharp ? ' (further out: the VIX curve moved sharply)' : '';
    rolls.push({
      leg: side,
      action: inStrike ? 'roll-out-in-strike' : 'roll-out-in-time',
      text:
        toStrike === null
          ? `Roll the ${side} side ${inStrike ? 'out in strike' : 'out in time'}: no listed strike near |delta| ${target.toFixed(2)} on the page.`
          : `Roll the short ${side} from ${strike} to ${toStrike}${inStrike ? '' : ` in ${smile?.expiry}`}, near |delta| ${target.toFixed(2)}${further}.`,
      toStrike,
      toExpiry: smile?.expiry ?? null,
    });
  }
  return { rolls, why };
}
