import type { ContentScriptContext } from 'wxt/utils/content-script-context';

/** What the timers need of WXT's content-script context. */
export type TimerContext = Pick<ContentScriptContext, 'onInvalidated'>;

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
  // Our own flag: ctx.isInvalid asks the browser for runtime.id at every call (0.2 ms of a
  // steady update); the places that detect an updated extension ask it (start-content.ts).
  let invalid = false;
  ctx.onInvalidated(() => {
    invalid = true;
    for (const id of pending) window.clearTimeout(id);
    pending.clear();
  });
  return {
    setTimeout(fn, ms) {
      const id = window.setTimeout(() => {
        pending.delete(id);
        fn();
      }, ms);
      if (invalid) window.clearTimeout(id);
      else pending.add(id);
      return id;
    },
    clearTimeout(id) {
      pending.delete(id);
      window.clearTimeout(id);
    },
  };
}
