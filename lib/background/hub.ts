/**
 * The background's one job: keep the latest snapshots per tab, run the engine, publish the
 * plan. It is the only writer of tab state (session storage, within a budget: save-tab.ts)
 * and the only place the engine runs in the extension. Work for one tab runs one job at a
 * time (tab-queue.ts), so an older, slower plan never overwrites a newer one.
 */
import { browser } from 'wxt/browser';
import { GENERIC_READER_SCRIPT } from '../content-script-paths';
import type { ChainSnapshot, VixCurveSnapshot } from '../engine/snapshot-types';
import { PARTIAL_REFUSED, type Reply } from '../schema/from-background';
import type { Message } from '../schema/messages';
import { readOverlayPlan } from '../schema/overlay-plan';
import { chainSnapshotSchema } from '../schema/snapshot';
import type { ReaderStatus, TabState } from '../schema/tab-state';
import {
  heldCondorItem,
  historyItem,
  latestVixChainItem,
  latestVixCurveItem,
  manualVixCurveItem,
  settingsItem,
  userEventsItem,
} from '../storage';
import { boundMergedChain } from './bound-chain';
import { compactForStorage } from './compact-chain';
import { computePlanForTab } from './compute-plan';
import { startLocalPages } from './local-pages';
import { mergeChainSnapshots } from './merge-chain';
import { onMessage, sendOverlay } from './on-message';
import { forgetTab, saveTabState, type TabNotice } from './save-tab';
import { keyedQueue } from './tab-queue';
import { forgetTabStates, readTabState, removeTabState } from './tab-states';
import { startToolbarAction } from './toolbar-action';
import { trustedVixChain, trustedVixCurve, UNTRUSTED_CURVE_NOTE } from './vix-sources';

const OK: Reply = { ok: true };

/** Full chains by tab, in memory; session storage holds a compact copy (see save-tab.ts). */
const fullChains = new Map<number, ChainSnapshot>();
const queue = keyedQueue();

function emptyState(tabId: number, url: string): TabState {
  return {
    tabId,
    url,
    status: { state: 'idle' },
    chain: null,
    vixCurve: null,
    plan: null,
    planError: null,
    updatedAt: new Date().toISOString(),
  };
}

/** The freshest VIX curve: read from a VIX page, or entered by the user, whichever is newer. */
async function currentVixCurve(): Promise<VixCurveSnapshot | null> {
  const [read, manual] = await Promise.all([latestVixCurveItem.get(), manualVixCurveItem.get()]);
  if (!read) return manual;
  if (!manual) return read;
  return Date.parse(read.source.readAt) >= Date.parse(manual.source.readAt) ? read : manual;
}

function withNotice(state: TabState, notice: TabNotice | null, kind: TabNotice['kind']): TabState {
  const kept = (state.notices ?? []).filter((n) => n.kind !== kind);
  return { ...state, notices: notice ? [...kept, notice] : kept };
}

/** Recomputes a tab's plan from what it holds, saves it and tells the tab's overlay. */
async function publish(state: TabState): Promise<void> {
  const settings = await settingsItem.get();
  const vixCurve = await currentVixCurve();
  let next: TabState = { ...state, vixCurve, updatedAt: new Date().toISOString() };
  const chain = fullChains.get(state.tabId) ?? state.chain;
  if (chain) {
    const result = await computePlanForTab(chain, vixCurve, settings, new Date());
    next.plan = 'plan' in result ? result.plan : null;
    next.planError = 'error' in result ? result.error : null;
    next.vixChain = 'plan' in result ? result.vixChain : null;
  } else {
    next.plan = null;
    next.planError = null;
    next.vixChain = null;
  }
  next = withNotice(next, null, 'storage');
  const problem = await saveTabState(next, (id) => fullChains.delete(id));
  if (problem) next = withNotice(next, problem, 'storage');
  await sendOverlay(state.tabId, {
    type: 'overlay',
    enabled: settings.overlay.enabled,
    // Only what the overlay draws: the whole plan of a 30-expiry chain cost the page ~70 ms
    // of main thread per plan to receive and compare (the page-world bench's CPU profile).
    plan: readOverlayPlan(next.plan),
    status: next.status,
    notice: next.notices?.map((n) => n.detail).join(' ') || null,
  });
}

