/**
 * The options page's chain import: a file read with readChainImport (lib/stores/chain-import.ts,
 * the same reading as `alvh read`), shown before it is kept; "Use" stores the chain as the
 * imported chain the side panel can plan on. Messages are sentences, never schema output.
 */
import { createStore } from 'zustand/vanilla';
import type { ChainSnapshot, VixCurveSnapshot } from '../engine/snapshot-types';
import { sendToBackground } from '../messaging';
import { importedChainItem } from '../storage';
import { readChainImport } from './chain-import';
import { findColumn, readCsv } from './csv-import';

/**
 * Rows of a Cboe futures settlement CSV the curve left out, counted by product ("VXM 9",
 * "weekly VX 3"): the curve keeps monthly VX only. Empty for files without a Product/Symbol column.
 */
export function skippedProducts(text: string, kept: number): string[] {
  const { headers, data } = readCsv(text);
  const product = findColumn(headers, ['product']);
  const symbol = findColumn(headers, ['symbol', 'contract']);
  if (!product && !symbol) return [];
  const counts = new Map<string, number>();
  let monthly = 0;
  for (const row of data) {
    const p = (product ? row[product] : '')?.trim().toUpperCase() ?? '';
    const sym = (symbol ? row[symbol] : '')?.trim().toUpperCase() ?? '';
    const isVx = p === 'VX' || (!product && sym.startsWith('VX/'));
    const weekly = /^VX\d/.test(sym);
    if (isVx && !weekly) {
      monthly++;
      continue;
    }
    const label = weekly ? 'weekly VX' : p || sym.split('/')[0] || 'unnamed';
    counts.set(label, (counts.get(label) ?? 0) + 1);
  }
  // Monthly rows the reader still refused (expired, unreadable) are counted too.
  if (monthly > kept) counts.set('monthly VX not usable', monthly - kept);
  return [...counts].map(([label, n]) => `${label} ${n}`);
}

export interface ChainImportState {
  fileName: string | null;
  /** The chain read from the file (the first option chain in it), not yet kept. */
  chain: ChainSnapshot | null;
  /** What went wrong, or what was done, in words. */
  message: string | null;
  /** A VIX futures curve read from the file (Cboe settlement CSV), with the rows it left out. */
  curve: { snapshot: VixCurveSnapshot; skipped: string[] } | null;
  /** The chain kept for the side panel (file name and time), null when none. */
  kept: { fileName: string; importedAt: string } | null;
  load(): Promise<void>;
  loadText(fileName: string, text: string, nowIso: string): void;
  commit(nowIso: string): Promise<void>;
  /** Sends the curve read from the file to the background as the VIX curve of every plan. */
  useCurve(): Promise<void>;
  clear(): Promise<void>;
}

export function createChainImportStore() {
  return createStore<ChainImportState>()((set, get) => ({
    fileName: null,
    chain: null,
    curve: null,
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
      const vix = result.snapshots.find((s): s is VixCurveSnapshot => s.kind === 'vix-curve') ?? null;
      set({
        fileName,
        chain,
        curve: !chain && vix ? { snapshot: vix, skipped: skippedProducts(text, vix.futures.length) } : null,
        message: chain || vix ? null : `Not imported: ${fileName} holds no option chain.`,
      });
    },
    async useCurve() {
      const { curve, fileName } = get();
      if (!curve) return;
      const reply = await sendToBackground({ type: 'set-vix-curve', snapshot: curve.snapshot }).catch(
        (e: unknown) => ({ ok: false as const, error: e instanceof Error ? e.message : String(e) }),
      );
      set({
        curve: reply.ok ? null : curve,
        message: reply.ok
          ? `Layer 2 now uses the VIX curve from ${fileName}.`
          : `Not used: the extension's background did not take the curve (${reply.error}).`,
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
