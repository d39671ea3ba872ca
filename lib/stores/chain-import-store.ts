/**
 * The options page's chain import: a file read with readChainImport (lib/stores/chain-import.ts,
 * the same reading as `alvh read`), shown before it is kept; "Use" stores the chain as the
 * imported chain the side panel can plan on. Messages are sentences, never schema output.
 */
import { createStore } from 'zustand/vanilla';
import type { ChainSnapshot } from '../engine/snapshot-types';
import { importedChainItem } from '../storage';
import { readChainImport } from './chain-import';

export interface ChainImportState {
  fileName: string | null;
  /** The chain read from the file (the first option chain in it), not yet kept. */
  chain: ChainSnapshot | null;
  /** What went wrong, or what was done, in words. */
  message: string | null;
  /** The chain kept for the side panel (file name and time), null when none. */
  kept: { fileName: string; importedAt: string } | null;
  load(): Promise<void>;
  loadText(fileName: string, text: string, nowIso: string): void;
  commit(nowIso: string): Promise<void>;
  clear(): Promise<void>;
}

export function createChainImportStore() {
  return createStore<ChainImportState>()((set, get) => ({
    fileName: null,
    chain: null,
    message: null,
    kept: null,
    async load() {
      const stored = await importedChainItem.get();
      set({ kept: stored && { fileName: stored.fileName, importedAt: stored.importedAt } });
    },
    loadText(fileName, text, nowIso) {
      const result = readChainImport(fileName, text, nowIso);
      if (!result.ok) {
        set({ fileName, chain: null, message: `Not imported: ${result.failure.detail}` });
        return;
      }
      const chain = result.snapshots.find((s): s is ChainSnapshot => s.kind === 'option-chain') ?? null;
      set({
        fileName,
        chain,
        message: chain ? null : `Not imported: ${fileName} holds a VIX futures curve, not an option chain.`,
      });
    },
    async commit(nowIso) {
      const { chain, fileName } = get();
      if (!chain || !fileName) return;
      try {
        await importedChainItem.set({ fileName, importedAt: nowIso, chain });
        set({
          kept: { fileName, importedAt: nowIso },
          chain: null,
          message: `Kept ${fileName}: the side panel plans on it on any tab without a chain of its own.`,
        });
      } catch {
        set({ message: `Not kept: ${fileName} is too large for the browser's storage.` });
      }
    },
    async clear() {
      await importedChainItem.set(null);
      set({ kept: null, message: 'The imported chain was removed.' });
    },
  }));
}
