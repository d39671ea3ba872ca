/**
 * The options page's settings form. Every keystroke is validated with the settings schema;
 * a valid value is saved to storage.sync at once, an invalid one shows its field message and
 * is never written. Hydrates from storage and follows changes made elsewhere.
 */
import { createStore } from 'zustand/vanilla';
import type { Settings } from '../engine/settings-types';
import { DEFAULT_SETTINGS, settingsSchema } from '../schema/settings';
import { settingsItem } from '../storage';
import { type Drafts, draftsOf, type FieldScale, parseDraft, setAt, validate } from './settings-form';

export type SaveState = 'idle' | 'saved' | 'invalid' | 'error';

export interface SettingsFormState {
  loaded: boolean;
  saved: Settings;
  drafts: Drafts;
  errors: Record<string, string>;
  saveState: SaveState;
  /** Message of the last import (success or what was wrong). */
  importMessage: string | null;
  load(): Promise<void>;
  /** A numeric field typed by the user (display units). */
  setNumber(path: string, text: string): Promise<void>;
  /** A boolean or select field. */
  setValue(path: string, value: boolean | string): Promise<void>;
  importJson(text: string): Promise<void>;
  exportJson(): string;
  reset(): Promise<void>;
  dispose(): void;
}

export function createSettingsStore(fields: FieldScale[]) {
  let unwatch: (() => void) | null = null;
  return createStore<SettingsFormState>()((set, get) => {
    const save = async (next: Settings, drafts: Drafts) => {
      try {
        await settingsItem.set(next);
        set({ saved: next, drafts, errors: {}, saveState: 'saved' });
      } catch (err) {
        set({ saveState: 'error', importMessage: err instanceof Error ? err.message : String(err) });
      }
    };
    /** Builds the settings from all drafts; parse failures become field errors. */
    const candidate = (drafts: Drafts, base: Settings) => {
      let s = base;
      const parseErrors: Record<string, string> = {};
      for (const f of fields) {
        const v = parseDraft(drafts[f.path] ?? '', f.scale);
        if (v === null) parseErrors[f.path] = 'Enter a number';
        else s = setAt(s, f.path, v);
      }
      return { s, parseErrors };
    };
    const apply = async (drafts: Drafts, base: Settings) => {
      const { s, parseErrors } = candidate(drafts, base);
      const errors = { ...validate(s, fields), ...parseErrors };
      if (Object.keys(errors).length === 0) return save(s, drafts);
      set({ drafts, errors, saveState: 'invalid' });
    };
    return {
      loaded: false,
      saved: DEFAULT_SETTINGS,
      drafts: draftsOf(DEFAULT_SETTINGS, fields),
      errors: {},
      saveState: 'idle',
      importMessage: null,
      async load() {
        const saved = await settingsItem.get();
        set({ saved, drafts: draftsOf(saved, fields), loaded: true });
        unwatch?.();
        unwatch = settingsItem.watch((s) => {
          // Another page (or sync) changed the settings: show them unless the user is mid-fix.
          if (Object.keys(get().errors).length === 0) set({ saved: s, drafts: draftsOf(s, fields) });
        });
      },
      setNumber: (path, text) => apply({ ...get().drafts, [path]: text }, get().saved),
      setValue: (path, value) => apply(get().drafts, setAt(get().saved, path, value)),
      async importJson(text) {
        let raw: unknown;
        try {
          raw = JSON.parse(text);
        } catch {
          set({ importMessage: 'Import failed: the file is not JSON.' });
          return;
        }
        const parsed = settingsSchema.safeParse(raw);
        if (!parsed.success) {
          const errs = validate(raw, fields);
          const list = Object.entries(errs)
            .slice(0, 6)
            .map(([p, m]) => `${p || '(file)'}: ${m}`)
            .join('; ');
          set({ importMessage: `Import failed, nothing was changed: ${list}` });
          return;
        }
        await save(parsed.data, draftsOf(parsed.data, fields));
        set({ importMessage: 'Imported and saved.' });
      },
      exportJson: () => `${JSON.stringify(get().saved, null, 2)}\n`,
      async reset() {
        await save(DEFAULT_SETTINGS, draftsOf(DEFAULT_SETTINGS, fields));
        set({ importMessage: 'Reset to defaults.' });
      },
      dispose() {
        unwatch?.();
        unwatch = null;
      },
    };
  });
}
