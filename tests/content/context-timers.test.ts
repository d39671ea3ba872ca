// @vitest-environment happy-dom
/**
 * The content script's timers: however many run, one invalidation listener; the ones still
 * pending when the extension goes away are cleared.
 */
import { describe, expect, it, vi } from 'vitest';
import { contextTimers, type TimerContext } from '../../lib/content/context-timers';

function fakeContext(): TimerContext & { listeners: (() => void)[]; invalidate: () => void } {
  const listeners: (() => void)[] = [];
  const ctx = {
    isInvalid: false,
    listeners,
    onInvalidated(cb: () => void) {
      listeners.push(cb);
      return () => {};
    },
    invalidate() {
      ctx.isInvalid = true;
      for (const cb of listeners) cb();
    },
  };
  return ctx;
}

describe('content script timers', () => {
  it('run many timers behind one invalidation listener', async () => {
    vi.useFakeTimers();
    const ctx = fakeContext();
    const timers = contextTimers(ctx);
    let fired = 0;
    for (let i = 0; i < 1_000; i++) timers.setTimeout(() => fired++, 0);
    await vi.runAllTimersAsync();
    expect(fired).toBe(1_000);
    expect(ctx.listeners).toHaveLength(1);
    vi.useRealTimers();
  });

  it('clear the pending ones when the extension goes away, and start none after', async () => {
    vi.useFakeTimers();
    const ctx = fakeContext();
    const timers = contextTimers(ctx);
    let fired = 0;
    timers.setTimeout(() => fired++, 10);
    const cleared = timers.setTimeout(() => fired++, 10);
    timers.clearTimeout(cleared);
    timers.setTimeout(() => fired++, 20);
    await vi.advanceTimersByTimeAsync(15);
    expect(fired).toBe(1);
    ctx.invalidate();
    timers.setTimeout(() => fired++, 0);
    await vi.runAllTimersAsync();
    expect(fired).toBe(1);
    vi.useRealTimers();
  });
});
