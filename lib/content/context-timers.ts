import type { ContentScriptContext } from 'wxt/utils/content-script-context';

/** What the timers need of WXT's content-script context. */
export type TimerContext = Pick<ContentScriptContext, 'onInvalidated' | 'isInvalid'>;

/**
 * Timers that die with the content script, behind one invalidation listener. WXT's
 * `ctx.setTimeout` adds an abort listener per timer and never removes it: a live page's reads
 * (a debounce timer and a slice yield each) piled up thousands an hour, each add slower than
 * the last.
 */
export function contextTimers(ctx: TimerContext): {
  setTimeout: (fn: () => void, ms: number) => number;
  clearTimeout: (id: number) => void;
} {
  const pending = new Set<number>();
  ctx.onInvalidated(() => {
    for (const id of pending) window.clearTimeout(id);
    pending.clear();
  });
  return {
    setTimeout(fn, ms) {
      const id = window.setTimeout(() => {
        pending.delete(id);
        fn();
      }, ms);
      if (ctx.isInvalid) window.clearTimeout(id);
      else pending.add(id);
      return id;
    },
    clearTimeout(id) {
      pending.delete(id);
      window.clearTimeout(id);
    },
  };
}
