/**
 * The options page's CSV import: parse → preview (with row errors) → commit the good rows.
 * History merges into `local:history` by date (replacing the stored days only when the user
 * asks), within {@link MAX_HISTORY_DAYS} (stated before import; more is refused with a
 * message); a VIX curve goes to the background (set-vix-curve), which stores it and
 * recomputes every plan. The preview runs the same checks as the import. A file of another kind
 * than the slot's (a VIX history on the history slot) is refused before any row is read, so
 * the stored history stays as it was; after an import the message gives the file's date range
 * and the rows left out with their reasons.
 */
import { createStore } from 'zustand/vanilla';
import { sendToBackground } from '../messaging';
import { type HistoryDay, MAX_HISTORY_DAYS } from '../schema/stored';
import { historyItem } from '../storage';
import { type CsvParse, dateRangeOf, dateRangeText, droppedText, parseHistoryCsv } from './csv-import';
import { type CurveRow, curveSnapshotOf, parseVixCurveCsv } from './csv-vix-curve';

export type ImportKind = 'history' | 'vix-curve';

export interface ImportState {
  kind: ImportKind;
  fileName: string | null;
  parsed: CsvParse<HistoryDay> | CsvParse<CurveRow> | null;
  message: string | null;
  /** History: replace the stored days with the file's instead of merging by date. */
  replace: boolean;
  setReplace(replace: boolean): void;
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
    replace: false,
    setReplace: (replace) => set({ replace }),
    setKind: (kind) => set({ kind, parsed: null, fileName: null, message: null }),
    loadText(fileName, text) {
      const parsed = get().kind === 'history' ? parseHistoryCsv(text) : parseVixCurveCsv(text);
      set({ fileName, parsed, message: null });
    },
    async commit(nowIso) {
      const { parsed, kind, fileName, replace } = get();
      if (!parsed || parsed.error) return;
      const good = parsed.rows.flatMap((r) => (r.value ? [r.value] : []));
      if (kind === 'history') {
        try {
          const held = replace ? { days: [] } : await historyItem.get();
          const days = mergeHistory(held.days, good as HistoryDay[]);
          if (days.length > MAX_HISTORY_DAYS) {
            set({
              message: `Not imported: history would hold ${days.length.toLocaleString('en-US')} days; the limit is ${MAX_HISTORY_DAYS.toLocaleString('en-US')}. Import a shorter file${replace ? '' : ' or replace the stored days'}.`,
            });
            return;
          }
          await historyItem.set({ days });
          const range = dateRangeOf((good as HistoryDay[]).map((d) => d.date));
          const span = dateRangeOf(days.map((d) => d.date));
          set({
            message: `Imported ${range ? dateRangeText(range) : 'no days'} (${replace ? 'replacing the stored days' : 'merged by date'}); ${droppedText(parsed.rows)}; history now holds ${days.length.toLocaleString('en-US')} days${span ? ` (${span.first} → ${span.last})` : ''}.`,
          });
        } catch (err) {
          set({ message: `Not imported: ${err instanceof Error ? err.message : String(err)}` });
        }
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
          ? `VIX curve with ${built.snapshot.futures.length} months imported: Layer 2 uses it now.${parsed.rows.some((r) => r.error) ? ` ${droppedText(parsed.rows).replace(/^./, (c) => c.toUpperCase())}.` : ''}`
          : `Not imported: ${reply.error}`,
      });
    },
  }));
}
