/**
 * Reading the CLI's input files (text, JSON, settings) with one-line CliErrors that name the file:
 * shared by `alvh plan` and `alvh replay`, so both report a bad file the same way.
 */
import { readFileSync } from 'node:fs';
import type { z } from 'zod';
import type { Settings } from '../engine/settings-types';
import { DEFAULT_SETTINGS, settingsSchema } from '../schema/settings';
import { CliError } from './command';

export function readText(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    throw new CliError(`cannot read ${path}`);
  }
}

export function readJson(path: string): unknown {
  const text = readText(path);
  try {
    return JSON.parse(text);
  } catch {
    throw new CliError(`${path} is not valid JSON`);
  }
}

/** Parses `raw` with `schema`; the first issue becomes "file: field.path: message". */
export function validate<T>(path: string, schema: z.ZodType<T>, raw: unknown): T {
  const r = schema.safeParse(raw);
  if (!r.success) {
    const issue = r.error.issues[0];
    throw new CliError(`${path}: ${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'invalid'}`);
  }
  return r.data;
}

export function parseJsonFile<T>(path: string, schema: z.ZodType<T>): T {
  return validate(path, schema, readJson(path));
}

/** A JSON object from a file, or a CliError saying it is not one. */
export function readJsonObject(path: string): Record<string, unknown> {
  const raw = readJson(path);
  if (!raw || typeof raw !== 'object' || Array.isArray(raw))
    throw new CliError(`${path}: expected a JSON object`);
  return raw as Record<string, unknown>;
}

/**
 * Plan settings: each section of `partial` merged over the same section of the defaults (so a file
 * may set one field of one section), then validated as a whole.
 */
export function mergeSettings(path: string, partial: Record<string, unknown>): Settings {
  const defaults: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  const merged: Record<string, unknown> = { ...defaults };
  for (const [k, v] of Object.entries(partial)) {
    const base = defaults[k];
    merged[k] = base && typeof base === 'object' && v && typeof v === 'object' ? { ...base, ...v } : v;
  }
  return validate(path, settingsSchema, merged);
}
