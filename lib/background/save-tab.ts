/**
 * Writes a tab's state to session storage within a budget. Chrome gives storage.session
 * 10 MB for the whole extension: two tabs with big chains once filled it and every later
 * tab waited forever, the error only in the page console. Here each tab's stored state is
 * cut to what the surfaces draw (the chain nearest the money, fewer rows until it fits
 * {@link TAB_BUDGET_CHARS}; the full chain stays in the background's memory), the
 * least-recently updated tabs are cleared when all tabs together would pass
 * {@link TOTAL_BUDGET_CHARS}, and a write the browser still refuses is retried after
 * clearing more, then reported: the result says what went wrong so the side panel and the
 * page's chip can show it.
 */
import { browser } from 'wxt/browser';
import type { TabState } from '../schema/tab-state';
import { compactForStorage, MAX_STORED_ROWS } from './compact-chain';
import { readTabState, removeTabState, writeTabState } from './tab-states';

/** Largest stored state per tab, characters of JSON (~bytes). */
export const TAB_BUDGET_CHARS = 1_200_000;
/** Largest stored state of all tabs together: 10 MB less room for the shared VIX items. */
export const TOTAL_BUDGET_CHARS = 7_000_000;

export type TabNotice = NonNullable<TabState['notices']>[number];

/** Chars stored per tab and when each was last written (Date.now ms); rebuilt after a restart. */
const held = new Map<number, { chars: number; at: number }>();
let indexed = false;

async function indexStoredTabs(): Promise<void> {
  if (indexed) return;
  indexed = true;
  const all = await browser.storage.session.get(null);
  for (const [key, value] of Object.entries(all)) {
    const id = /^tab:(\d+)$/.exec(key)?.[1];
    if (id === undefined || held.has(Number(id))) continue;
    const at = Date.parse((value as { updatedAt?: string } | null)?.updatedAt ?? '') || 0;
    held.set(Number(id), { chars: JSON.stringify(value ?? null).length, at });
  }
}

/** The state as stored: chain rows cut until the JSON fits the per-tab budget. */
export function fitToBudget(state: TabState, budget = TAB_BUDGET_CHARS): { stored: TabState; chars: number } {
  const chain = state.chain;
  let maxRows = MAX_STORED_ROWS;
  for (;;) {
    const stored = { ...state, chain: chain && compactForStorage(chain, maxRows) };
    const chars = JSON.stringify(stored).length;
    if (chars <= budget || !chain || maxRows === 0) return { stored, chars };
    maxRows = maxRows >= 250 ? Math.floor(maxRows / 2) : 0;
  }
}

/** Least-recently written tabs other than `keep`, oldest first. */
function evictionOrder(keep: number): number[] {
  return [...held.entries()]
    .filter(([id]) => id !== keep)
    .sort((a, b) => a[1].at - b[1].at)
    .map(([id]) => id);
}

/** A tab's stored state shrunk to a note: what was there is gone, the page must be read again. */
function clearedState(old: TabState | null, tabId: number, detail: string): TabState {
  return {
    tabId,
    url: old?.url ?? '',
    status: { state: 'idle' },
    chain: null,
    vixCurve: null,
    plan: null,
    planError: null,
    updatedAt: new Date().toISOString(),
    notices: [{ kind: 'storage', detail }],
  };
}

const EVICTED =
  "This tab's saved plan was cleared to make room for newer tabs (the browser's storage for the extension is limited). Reload the page to read it again.";

/** Clears one other tab's stored state; `onEvict` drops what the caller holds for it. */
async function evict(id: number, onEvict: (id: number) => void): Promise<void> {
  onEvict(id);
  const old = await readTabState(id).catch(() => null);
  await removeTabState(id);
  held.delete(id);
  try {
    const note = clearedState(old, id, EVICTED);
    await writeTabState(id, note);
    held.set(id, { chars: JSON.stringify(note).length, at: 0 });
  } catch {
    // Not even the note fits: the tab shows "nothing read yet".
  }
}

/**
 * Saves `state` for its tab within the budgets, clearing least-recent tabs when needed.
 * @returns null when saved as is (rows may be trimmed), else the storage problem to show.
 */
export async function saveTabState(
  state: TabState,
  onEvict: (id: number) => void,
): Promise<TabNotice | null> {
  await indexStoredTabs();
  const { stored, chars } = fitToBudget(state);
  const others = () => evictionOrder(state.tabId).reduce((n, id) => n + (held.get(id)?.chars ?? 0), 0);
  for (const id of evictionOrder(state.tabId)) {
    if (others() + chars <= TOTAL_BUDGET_CHARS) break;
    if ((held.get(id)?.at ?? 0) === 0 && (held.get(id)?.chars ?? 0) < 2_000) continue; // already a note
    await evict(id, onEvict);
  }
  let lastError = '';
  const candidates = evictionOrder(state.tabId);
  for (;;) {
    try {
      await writeTabState(state.tabId, stored);
      held.set(state.tabId, { chars, at: Date.now() });
      return null;
    } catch (err) {
      lastError = err instanceof Error ? err.message : String(err);
      const next = candidates.shift();
      if (next === undefined) break;
      await evict(next, onEvict);
    }
  }
  // Nothing left to clear: store the tab's status with the problem, without chain or plan.
  const problem: TabNotice = {
    kind: 'storage',
    detail: `The browser refused to store this tab's plan (${lastError.slice(0, 300)}). The plan is not saved; the page chip shows the current one.`,
  };
  try {
    const minimal = { ...clearedState(state, state.tabId, problem.detail), status: state.status };
    await writeTabState(state.tabId, minimal);
    held.set(state.tabId, { chars: JSON.stringify(minimal).length, at: Date.now() });
  } catch {
    // The chip still shows it (the overlay message carries the notice).
  }
  return problem;
}

/** Forget a closed tab. */
export function forgetTab(tabId: number): void {
  held.delete(tabId);
}
