/**
 * Pure helpers of the options form: settings ⇄ text drafts, zod issues → field messages in
 * the units the user types (fractions shown as percent use `scale`).
 */
import type { z } from 'zod';
import type { Settings } from '../engine/settings-types';
import { settingsSchema } from '../schema/settings';

/** How one stored number is shown: displayed = stored × scale. */
export interface FieldScale {
  path: string;
  scale: number;
  unit?: string;
}

export type Drafts = Record<string, string>;

function getAt(obj: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], obj);
}

/** Returns a copy of `s` with the value at `path` ("group.key") replaced. */
export function setAt(s: Settings, path: string, value: unknown): Settings {
  const [group, key] = path.split('.');
  if (!group || !key) return s;
  const g = (s as unknown as Record<string, Record<string, unknown>>)[group];
  return { ...s, [group]: { ...g, [key]: value } } as Settings;
}

/** Removes float noise from value × scale (0.1 × 100 → 10, not 10.000000000000002). */
function clean(v: number): number {
  return Number.parseFloat(v.toPrecision(12));
}

/** Text drafts for every numeric field, in display units. */
export function draftsOf(s: Settings, fields: FieldScale[]): Drafts {
  const out: Drafts = {};
  for (const f of fields) {
    const v = getAt(s, f.path);
    out[f.path] = typeof v === 'number' ? String(clean(v * f.scale)) : '';
  }
  return out;
}

/** Parses a draft to the stored unit; null when it is not a number. */
export function parseDraft(text: string, scale: number): number | null {
  const t = text.trim().replace(/,/g, '').replace(/%$/, '').trim();
  if (t === '' || !/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(t)) return null;
  return clean(Number(t) / scale);
}

function display(v: unknown, scale: number): string {
  return typeof v === 'number' || typeof v === 'bigint' ? String(clean(Number(v) * scale)) : String(v);
}

/** One zod issue as a message in display units (custom schema messages are kept). */
export function issueMessage(issue: z.core.$ZodIssue, f: FieldScale | undefined): string {
  const scale = f?.scale ?? 1;
  const unit = f?.unit ? ` ${f.unit}` : '';
  if (issue.code === 'too_small' && issue.message.startsWith('Too small'))
    return `Must be ${issue.inclusive ? '≥' : '>'} ${display(issue.minimum, scale)}${unit}`;
  if (issue.code === 'too_big' && issue.message.startsWith('Too big'))
    return `Must be ${issue.inclusive ? '≤' : '<'} ${display(issue.maximum, scale)}${unit}`;
  if (!issue.message.startsWith('Invalid input')) return issue.message;
  if (issue.code === 'invalid_type' && issue.expected === 'int') return 'Whole number only';
  if (issue.code === 'invalid_format' || issue.code === 'invalid_type') return 'Enter a number';
  return issue.message;
}

/** Field messages ("group.key" → message) for a candidate settings object. */
export function validate(candidate: unknown, fields: FieldScale[]): Record<string, string> {
  const parsed = settingsSchema.safeParse(candidate);
  if (parsed.success) return {};
  const errors: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const path = issue.path.join('.');
    if (!errors[path])
      errors[path] = issueMessage(
        issue,
        fields.find((f) => f.path === path),
      );
  }
  return errors;
}
