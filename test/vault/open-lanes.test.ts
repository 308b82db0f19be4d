import { describe, expect, it, vi } from 'vitest';
import { decodeKeyFile } from '../../src/vault/polkadot-js/decode.js';
import { encodeAccountJson, encodeBatchJson, encodeExternalAccountJson } from '../../src/vault/polkadot-js/encode.js';
import { inLanes } from '../../src/vault/polkadot-js/open-lanes.js';
import type { DecodedKeyFile, KeyringPairJson } from '../../src/vault/polkadot-js/types.js';
import { ALICE, DEV_PHRASE } from '../helpers/dev-keys.js';

/** scrypt runs as the codec asks for them: how many, how many at once, and which to fail. */
const kdf = vi.hoisted(() => ({ runs: 0, running: 0, most: 0, failing: new Map<string, Error>() }));
vi.mock('../../src/vault/kdf.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/vault/kdf.js')>();
  const scrypt64: typeof real.scrypt64 = async (password, salt, params) => {
    kdf.runs += 1;
    kdf.most = Math.max(kdf.most, ++kdf.running);
    try {
      const failure = kdf.failing.get(Buffer.from(salt).toString('hex'));
      if (failure) throw failure;
      return await real.scrypt64(password, salt, params);
    } finally {
      kdf.running -= 1;
    }
  };
  return { ...real, scrypt64 };
});

function counting<T>(work: () => Promise<T>): Promise<{ result: T; runs: number; most: number }> {
  Object.assign(kdf, { runs: 0, running: 0, most: 0 });
  return work().then((result) => ({ result, runs: kdf.runs, most: kdf.most }));
}

const bytes = (s: string) => new Uint8Array(Buffer.from(s, 'utf8'));
const saltOf = (json: KeyringPairJson) => Buffer.from(json.encoded, 'base64').subarray(0, 32).toString('hex');
const summary = (file: DecodedKeyFile) => ({
  accounts: file.accounts.map((a) => [
    a.name,
    a.address,
    a.publicKey,
    a.secret ? Buffer.from(a.secret.pkcs8).toString('hex') : null,
  ]),
  locked: file.locked.map((a) => [a.index, a.name, a.address]),
  skipped: file.skipped.map((a) => [a.index, a.name, a.reason]),
});

/** Apps' array: six accounts, each under its own salt, one under another password, one of a type airlock does not take. */
async function appsArray() {
  const key = (path: string, password: string, name: string) =>
    encodeAccountJson({ phrase: DEV_PHRASE, path, type: 'sr25519' }, bytes(password), { name });
  const list: unknown[] = await Promise.all([
    key('//0', 'shared', 'zero'),
    key('//1', 'shared', 'one'),
    key('//2', 'other', 'two'),
    key('//3', 'shared', 'three'),
    key('//4', 'shared', 'four'),
  ]);
  const watch = encodeExternalAccountJson(
    { publicKey: Buffer.from(ALICE.publicKey.slice(2), 'hex'), type: 'sr25519' },
    { name: 'watch' },
  );
  list.splice(3, 0, { ...watch, encoding: { ...watch.encoding, content: ['pkcs8', 'bls12-381'] } });
  list.push(watch);
  return list as KeyringPairJson[];
}

describe('inLanes', () => {
  it('keeps input order, runs at most `limit` at once, and one of a group at a time', async () => {
    let running = 0;
    let most = 0;
    const groupRunning = new Map<string, number>();
    const items = Array.from({ length: 12 }, (_, i) => ({ i, group: i % 3 === 0 ? 'g' : undefined }));
    const results = await inLanes(items, 3, {
      task: async ({ i, group }) => {
        most = Math.max(most, ++running);
        if (group) {
          expect(groupRunning.get(group) ?? 0).toBe(0);
          groupRunning.set(group, 1);
        }
        await new Promise((resolve) => setTimeout(resolve, 12 - i));
        if (group) groupRunning.set(group, 0);
        running -= 1;
        return i * 10;
      },
      group: (item) => item.group,
      stop: () => false,
    });
    expect(results).toEqual(items.map(({ i }) => i * 10));
    expect(most).toBe(3);
  });

  it('starts nothing new once told to stop', async () => {
    let stop = false;
    const results = await inLanes([1, 2, 3, 4, 5, 6], 2, {
      task: (n) => {
        stop ||= n === 3;
        return Promise.resolve(n);
      },
      group: () => undefined,
      stop: () => stop,
    });
    expect(results.slice(0, 3)).toEqual([1, 2, 3]);
    // Item 4 may have started before item 3 said stop; item 6 cannot have.
    expect(results[5]).toBeUndefined();
  });
});

