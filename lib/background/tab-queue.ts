/**
 * Background order: the work for one tab runs one job at a time, in the order it arrived.
 * Without it an older, slower plan (a big chain, a slow engine run) could finish after a
 * newer one and overwrite it. Jobs for different tabs still run side by side.
 */
export interface KeyedQueue {
  /** Runs `job` after every job already queued for `key`; resolves with its result. */
  run<T>(key: number, job: () => Promise<T>): Promise<T>;
  /** Jobs queued or running for `key` (tests). */
  pending(key: number): number;
}

export function keyedQueue(): KeyedQueue {
  const tails = new Map<number, Promise<unknown>>();
  const counts = new Map<number, number>();
  return {
    run<T>(key: number, job: () => Promise<T>): Promise<T> {
      const before = tails.get(key) ?? Promise.resolve();
      // A failed job does not stop the ones queued after it.
      const result = before.then(job, job);
      const tail = result.catch(() => undefined);
      tails.set(key, tail);
      counts.set(key, (counts.get(key) ?? 0) + 1);
      void tail.then(() => {
        const left = (counts.get(key) ?? 1) - 1;
        if (left > 0) counts.set(key, left);
        else {
          counts.delete(key);
          if (tails.get(key) === tail) tails.delete(key);
        }
      });
      return result;
    },
    pending: (key) => counts.get(key) ?? 0,
  };
}
