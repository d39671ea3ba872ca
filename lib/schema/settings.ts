import * as z from 'zod';
import type { Settings } from '../engine/settings-types';

const fraction = z.number().min(0).max(1);
const days = z.number().int().min(0).max(1_100);

/**
 * Risk limits and method settings, validated field by field so the options page can show
 * one message per field. Defaults and units: docs/method.md "Defaults".
 */
export const settingsSchema = z
  .object({
    version: z.literal(1),
    risk: z.object({
      accountSizeUsd: z.number().positive('Account size must be above 0').max(1e10),
      maxLossPerTradeUsd: z.number().positive('Max loss per trade must be above 0').max(1e9),
      maxRiskFractionOfAccount: z.number().gt(0, 'Must be above 0').max(1, 'At most 100 %'),
      maxContracts: z.number().int('Whole contracts only').min(1, 'At least 1').max(10_000),
    }),
    condor: z.object({
      dteMin: days,
      dteMax: days,
      shortDeltaMin: z.number().gt(0).lt(0.5),
      shortDeltaMax: z.number().gt(0).lt(0.5),
      wingMode: z.enum(['points', 'expected-move-fraction']),
      wingWidthPoints: z.number().positive().max(1_000),
      wingExpectedMoveFraction: z.number().positive().max(5),
      // New fields default, so settings stored before they existed still parse.
      targetShortDelta: z.number().gt(0).lt(0.5).default(0.2),
      rollDeltaThreshold: z.number().gt(0).lt(1),
      rollBreakevenBufferPoints: z.number().min(0).max(1_000),
    }),
    hedge: z.object({
      activationFrontSpreadZ: z.number().min(-5).max(5),
      stressSpxMove: z.number().min(-0.5).lt(0, 'The stress scenario is a drop: below 0'),
      vixPointsPerSpxPercentDrop: z.number().min(0).max(10),
      paybackShare: fraction,
      budgetShareOfCredit: fraction,
      // Added after version 1 shipped: stored settings without it take the default.
      vxMarginUsdPerContract: z.number().min(0).max(1_000_000).default(10_000),
    }),
    press: z.object({
      enabled: z.boolean(),
      vixPercentileMax: z.number().min(0).max(100),
      contangoZMin: z.number().min(-5).max(5),
      dteMin: days,
      dteMax: days,
      shortDeltaMin: z.number().gt(0).lt(0.5),
      shortDeltaMax: z.number().gt(0).lt(0.5),
      riskShare: fraction,
    }),
    signals: z.object({
      rsiPeriod: z.number().int().min(2).max(100),
      macdFast: z.number().int().min(2).max(100),
      macdSlow: z.number().int().min(3).max(200),
      macdSignal: z.number().int().min(2).max(100),
    }),
    data: z.object({
      staleAfterMinutes: z
        .number()
        .min(1)
        .max(7 * 24 * 60),
      maxSpreadFractionOfMid: z.number().gt(0).max(2).default(0.25),
      parityRateMin: z.number().min(-0.5).max(1).default(-0.01),
      parityRateMax: z.number().min(-0.5).max(1).default(0.15),
      riskFreeRate: z.number().min(-0.5).max(1).default(0.04),
    }),
    overlay: z.object({ enabled: z.boolean() }),
  })
  .superRefine((s, ctx) => {
    if (s.condor.dteMin > s.condor.dteMax)
      ctx.addIssue({ code: 'custom', path: ['condor', 'dteMax'], message: 'Max DTE must be ≥ min DTE' });
    if (s.condor.shortDeltaMin > s.condor.shortDeltaMax)
      ctx.addIssue({
        code: 'custom',
        path: ['condor', 'shortDeltaMax'],
        message: 'Max delta must be ≥ min delta',
      });
    if (s.press.dteMin > s.press.dteMax)
      ctx.addIssue({ code: 'custom', path: ['press', 'dteMax'], message: 'Max DTE must be ≥ min DTE' });
    if (s.press.shortDeltaMin > s.press.shortDeltaMax)
      ctx.addIssue({
        code: 'custom',
        path: ['press', 'shortDeltaMax'],
        message: 'Max delta must be ≥ min delta',
      });
    if (
      s.condor.targetShortDelta < s.condor.shortDeltaMin ||
      s.condor.targetShortDelta > s.condor.shortDeltaMax
    )
      ctx.addIssue({
        code: 'custom',
        path: ['condor', 'targetShortDelta'],
        message: 'Target delta must lie inside the delta band',
      });
    if (s.data.parityRateMin > s.data.parityRateMax)
      ctx.addIssue({
        code: 'custom',
        path: ['data', 'parityRateMax'],
        message: 'Max rate must be ≥ min rate',
      });
    if (s.signals.macdFast >= s.signals.macdSlow)
      ctx.addIssue({
        code: 'custom',
        path: ['signals', 'macdSlow'],
        message: 'Slow period must exceed fast',
      });
  }) satisfies z.ZodType<Settings>;

/** The method's defaults (docs/method.md "Defaults" lists each with its unit). */
export const DEFAULT_SETTINGS: Settings = {
  version: 1,
  risk: {
    accountSizeUsd: 100_000,
    maxLossPerTradeUsd: 5_000,
    maxRiskFractionOfAccount: 0.1,
    maxContracts: 10,
  },
  condor: {
    dteMin: 21,
    dteMax: 45,
    shortDeltaMin: 0.15,
    shortDeltaMax: 0.3,
    wingMode: 'points',
    wingWidthPoints: 25,
    wingExpectedMoveFraction: 0.25,
    targetShortDelta: 0.2,
    rollDeltaThreshold: 0.35,
    rollBreakevenBufferPoints: 10,
  },
  hedge: {
    activationFrontSpreadZ: -1,
    stressSpxMove: -0.1,
    vixPointsPerSpxPercentDrop: 1.5,
    paybackShare: 0.5,
    budgetShareOfCredit: 0.2,
    vxMarginUsdPerContract: 10_000,
  },
  press: {
    enabled: true,
    vixPercentileMax: 20,
    contangoZMin: 1,
    dteMin: 0,
    dteMax: 7,
    shortDeltaMin: 0.08,
    shortDeltaMax: 0.15,
    riskShare: 0.25,
  },
  signals: { rsiPeriod: 14, macdFast: 12, macdSlow: 26, macdSignal: 9 },
  data: {
    staleAfterMinutes: 15,
    maxSpreadFractionOfMid: 0.25,
    parityRateMin: -0.01,
    parityRateMax: 0.15,
    riskFreeRate: 0.04,
  },
  overlay: { enabled: true },
};
