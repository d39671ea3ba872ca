/**
 * The popup calculator's inputs (text as typed, so half-typed values survive re-renders).
 * Local to the popup; nothing is stored.
 */
import { createStore } from 'zustand/vanilla';

export interface CalculatorInput {
  /** Expiry picked on the chain (key "YYYY-MM-DD|ROOT"); '' when typing by hand. */
  expiry: string;
  longPut: string;
  shortPut: string;
  shortCall: string;
  longCall: string;
  /** Credit received, index points per share. */
  credit: string;
}

export interface CalculatorState {
  input: CalculatorInput;
  setInput(patch: Partial<CalculatorInput>): void;
  /** Fills all five inputs (strikes in index points, credit in points per share). */
  fill(values: {
    expiry: string;
    longPut: number;
    shortPut: number;
    shortCall: number;
    longCall: number;
    credit: number;
  }): void;
}

const EMPTY: CalculatorInput = {
  expiry: '',
  longPut: '',
  shortPut: '',
  shortCall: '',
  longCall: '',
  credit: '',
};

export function createCalculatorStore() {
  return createStore<CalculatorState>()((set) => ({
    input: EMPTY,
    setInput: (patch) => set((s) => ({ input: { ...s.input, ...patch } })),
    fill: (v) =>
      set({
        input: {
          expiry: v.expiry,
          longPut: String(v.longPut),
          shortPut: String(v.shortPut),
          shortCall: String(v.shortCall),
          longCall: String(v.longCall),
          credit: v.credit.toFixed(2),
        },
      }),
  }));
}
