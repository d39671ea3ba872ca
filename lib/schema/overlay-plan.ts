/**
 * The part of a Plan the in-page overlay draws, checked with zod/mini (the content script
 * carries it into every page, so it stays small). The background checks the whole plan against
 * lib/schema/plan.ts, then sends the tab only this part ({@link readOverlayPlan} keeps exactly
 * these fields): the overlay never receives the rest.
 */
import * as z from 'zod/mini';

const leg = z.object({ side: z.enum(['call', 'put']), strike: z.number(), delta: z.number() });

export const overlayCondorSchema = z.object({
  expiry: z.string().check(z.maxLength(10)),
  legs: z.object({ longPut: leg, shortPut: leg, shortCall: leg, longCall: leg }),
  /** Index points. */
  breakEvenLow: z.number(),
  breakEvenHigh: z.number(),
});
export type OverlayCondor = z.infer<typeof overlayCondorSchema>;

export const overlayPlanSchema = z.object({
  condor: z.object({
    reason: z.string().check(z.maxLength(2_000)),
    figures: z.nullable(z.object({ best: overlayCondorSchema })),
  }),
});
export type OverlayPlan = z.infer<typeof overlayPlanSchema>;

/** The overlay's view of a plan, or null when there is none or it does not have that shape. */
export function readOverlayPlan(raw: unknown): OverlayPlan | null {
  const parsed = overlayPlanSchema.safeParse(raw);
  return parsed.success ? parsed.data : null;
}