/** Runs `change` on the tab's held state (a navigation starts over) and publishes the result. */
async function update(tabId: number, url: string, change: (s: TabState) => TabState): Promise<void> {
  const held = await readTabState(tabId);
  const base = held && held.url === url ? held : emptyState(tabId, url);
  if (base !== held) fullChains.delete(tabId);
  await publish(change(base));
}

/** The stale notice a refused snapshot leaves on the tab: the plan shown is not the page's. */
function refusedNotice(why: string): TabNotice {
  return {
    kind: 'stale',
    detail: `Plan is stale: the page's latest read was refused (${why.slice(0, 300)}). The figures are from the read before it.`,
  };
}

/**
 * Takes a tab's chain read. `partial` (lib/content/snapshot-delta.ts): only the rows changed since
 * the tab's last snapshot; merged only over a chain held in memory for the same page, reader and
 * symbol and still fresh, else refused (false) so the tab sends the whole read.
 */
async function onChain(
  tabId: number,
  url: string,
  pageUrl: string | null,
  chain: ChainSnapshot,
  partial: boolean,
): Promise<boolean> {
  const settings = await settingsItem.get();
  const freshMs = settings.data.staleAfterMinutes * 60_000;
  if (partial) {
    const held = fullChains.get(tabId);
    const heldUrl = (await readTabState(tabId))?.url;
    const fresh = held && Date.now() - Date.parse(held.source.readAt) <= freshMs;
    if (
      !held ||
      !fresh ||
      heldUrl !== url ||
      held.underlying.symbol !== chain.underlying.symbol ||
      held.source.reader !== chain.source.reader
    )
      return false;
  }
  let rows = chain.expiries.reduce((n, e) => n + e.rows.length, 0);
  await update(tabId, url, (s) => {
    const merged = boundMergedChain(
      mergeChainSnapshots(fullChains.get(tabId) ?? s.chain, chain, Date.now(), freshMs),
      chain,
    );
    const valid = chainSnapshotSchema.safeParse(merged);
    if (!valid.success) {
      const issue = valid.error.issues[0];
      return withNotice(s, refusedNotice(`${issue?.path.join('.')}: ${issue?.message}`), 'stale');
    }
    fullChains.set(tabId, merged);
    // A partial read's own rows are only the changed ones: the page's rows are the merged chain's.
    if (partial) rows = merged.expiries.reduce((n, e) => n + e.rows.length, 0);
    return withNotice(
      {
        ...s,
        chain: merged,
        status: { state: 'read', rows, reader: chain.source.reader } satisfies ReaderStatus,
      },
      null,
      'stale',
    );
  });
  // A VIX option chain from the Cboe VIX options page prices every SPX tab's Layer 2 calls
  // (the tab's whole chain: a partial read holds only its changed rows).
  const whole = fullChains.get(tabId);
  if (whole && trustedVixChain(chain, pageUrl)) {
    await latestVixChainItem.set(compactForStorage(whole));
    republishAll(tabId);
  }
  return true;
}

async function onVixCurve(
  tabId: number,
  url: string,
  pageUrl: string | null,
  curve: VixCurveSnapshot,
): Promise<void> {
  const trusted = trustedVixCurve(curve, pageUrl);
  if (trusted) await latestVixCurveItem.set(curve);
  await update(tabId, url, (s) =>
    withNotice(
      { ...s, status: { state: 'read', rows: curve.futures.length, reader: curve.source.reader } },
      trusted ? null : { kind: 'vix-source', detail: UNTRUSTED_CURVE_NOTE },
      'vix-source',
    ),
  );
  if (trusted) republishAll(tabId);
}

/** A snapshot the hub could not take: the tab's plan stays, marked stale with the reason. */
function markRefused(tabId: number, why: string): Promise<void> {
  return queue.run(tabId, async () => {
    const s = await readTabState(tabId);
    if (s) await publish(withNotice(s, refusedNotice(why), 'stale'));
  });
}

