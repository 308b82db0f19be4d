import { availableParallelism } from 'node:os';
import { LANES_MEMORY } from './key-work.js';

/**
 * How the accounts of a batch or array are opened a few at a time. Each may cost a scrypt
 * run on libuv's thread pool, which has 4 threads unless told otherwise: more at once would
 * only queue, holding memory meanwhile.
 */

/**
 * Accounts to open at once: min(cores, 4) unless `requested`, and never so many that their
 * scrypt runs (the largest taking `largestMemory` bytes) hold more than LANES_MEMORY at once.
 */
export function laneLimit(requested?: number, largestMemory = 0): number {
  if (requested !== undefined && (!Number.isInteger(requested) || requested < 1)) {
    throw new RangeError(`concurrency: expected a positive integer, got ${requested}`);
  }
  const wanted = requested ?? Math.min(availableParallelism(), 4);
  return largestMemory === 0 ? wanted : Math.max(1, Math.min(wanted, Math.floor(LANES_MEMORY / largestMemory)));
}

/**
 * Runs `task` over `items`, at most `limit` at once, and gives the results in input order.
 * Items of one `group` run one after another, so that work they share (a scrypt run kept in
 * a cache) is done once, not raced. Once `stop()` is true no new item starts; items are taken
 * in order, so those never started are the `undefined` tail. `task` must not reject: it
 * reports a failure in its result, so that nothing is still running when this returns.
 */
export async function inLanes<T, R>(
  items: readonly T[],
  limit: number,
  {
    task,
    group,
    stop,
  }: { task: (item: T, index: number) => Promise<R>; group: (item: T) => string | undefined; stop: () => boolean },
): Promise<(R | undefined)[]> {
  const results = new Array<R | undefined>(items.length);
  const lastOfGroup = new Map<string, Promise<R>>();
  let next = 0;
  const lane = async () => {
    while (next < items.length && !stop()) {
      const index = next++;
      const item = items[index]!;
      const key = group(item);
      const before = key === undefined ? undefined : lastOfGroup.get(key);
      const running = Promise.resolve(before).then(() => task(item, index));
      if (key !== undefined) lastOfGroup.set(key, running);
      results[index] = await running;
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  return results;
}
