import * as z from 'zod';
import type { HeldCondor } from '../engine/condor/rolls';
import type { EventCalendar } from '../engine/events/calendar-types';
import type { Plan } from '../engine/plan-types';
import type { DailyRecord } from '../engine/signals/history-types';

/* Zod for the Plan (the engine's output) so stores and messages can validate it.
 * z.number() rejects NaN and ±Infinity (zod 4), so a parsed plan is finite throughout. */

const num = z.number();
const scalar = z.union([num, z.string(), z.boolean(), z.null()]);

const why = z.object({ rule: z.string(), text: z.string(), inputs: z.record(z.string(), scalar) });
const status = z.enum(['suggested', 'on', 'off']);

function layer<T extends z.ZodType>(figures: T) {
  return z.object({ status, reason: z.string(), why: z.array(why), figures: figures.nullable() });
}

const settlement = z.enum(['AM', 'PM']).nullable();

const leg = z.object({
  side: z.enum(['call', 'put']),
  action: z.enum(['buy', 'sell']),
  strike: num,
  root: z.string().nullable(),
  settlement,
  occSymbol: z.string().nullable(),
  delta: num,
  iv: num,
  bid: num,
  ask: num,
});

const candidate = z.object({
  expiry: z.string(),
  root: z.string().nullable(),
  settlement,
  wingWidth: num,
  forward: num,
  daysToExpiry: num,
  legs: z.object({ longPut: leg, shortPut: leg, shortCall: leg, longCall: leg }),
  creditMid: num,
  creditNatural: num,
  maxLoss: num,
  breakEvenLow: num,
  breakEvenHigh: num,
  probabilityOfProfit: num,
  expectedMove: num,
  returnOnRisk: num,
  greeks: z.object({
    deltaUsdPerPoint: num,
    gammaUsdPerPoint2: num,
    vegaUsdPerVolPoint: num,
    thetaUsd: num,
    thetaUnit: z.enum(['usd-per-calendar-day', 'usd-to-expiry']),
  }),
  contracts: z.number().int(),
  boundBy: z.string(),
  maxLossUsd: num,
  creditUsd: num,
  score: num,
  scoreParts: z.object({ reward: num, slippage: num, deltaDistance: num }),
  flags: z.array(z.string()),
});

const roll = z.object({
  leg: z.enum(['put', 'call']),
  action: z.enum(['roll-out-in-strike', 'roll-out-in-time', 'hold']),
  text: z.string(),
  toStrike: num.nullable(),
  toExpiry: z.string().nullable(),
});

const termStructure = z.object({
  vixSpot: num.nullable(),
  curve: z.array(z.object({ expiry: z.string(), price: num, daysToExpiry: num })),
  label: z.enum(['contango', 'flat', 'backwardation']),
  frontSpread: num,
  basisVixToF1: num.nullable(),
  slopePer30Days: num,
  rollYieldPerDay: num.nullable(),
  frontSpreadZ: num.nullable(),
  frontSpreadPercentile: num.nullable(),
  vixPercentile: num.nullable(),
  normsSource: z.string(),
});

const scenario = z.object({
  name: z.string(),
  spxMove: num,
  vixLevel: num,
  condorPnlUsd: num,
  hedgePnlUsd: num,
  netPnlUsd: num,
});

const hedge = z.object({
  instrument: z.enum(['vix-call', 'vix-future']),
  expiry: z.string(),
  strike: num.nullable(),
  price: num,
  contracts: z.number().int(),
  costUsd: num,
  marginUsd: num,
  vixFallsTo: num,
  vixFallsLossUsd: num,
  carryUsdPerMonth: num,
  scenarios: z.array(scenario),
  paybackShare: num,
  stressLossUsd: num,
  budgetUsd: num,
  expansion: num,
  costBenefit: z.string(),
  worthItsCost: z.boolean(),
  boundBy: z.string(),
});

const signals = z.object({
  rsi: num.nullable(),
  macd: z.object({ macd: num, signal: num, histogram: num }).nullable(),
  adLine: num.nullable(),
  adDivergence: z.enum(['bullish', 'bearish', 'none']).nullable(),
  tilt: z.enum(['puts-further', 'calls-further', 'neutral']),
});

/** The Plan, validated. */
export const planSchema = z.object({
  asOf: z.string(),
  clock: z.object({
    pricedAt: z.string(),
    basis: z.enum(['quote-time', 'now']),
    quoteAgeMinutes: num.nullable(),
    stale: z.boolean(),
    quoteInFuture: z.boolean(),
  }),
  banners: z.array(z.string()),
  quotesLeftOut: z.array(
    z.object({
      expiry: z.string(),
      root: z.string().nullable(),
      strike: num,
      side: z.enum(['call', 'put']),
      reason: z.enum([
        'no-two-sided-quote',
        'zero-bid',
        'crossed',
        'wide-spread',
        'parity-outlier',
        'impossible-greek',
      ]),
      detail: z.string(),
    }),
  ),
  underlying: z.object({ symbol: z.string(), price: num.nullable(), forward: num.nullable() }),
  condor: layer(z.object({ best: candidate, alternatives: z.array(candidate), rolls: z.array(roll) })),
  hedge: layer(z.object({ termStructure, hedge: hedge.nullable() })),
  press: layer(z.object({ candidates: z.array(candidate), riskBudgetUsd: num })),
  signals: layer(signals),
  events: z.array(
    z.object({ date: z.string(), kind: z.enum(['FOMC', 'CPI', 'PPI', 'other']), label: z.string() }),
  ),
  parity: z.array(
    z.object({
      expiry: z.string(),
      strike: num,
      kind: z.enum(['conversion', 'reversal', 'outlier']),
      edge: num,
      text: z.string(),
    }),
  ),
  warnings: z.array(z.string()),
}) satisfies z.ZodType<Plan>;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a YYYY-MM-DD date');

/** A held condor as the user enters it (strikes in points, credit per share). */
export const heldCondorSchema = z
  .object({
    expiry: isoDate,
    longPut: z.number().positive(),
    shortPut: z.number().positive(),
    shortCall: z.number().positive(),
    longCall: z.number().positive(),
    credit: z.number().min(0),
    contracts: z.number().int().min(1),
  })
  .refine((h) => h.longPut < h.shortPut && h.shortPut < h.shortCall && h.shortCall < h.longCall, {
    message: 'strikes must rise: long put < short put < short call < long call',
  }) satisfies z.ZodType<HeldCondor>;

const calendarEvent = z.object({
  date: isoDate,
  kind: z.enum(['FOMC', 'CPI', 'PPI', 'other']),
  label: z.string().max(200),
  source: z.string().max(200),
});

/** The macro calendar the plan reads (built-in or the user's edited copy). */
export const eventCalendarSchema = z.object({
  events: z.array(calendarEvent).max(10_000),
  coveredThrough: z.object({ FOMC: isoDate.nullable(), CPI: isoDate.nullable(), PPI: isoDate.nullable() }),
  coveredFrom: z
    .object({ FOMC: isoDate.nullable(), CPI: isoDate.nullable(), PPI: isoDate.nullable() })
    .partial()
    .optional(),
}) satisfies z.ZodType<EventCalendar>;

/** One day of history (the --history CSV, or what the extension recorded). */
export const dailyRecordSchema = z.object({
  date: isoDate,
  spxClose: z.number().positive(),
  advances: z.number().int().min(0).nullable(),
  declines: z.number().int().min(0).nullable(),
  vixClose: z.number().positive().nullable(),
  vxFrontSpread: z.number().min(-1).max(10).nullable(),
}) satisfies z.ZodType<DailyRecord>;
