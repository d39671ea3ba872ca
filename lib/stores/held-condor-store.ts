/**
 * The side panel's held-condor form. Storage (`local:heldCondor`) is the source of truth:
 * the store hydrates from it and watches it; Save writes a validated condor (an invalid one
 * shows its field messages and is never written); Clear stores null. The background re-plans
 * every tab when the item changes, so the roll suggestions follow on their own.
 */
import { createStore } from 'zustand/vanilla';
import type { HeldCondor } from '../engine/condor/rolls';
import type { CondorCandidate } from '../engine/plan-types';
import { heldCondorItem } from '../storage';
import {
  draftsOfCandidate,
  draftsOfHeld,
  EMPTY_DRAFTS,
  type HeldDrafts,
  type HeldErrors,
  type HeldField,
  parseHeldDrafts,
} from './held-condor-form';

export type HeldStatus = 'idle' | 'edited' | 'filled' | 'saved' | 'invalid' | 'cleared' | 'error';

export interface HeldCondorState {
  loaded: boolean;
  /** What storage holds (null: no held condor). */
  saved: HeldCondor | null;
  drafts: HeldDrafts;
  errors: HeldErrors;
  status: HeldStatus;
  /** The storage error of the last failed write, if any. */
  failure: string | null;
  load(): Promise<void>;
  setField(field: HeldField, text: string): void;
  /** Fills the drafts from the engine's suggestion (not saved until Save). */
  fill(candidate: CondorCandidate): void;
  save(): Promise<void>;
  clear(): Promise<void>;
  dispose(): void;
}

export type HeldCondorStore = ReturnType<typeof createHeldCondorStore>;

export function createHeldCondorStore() {
  let unwatch: (() => void) | null = null;
  return createStore<HeldCondorState>()((set, get) => {
    const write = async (value: HeldCondor | null, status: HeldStatus) => {
      try {
        await heldCondorItem.set(value);
        set({ saved: value, drafts: draftsOfHeld(value), errors: {}, status, failure: null });
      } catch (err) {
        set({ status: 'error', failure: err instanceof Error ? err.message : String(err) });
      }
    };
    return {
      loaded: false,
      saved: null,
      drafts: EMPTY_DRAFTS,
      errors: {},
      status: 'idle',
      failure: null,
      async load() {
        unwatch?.();
        unwatch = heldCondorItem.watch((saved) => {
          // Changed elsewhere (another panel): show it unless the user is mid-edit here.
          const busy = get().status === 'edited' || get().status === 'filled' || get().status === 'invalid';
          set(busy ? { saved } : { saved, drafts: draftsOfHeld(saved) });
        });
        const saved = await heldCondorItem.get();
        set({ saved, drafts: draftsOfHeld(saved), loaded: true });
      },
      setField(field, text) {
        // Typing in a field clears its message (and the strike-order one for a strike).
        const strike = field.endsWith('Put') || field.endsWith('Call');
        const errors = Object.fromEntries(
          Object.entries(get().errors).filter(([k]) => k !== field && !(strike && k === 'strikes')),
        ) as HeldErrors;
        set({ drafts: { ...get().drafts, [field]: text }, errors, status: 'edited' });
      },
      fill(candidate) {
        set({ drafts: draftsOfCandidate(candidate), errors: {}, status: 'filled' });
      },
      async save() {
        const out = parseHeldDrafts(get().drafts);
        if (!out.ok) {
          set({ errors: out.errors, status: 'invalid' });
          return;
        }
        await write(out.held, 'saved');
      },
      clear: () => write(null, 'cleared'),
      dispose() {
        unwatch?.();
        unwatch = null;
      },
    };
  });
}
