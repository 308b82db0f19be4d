import { availableParallelism } from 'node:os';
import { encodedBytes, schemeOf } from './cipher.js';
import type { PairJson } from './schema.js';

/**
 * How the accounts of a batch or array are opened a few at a time. Each may cost a scrypt
 * run on libuv's thread pool, which has 4 threads unless told otherwise: more at once would
 * only queue, holding memory meanwhile.
 */

export function laneLimit(requested: number | undefined, entries: readonly PairJson[] = [], what = 'the file'): number {
  if (requested !== undefined && (!Number.isInteger(requested) || requested < 1)) {
    throw new RangeError(`concurrency: expected a positive integer, got ${requested}`);
  }
  // A scrypt run takes 128·N·r bytes: past polkadot.js's own N=2^17 (128 MiB), one at a time.
  if (requested === undefined && entries.some((json) => scryptN(json, what) > 1 << 17)) return 1;
  return requested ?? Math.min(availableParallelism(), 4);
}

const SALT = 32;

function scryptN(json: PairJson, what: string): number {
  try {
    const bytes = encodedBytes(json.encoded, what);
    return schemeOf(json.encoding, what).scrypt && bytes.length >= SALT + 4 ? Buffer.from(bytes).readUInt32LE(SALT) : 0;
  } catch {
    return 0;
  }
}

/** The salt an entry's scrypt run starts from (see cipher.ts: salt(32) | N | p | r | nonce | box), if it has one. */
export function saltOf(json: PairJson, what: string): string | undefined {
  try {
    const bytes = encodedBytes(json.encoded, what);
    return schemeOf(json.encoding, what).scrypt && bytes.length >= SALT ? Buffer.from(bytes.subarray(0, SALT)).toString('hex') : undefined;
  } catch {
    // Opening the entry meets the same fault and says what it is.
    return undefined;
  }
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
  { task, group, stop }: { task: (item: T, index: number) => Promise<R>; group: (item: T) => string | undefined; stop: () => boolean },
): Promise<(R | undefined)[]> {
  const results: (R | undefined)[] = new Array(items.length);
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