describe('decodeKeyFile opens the accounts of a file a few at a time', () => {
  it('with the outcome of opening them one by one, running their scrypts at once', async () => {
    const text = JSON.stringify(await appsArray());
    const serial = await counting(() => decodeKeyFile(text, bytes('shared'), { concurrency: 1 }));
    const together = await counting(() => decodeKeyFile(text, bytes('shared'), { concurrency: 4 }));
    expect(summary(together.result)).toEqual(summary(serial.result));
    expect(summary(together.result).accounts.map(([name]) => name)).toEqual(['zero', 'one', 'three', 'four', 'watch']);
    expect(together.result.locked.map((a) => a.index)).toEqual([2]);
    expect(together.result.skipped.map((a) => a.index)).toEqual([3]);
    expect([serial.runs, serial.most]).toEqual([5, 1]);
    expect([together.runs, together.most]).toEqual([5, 4]);
  });

  it('runs one scrypt for accounts sealed under one salt, however many it opens at once', async () => {
    const accounts = Array.from({ length: 6 }, (_, i) => ({
      account: { phrase: DEV_PHRASE, path: `//${i}`, type: 'sr25519' as const },
      meta: { name: `${i}` },
    }));
    const batch = await encodeBatchJson(accounts, bytes('pw'), { workers: 1 });
    const { result, runs } = await counting(() =>
      decodeKeyFile(JSON.stringify(batch), bytes('pw'), { concurrency: 4 }),
    );
    expect(result.accounts.map((a) => a.name)).toEqual(['0', '1', '2', '3', '4', '5']);
    expect(runs).toBe(2);
  });

  it('fails as the first failing account in the file would, and keeps no key', async () => {
    const list = await appsArray();
    kdf.failing.set(saltOf(list[4]!), new Error('fourth'));
    kdf.failing.set(saltOf(list[1]!), new Error('first'));
    try {
      for (const concurrency of [1, 4]) {
        await expect(decodeKeyFile(JSON.stringify(list), bytes('shared'), { concurrency })).rejects.toThrow(/^first$/);
      }
    } finally {
      kdf.failing.clear();
    }
  });

  it('stops when cancelled, once what is running has finished', async () => {
    const controller = new AbortController();
    const text = JSON.stringify(await appsArray());
    const reading = counting(() => decodeKeyFile(text, bytes('shared'), { concurrency: 2, signal: controller.signal }));
    setImmediate(() => controller.abort());
    await expect(reading).rejects.toThrow(/abort/i);
    expect(kdf.running).toBe(0);
    expect(kdf.runs).toBeLessThan(5);
  });

  it('refuses a concurrency that is not a positive integer', async () => {
    const text = JSON.stringify(await appsArray());
    await expect(decodeKeyFile(text, bytes('shared'), { concurrency: 0 })).rejects.toThrow(RangeError);
  });
});

describe('laneLimit', () => {
  it('opens no more accounts at once than keep their scrypt runs within 512 MiB', async () => {
    const { laneLimit } = await import('../../src/vault/polkadot-js/open-lanes.js');
    const { scryptMemory } = await import('../../src/vault/kdf.js');
    const memory = (N: number) => scryptMemory({ N, r: 8, p: 1 });
    expect(laneLimit(undefined, memory(1 << 17))).toBe(laneLimit(undefined));
    expect(laneLimit(8, memory(1 << 17))).toBe(4);
    expect(laneLimit(undefined, memory(1 << 18))).toBe(Math.min(laneLimit(undefined), 2));
    expect(laneLimit(undefined, memory(1 << 19))).toBe(1);
    expect(laneLimit(3, memory(1 << 20))).toBe(1);
  });
});
