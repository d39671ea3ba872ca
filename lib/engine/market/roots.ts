/**
 * Option roots and how they settle: the one table readers (to label what a page shows) and
 * the engine (to time an expiry) both use.
 *
 * - AM-settled (Special Opening Quotation on the settlement date): the standard third-Friday
 *   monthlies SPX, NDX, RUT, and every VIX option, weekly VIXW included (Cboe VIX options
 *   specification: settlement by SOQ on the Wednesday morning).
 * - PM-settled (closing price): SPXW, SPXPM, XSP, NDXP, RUTW, MRUT, XND.
 * Source: Cboe contract specifications for SPX/SPXW, XSP, NDX/NDXP, RUT/RUTW, VIX/VIXW.
 */

/** How a series settles: PM close, AM open (SPX SOQ), VIX Wednesday-morning SOQ. */
export type SettlementStyle = 'PM' | 'AM' | 'VIX-AM';

const PM_ROOTS = new Set(['SPXW', 'SPXPM', 'XSP', 'NDXP', 'RUTW', 'MRUT', 'XND']);
const AM_ROOTS = new Set(['SPX', 'NDX', 'RUT']);
const VIX_ROOTS = new Set(['VIX', 'VIXW', 'VX', 'VXM']);

function norm(root: string | null): string {
  return root?.trim().toUpperCase() ?? '';
}

/** True for VIX options and futures roots (settled by the VIX SOQ on a Wednesday morning). */
export function isVixRoot(root: string | null): boolean {
  return VIX_ROOTS.has(norm(root));
}

/** AM or PM settlement of an option root; null when the root is unknown or not listed here. */
export function settlementForRoot(root: string | null): 'AM' | 'PM' | null {
  const r = norm(root);
  if (VIX_ROOTS.has(r) || AM_ROOTS.has(r)) return 'AM';
  if (PM_ROOTS.has(r)) return 'PM';
  return null;
}

/** Settlement style from the option root (authoritative) or the explicit settlement field. */
export function settlementStyleOf(
  root: string | null,
  settlement: 'AM' | 'PM' | null,
): { style: SettlementStyle; assumed: boolean } {
  const r = norm(root);
  if (VIX_ROOTS.has(r)) return { style: 'VIX-AM', assumed: false };
  if (settlement) return { style: settlement, assumed: false };
  if (PM_ROOTS.has(r)) return { style: 'PM', assumed: false };
  if (AM_ROOTS.has(r)) return { style: 'AM', assumed: false };
  return { style: 'PM', assumed: true };
}
