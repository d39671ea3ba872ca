/**
 * Turns the manual VIX-curve form (text as typed) into a VixCurveSnapshot, or field-level
 * errors. Futures prices and spot in VIX points; expiries YYYY-MM-DD (settlement dates).
 */
import type { VixCurveSnapshot } from '../../lib/engine/snapshot-types';
import { vixCurveSnapshotSchema } from '../../lib/schema/snapshot';

export interface VixFormRow {
  expiry: string;
  price: string;
}

export type VixFormResult =
  | { ok: true; snapshot: VixCurveSnapshot }
  | { ok: false; errors: Record<string, string> };

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function num(text: string): number | null {
  const t = text.trim().replace(/,/g, '');
  if (t === '') return null;
  const v = Number(t);
  return Number.isFinite(v) ? v : Number.NaN;
}

/** Validates the form; blank rows are skipped; at least two futures are required. */
export function buildVixCurve(spotText: string, rows: VixFormRow[], nowIso: string): VixFormResult {
  const errors: Record<string, string> = {};
  const spot = num(spotText);
  if (spot !== null && !(spot > 0)) errors.spot = 'VIX spot must be a number above 0';
  const futures: VixCurveSnapshot['futures'] = [];
  rows.forEach((r, i) => {
    if (r.expiry.trim() === '' && r.price.trim() === '') return;
    const price = num(r.price);
    if (!DATE.test(r.expiry.trim()) || Number.isNaN(Date.parse(r.expiry.trim())))
      errors[`expiry-${i}`] = 'Expiry as YYYY-MM-DD';
    if (price === null || !(price > 0)) errors[`price-${i}`] = 'Price must be a number above 0';
    else futures.push({ expiry: r.expiry.trim(), symbol: null, price });
  });
  const seen = new Set<string>();
  rows.forEach((r, i) => {
    const e = r.expiry.trim();
    if (e && seen.has(e)) errors[`expiry-${i}`] = 'Same expiry twice';
    seen.add(e);
  });
  if (Object.keys(errors).length === 0 && futures.length < 2)
    errors.form = 'Enter at least two futures months (Layer 2 needs F1 and F2)';
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const snapshot: VixCurveSnapshot = {
    kind: 'vix-curve',
    source: { reader: 'manual', url: 'manual:', readAt: nowIso },
    spot,
    indices: {},
    futures: futures.sort((a, b) => a.expiry.localeCompare(b.expiry)),
  };
  const parsed = vixCurveSnapshotSchema.safeParse(snapshot);
  return parsed.success
    ? { ok: true, snapshot: parsed.data }
    : { ok: false, errors: { form: parsed.error.issues[0]?.message ?? 'invalid curve' } };
}
