// The pool runs dist/'s worker (see src/vault/polkadot-js/key-pool.ts): test/setup/plain-node-modules.ts writes it first.
import type { Worker as NodeWorker } from 'node:worker_threads';
import { describe, expect, it, vi } from 'vitest';
import { DamagedFileError, UserError, WrongPasswordError } from '../../src/errors.js';
import { encodeBatchJson } from '../../src/vault/polkadot-js/encode.js';
import { fromWire, toWire } from '../../src/vault/polkadot-js/key-job.js';
import { keysInWorkers } from '../../src/vault/polkadot-js/key-pool.js';
import { keyFromPkcs8, pkcs8FromPhrase } from '../../src/vault/polkadot-js/pairs.js';
import type { KeyInput } from '../../src/vault/polkadot-js/types.js';
import { DEV_PHRASE, ETHEREUM_PATH } from '../helpers/dev-keys.js';

/** Every worker the pool starts, until it exits. */
const running = vi.hoisted(() => new Set<NodeWorker>());
const started = vi.hoisted(() => ({ count: 0 }));
vi.mock('node:worker_threads', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:worker_threads')>();
  class Tracked extends real.Worker {
    constructor(...args: ConstructorParameters<typeof real.Worker>) {
      super(...args);
      started.count += 1;
      running.add(this);
      this.once('exit', () => running.delete(this));
    }
  }
  return { ...real, Worker: Tracked };
});

/** Set to pretend dist/ was never built. */
const fs = vi.hoisted(() => ({ unbuilt: false }));
vi.mock('node:fs', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs')>();
  return { ...real, existsSync: (path: Parameters<typeof real.existsSync>[0]) => !fs.unbuilt && real.existsSync(path) };
});

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');
const sr = (path: string): KeyInput => ({ phrase: DEV_PHRASE, path, type: 'sr25519' });
const FOUR: KeyInput[] = [
  { phrase: DEV_PHRASE, path: '//Alice', type: 'sr25519' },
  { phrase: DEV_PHRASE, path: '//Alice', type: 'ed25519' },
  { phrase: DEV_PHRASE, path: '//Alice', type: 'ecdsa' },
  { phrase: DEV_PHRASE, path: ETHEREUM_PATH, type: 'ethereum' },
];