/**
 * Injects the generic reader into one tab. Works only after the user invoked the extension
 * on that tab (activeTab); otherwise the browser refuses and we say so.
 */
async function injectGenericReader(tabId: number): Promise<Reply> {
  try {
    await browser.scripting.executeScript({ target: { tabId }, files: [GENERIC_READER_SCRIPT] });
    return OK;
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    return {
      ok: false,
      error: `Could not read this tab (${why}). Click the ALVH toolbar button on that page first.`,
    };
  }
}

/** Every tab we hold state for (session storage keys `tab:<id>`). */
async function heldTabIds(): Promise<number[]> {
  const all = await browser.storage.session.get(null);
  return Object.keys(all)
    .map((k) => /^tab:(\d+)$/.exec(k)?.[1])
    .filter((id): id is string => id !== undefined)
    .map(Number);
}

/** Re-plans one tab in its queue, from its state as it is when the job runs. */
function replan(tabId: number): Promise<void> {
  return queue.run(tabId, async () => {
    const s = await readTabState(tabId);
    if (s && (s.chain || fullChains.has(tabId))) await publish(s);
  });
}

/** Re-plans every held tab (shared inputs changed); `except` is already queued by the caller. */
function republishAll(except?: number): void {
  void heldTabIds().then((ids) => {
    for (const id of ids) if (id !== except) void replan(id);
  });
}

async function handle(
  message: Message,
  sender: { tabId: number | null; url: string | null },
): Promise<Reply> {
  const tabId = sender.tabId;
  switch (message.type) {
    case 'hello':
    case 'reading':
      if (tabId === null) return { ok: false, error: 'content message without a tab' };
      await queue.run(tabId, () =>
        update(tabId, message.url, (s) =>
          message.type === 'reading' && s.status.state === 'idle'
            ? { ...s, status: { state: 'reading', rows: message.rows } }
            : s,
        ),
      );
      return OK;
    case 'snapshot': {
      if (tabId === null) return { ok: false, error: 'content message without a tab' };
      const snap = message.snapshot;
      const taken = await queue.run(tabId, async () => {
        if (snap.kind === 'option-chain')
          return onChain(tabId, message.url, sender.url, snap, message.partial === true);
        await onVixCurve(tabId, message.url, sender.url, snap);
        return true;
      });
      return taken ? OK : { ok: false, error: PARTIAL_REFUSED };
    }
    case 'read-failed':
      if (tabId === null) return { ok: false, error: 'content message without a tab' };
      // The last good chain stays: a failed re-read never wipes what was read before.
      await queue.run(tabId, () =>
        update(tabId, message.url, (s) => ({
          ...s,
          status: { state: 'failed', failure: message.failure, reader: message.reader },
        })),
      );
      return OK;
    case 'set-vix-curve':
      await manualVixCurveItem.set(message.snapshot);
      republishAll();
      return OK;
    case 'clear-vix-curve':
      await manualVixCurveItem.set(null);
      republishAll();
      return OK;
    case 'read-this-tab':
      return injectGenericReader(message.tabId);
    case 'recompute':
      await replan(message.tabId);
      return OK;
  }
}

/** Wires the hub: messages, shared inputs' changes, closed tabs, the toolbar action (toolbar-action.ts). */
export function startHub(): void {
  // What an earlier start held in memory is not known to be current: storage is the truth.
  fullChains.clear();
  forgetTabStates();
  onMessage(handle, (tabId, why) => void markRefused(tabId, why));
  startLocalPages();
  // Every shared input re-plans the open tabs: settings, the held condor, the event
  // calendar, imported history.
  settingsItem.watch(() => republishAll());
  heldCondorItem.watch(() => republishAll());
  userEventsItem.watch(() => republishAll());
  historyItem.watch(() => republishAll());
  browser.tabs.onRemoved.addListener((tabId) => {
    void queue.run(tabId, async () => {
      fullChains.delete(tabId);
      forgetTab(tabId);
      await removeTabState(tabId);
      // A corrupted state's backup goes with its tab.
      await browser.storage.local.remove(`backup:session:tab:${tabId}`);
    });
  });
  startToolbarAction();
}
