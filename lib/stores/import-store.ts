/**
 * The options page's CSV import: parse → preview (with row errors) → commit the good rows.
 * History merges into `local:history` by date; a VIX curve goes to the background
 * (set-vix-curve), which stores it and recomputes every plan.
 */
import { createStore } from 'zustand/vanilla';
import { sendToBackground } from '../messaging';
import type { HistoryDay } from '../schema/stored';
import { historyItem } from '../storage';
import { type CsvParse, parseHistoryCsv } from './csv-import';
import { type CurveRow, curveSnapshotOf, parseVixCurveCsv } from './csv-vix-curve';

export type ImportKind = 'history' | 'vix-curve';

export interface ImportState {
  kind: ImportKind;
  fileName: string | null;
  parsed: CsvParse<HistoryDay> | CsvParse<CurveRow> | null;
  message: string | null;
  setKind(kind: ImportKind): void;
  loadText(fileName: string, text: string): void;
  commit(nowIso: string): Promise<void>;
}

/** Merges days by date: a later import fills or replaces fields it has, keeps the others. */
export function mergeHistory(held: HistoryDay[], incoming: HistoryDay[]): HistoryDay[] {
  const byDate = new Map(held.map((d) => [d.date, d]));
  for (const d of incoming) {
    const old = byDate.get(d.date);
    byDate.set(
      d.date,
      old
        ? {
            date: d.date,
            spxClose: d.spxClose,
            advances: d.advances ?? old.advances,
            declines: d.declines ?? old.declines,
            vixClose: d.vixClose ?? old.vixClose,
            vxFrontSpread: d.vxFrontSpread ?? old.vxFrontSpread,
          }
        : d,
    );
  }
  return [...byDate.values()].sort((a, b) => a.date.localeCompare(b.date));
}

export function createImportStore() {
  return createStore<ImportState>()((set, get) => ({
    kind: 'history',
    fileName: null,
    parsed: null,
    message: null,
    setKind: (kind) => set({ kind, parsed: null, fileName: null, message: null }),
    loadText(fileName, text) {
      const parsed = get().kind === 'history' ? parseHistoryCsv(text) : parseVixCurveCsv(text);
      set({ fileName, parsed, message: null });
    },
    async commit(nowIso) {
      const { parsed, kind, fileName } = get();
      if (!parsed) return;
      const good = parsed.rows.flatMap((r) => (r.value ? [r.value] : []));
      if (kind === 'history') {
        const held = await historyItem.get();
        const days = mergeHistory(held.days, good as HistoryDay[]);
        await historyItem.set({ days });
        set({ message: `Imported ${good.length} days; history now holds ${days.length} days.` });
        return;
      }
      const built = curveSnapshotOf(good as CurveRow[], {
        url: `file:${fileName ?? 'import.csv'}`,
        readAt: nowIso,
      });
      if (!built.ok) {
        set({ message: `Not imported: ${built.error}.` });
        return;
      }
      const reply = await sendToBackground({ type: 'set-vix-curve', snapshot: built.snapshot });
      set({
        message: reply.ok
          ? `VIX curve with ${built.snapshot.futures.length} months imported: Layer 2 uses it now.`
          : `Not imported: ${reply.error}`,
      });
    },
  }));
}