describe('the key pool', () => {
  it('derives the same bytes as the main thread, for every key type', async () => {
    const ours = await Promise.all(FOUR.map((input) => pkcs8FromPhrase(input)));
    const pooled = await keysInWorkers(FOUR);
    expect(pooled.map((k) => [hex(k.pkcs8), hex(k.publicKey)])).toEqual(
      ours.map((k) => [hex(k.pkcs8), hex(k.publicKey)]),
    );
    expect(running.size).toBe(0);
  });

  it("checks held keys as the main thread does, leaving the caller's bytes alone", async () => {
    const held = (await Promise.all(FOUR.map((input) => pkcs8FromPhrase(input)))).map((k, i) => ({
      pkcs8: k.pkcs8,
      type: FOUR[i]!.type,
    }));
    const before = held.map((h) => hex(h.pkcs8));
    const ours = await Promise.all(held.map((h) => keyFromPkcs8(h.pkcs8, h.type)));
    const pooled = await keysInWorkers(held, { workers: 2 });
    expect(pooled.map((k) => [hex(k.pkcs8), hex(k.publicKey)])).toEqual(
      ours.map((k) => [hex(k!.pkcs8), hex(k!.publicKey)]),
    );
    expect(held.map((h) => hex(h.pkcs8))).toEqual(before);
  });

  it('keeps the order of its inputs and reports progress', async () => {
    const inputs = Array.from({ length: 24 }, (_, i) => sr(`//${i}`));
    const progress: number[] = [];
    const pooled = await keysInWorkers(inputs, {
      workers: 3,
      onProgress: (done, total) => progress.push(done / total),
    });
    const ours = await Promise.all(inputs.map((input) => pkcs8FromPhrase(input)));
    expect(pooled.map((k) => hex(k.publicKey))).toEqual(ours.map((k) => hex(k.publicKey)));
    expect(progress).toEqual(inputs.map((_, i) => (i + 1) / inputs.length));
  });

  it('starts no more workers than asked, nor than there are keys', async () => {
    const before = started.count;
    await keysInWorkers([sr('//0'), sr('//1')], { workers: 8 });
    expect(started.count - before).toBe(2);
    await keysInWorkers(
      Array.from({ length: 5 }, (_, i) => sr(`//${i}`)),
      { workers: 1 },
    );
    expect(started.count - before).toBe(3);
    await expect(keysInWorkers([sr('//0')], { workers: 0 })).rejects.toThrow(RangeError);
  });

  it('derives off the main thread: the event loop keeps ticking through 200 keys', async () => {
    const inputs = Array.from({ length: 200 }, (_, i) => sr(`//${i}`));
    let ticks = 0;
    let last = performance.now();
    let longest = 0;
    const timer = setInterval(() => {
      const now = performance.now();
      longest = Math.max(longest, now - last);
      last = now;
      ticks += 1;
    }, 5);
    const start = performance.now();
    try {
      expect(await keysInWorkers(inputs)).toHaveLength(200);
    } finally {
      clearInterval(timer);
    }
    const end = performance.now();
    longest = Math.max(longest, end - last);
    const elapsed = end - start;
    // Derived on this thread, the 200 keys would leave no room for a single tick.
    expect(ticks).toBeGreaterThan(elapsed / 5 / 4);
    expect(longest).toBeLessThan(Math.max(150, elapsed / 4));
  });

  it("rejects a bad input with the main thread's error, and stops its workers", async () => {
    const soft: KeyInput = { phrase: DEV_PHRASE, path: '//0/soft', type: 'ed25519' };
    const badChecksum: KeyInput = { phrase: Array(12).fill('abandon').join(' '), path: '//0', type: 'sr25519' };
    for (const bad of [soft, badChecksum]) {
      const theirs = await pkcs8FromPhrase(bad).catch((error: UserError) => error);
      expect(theirs).toBeInstanceOf(UserError);
      const inputs = [sr('//0'), sr('//1'), bad, sr('//2')];
      const ours = await keysInWorkers(inputs, { workers: 2 }).catch((error: UserError) => error);
      expect(ours).toBeInstanceOf(UserError);
      expect([(ours as UserError).message, (ours as UserError).hint]).toEqual([
        (theirs as UserError).message,
        (theirs as UserError).hint,
      ]);
      expect(running.size).toBe(0);
    }
    const damaged = { pkcs8: new Uint8Array(85).fill(7), type: 'sr25519' as const };
    await expect(keysInWorkers([damaged])).rejects.toThrow(
      'a stored sr25519 key is damaged: it does not sign for its public key',
    );
  });

  it('says plainly that airlock must be built when the worker is missing, and derives nothing in its place', async () => {
    const before = started.count;
    fs.unbuilt = true;
    try {
      await expect(keysInWorkers([sr('//0')])).rejects.toThrow(
        /worker .*dist\/vault\/polkadot-js\/key-worker\.js is missing: build airlock first \(npm run build\)/,
      );
    } finally {
      fs.unbuilt = false;
    }
    expect(started.count).toBe(before);
  });

  it('brings an error back from a worker with its class and hint', () => {
    const back = fromWire(toWire(new DamagedFileError('a stored key is damaged', 'restore it from its backup')));
    expect(back).toBeInstanceOf(DamagedFileError);
    expect([back.message, (back as DamagedFileError).hint]).toEqual([
      'a stored key is damaged',
      'restore it from its backup',
    ]);
    expect(fromWire(toWire(new RangeError('r')))).toBeInstanceOf(RangeError);
    expect(fromWire(toWire(new WrongPasswordError('w', 'h')))).toMatchObject({
      name: 'UserError',
      message: 'w',
      hint: 'h',
    });
    expect(fromWire(toWire(new Error('bug')))).not.toBeInstanceOf(UserError);
  });

  it('fails a batch export on a bad account as it did on the main thread', async () => {
    const accounts = [
      { account: sr('//0'), meta: { name: 'ok' } },
      { account: { ...sr('//0'), path: '//0/soft', type: 'ed25519' as const }, meta: {} },
    ];
    await expect(encodeBatchJson(accounts, new Uint8Array([1]))).rejects.toThrow(
      'ed25519 keys cannot be soft-derived ("//0/soft")',
    );
    expect(running.size).toBe(0);
  });

  it('stops at once when cancelled, and not at all when cancelled before it starts', async () => {
    const controller = new AbortController();
    const inputs = Array.from({ length: 200 }, (_, i) => sr(`//${i}`));
    const done: number[] = [];
    const pooled = keysInWorkers(inputs, {
      signal: controller.signal,
      onProgress: (n) => (done.push(n), n === 3 && controller.abort()),
    });
    await expect(pooled).rejects.toThrow(/abort/i);
    expect(Math.max(...done)).toBeLessThan(200);
    expect(running.size).toBe(0);

    const before = started.count;
    await expect(keysInWorkers(inputs, { signal: controller.signal })).rejects.toThrow(/abort/i);
    await expect(
      encodeBatchJson([{ account: sr('//0'), meta: {} }], new Uint8Array([1]), { signal: controller.signal }),
    ).rejects.toThrow(/abort/i);
    expect(started.count).toBe(before);
  });

  it('passes its options through a batch export', async () => {
    const accounts = Array.from({ length: 6 }, (_, i) => ({ account: sr(`//${i}`), meta: { name: `${i}` } }));
    const progress: [number, number][] = [];
    const before = started.count;
    const batch = await encodeBatchJson(accounts, new Uint8Array([1]), {
      workers: 1,
      onProgress: (done, total) => progress.push([done, total]),
    });
    expect(batch.accounts.map((a) => a.meta.name)).toEqual(['0', '1', '2', '3', '4', '5']);
    expect(progress.at(-1)).toEqual([6, 6]);
    expect(started.count - before).toBe(1);
    expect(running.size).toBe(0);
  });
});
