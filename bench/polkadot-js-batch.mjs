// polkadot.js batch files of many accounts: writing one with the key pool (default size against
// one worker), and reading one whose accounts each have their own salt (a few at once against
// one by one).
import { availableParallelism } from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { built } from './built.mjs';
import { median } from './stats.mjs';

/** @type {typeof import('../src/vault/polkadot-js/cipher.js')} */
const { newSealKey, seal } = await built('vault/polkadot-js/cipher.js');
/** @type {typeof import('../src/vault/polkadot-js/decode.js')} */
const { decodeKeyFile } = await built('vault/polkadot-js/decode.js');
/** @type {typeof import('../src/vault/polkadot-js/encode.js')} */
const { encodeBatchJson } = await built('vault/polkadot-js/encode.js');
/** @type {typeof import('../src/vault/polkadot-js/key-pool.js')} */
const { keysInWorkers } = await built('vault/polkadot-js/key-pool.js');
/** @type {typeof import('../src/vault/polkadot-js/open-lanes.js')} */
const { laneLimit } = await built('vault/polkadot-js/open-lanes.js');
/** @type {typeof import('../src/vault/polkadot-js/pairs.js')} */
const { jsonAddress, pkcs8FromPhrase } = await built('vault/polkadot-js/pairs.js');
/** @type {typeof import('../src/vault/polkadot-js/types.js')} */
const { WRITE_SCRYPT } = await built('vault/polkadot-js/types.js');

export const DEV_PHRASE = 'bottom drive obey lake curtain smoke basket hold race lonely fit walk';
const PASSWORD = new TextEncoder().encode('bench-password-not-a-secret');
/** @param {Uint8Array} bytes */
const b64 = (bytes) => Buffer.from(bytes).toString('base64');

/**
 * sr25519 keys of the development phrase at //0 … //count-1.
 * @param {number} count
 * @returns {import('../src/vault/polkadot-js/types.js').KeyInput[]}
 */
export const srInputs = (count) =>
  Array.from({ length: count }, (_, i) => ({ phrase: DEV_PHRASE, path: `//${i}`, type: 'sr25519' }));

/**
 * @template T
 * @typedef {{ wallMs: number, stallMs: number, result: T }} Timed
 */

/**
 * Wall time of `work()` in ms, with the longest event-loop delay seen meanwhile.
 * @template T
 * @param {() => Promise<T>} work
 * @returns {Promise<Timed<T>>}
 */
async function timed(work) {
  const delay = monitorEventLoopDelay({ resolution: 5 });
  delay.enable();
  const start = performance.now();
  const result = await work();
  const wallMs = performance.now() - start;
  // A stall at the very end shows only when the sampling timer next fires.
  await new Promise((resolve) => setTimeout(resolve, 20));
  delay.disable();
  return { wallMs, stallMs: delay.max / 1e6, result };
}

/**
 * Runs each labelled variant `runs` times, alternating, so that a change in the machine's load falls on both.
 * @template {string} Label
 * @template T
 * @param {Record<Label, () => Promise<T>>} variants
 * @param {number} runs
 * @returns {Promise<Record<Label, T[]>>}
 */
async function alternate(variants, runs) {
  const labels = /** @type {Label[]} */ (Object.keys(variants));
  const times = /** @type {Record<Label, T[]>} */ ({});
  for (const label of labels) times[label] = [];
  for (let i = 0; i < runs; i++) {
    for (const label of labels) times[label].push(await variants[label]());
  }
  return times;
}

/** Writing the extension's "export all accounts" file of `count` derived accounts. */
export async function batchWrite({ count = 1000, runs = 3 } = {}) {
  const accounts = srInputs(count).map((account, i) => ({ account, meta: { name: `account-${i}` } }));
  const first = await pkcs8FromPhrase({ phrase: DEV_PHRASE, path: '//0', type: 'sr25519' });
  /** @param {import('../src/vault/polkadot-js/types.js').BatchJson} batch */
  const check = (batch) => {
    if (batch.accounts.length !== count)
      throw new Error(`batch: expected ${count} accounts, got ${batch.accounts.length}`);
    if (batch.accounts[0]?.address !== jsonAddress(first.publicKey, 'sr25519'))
      throw new Error('batch: account 0 has the wrong address');
  };
  const pool = availableParallelism();
  /** @param {number} [workers] */
  const write = (workers) => async () => {
    const run = await timed(() => encodeBatchJson(accounts, PASSWORD, workers ? { workers } : {}));
    check(run.result);
    return run;
  };
  await write(undefined)(); // warm-up: loads the keyring and the crypto wasm in this process
  const times = await alternate({ pool: write(undefined), one: write(1) }, runs);
  return { count, runs, pool, times };
}

/**
 * A batch as the extension writes it: every inner account sealed under a salt of its own, so
 * each costs a scrypt run to open. Written with the codec's own cipher, at the cost airlock writes.
 * @param {number} count
 */
async function ownSaltBatch(count) {
  const keys = await keysInWorkers(srInputs(count));
  const inner = await Promise.all(
    keys.map(async ({ pkcs8, publicKey }, i) => {
      const sealKey = await newSealKey(PASSWORD);
      const encoded = b64(seal(pkcs8, sealKey));
      sealKey.key.fill(0);
      pkcs8.fill(0);
      const encoding = { content: ['pkcs8', 'sr25519'], type: ['scrypt', 'xsalsa20-poly1305'], version: '3' };
      return {
        encoded,
        encoding,
        address: jsonAddress(publicKey, 'sr25519'),
        meta: { name: `account-${i}`, whenCreated: 0 },
      };
    }),
  );
  const outer = await newSealKey(PASSWORD);
  const encoded = b64(seal(new TextEncoder().encode(JSON.stringify(inner)), outer));
  outer.key.fill(0);
  const encoding = { content: ['batch-pkcs8'], type: ['scrypt', 'xsalsa20-poly1305'], version: '3' };
  return {
    text: JSON.stringify({ encoded, encoding, accounts: inner.map(({ address, meta }) => ({ address, meta })) }),
    salts: new Set(inner.map((j) => j.encoded.slice(0, 43))).size,
  };
}

/** Reading a batch of `count` accounts with their own salts: a few at once against one by one. */
export async function batchRead({ count = 200, runs = 3 } = {}) {
  const { text, salts } = await ownSaltBatch(count);
  if (salts !== count) throw new Error(`batch: expected ${count} salts, got ${salts}`);
  /** @param {number} [concurrency] */
  const read = (concurrency) => async () => {
    const run = await timed(() => decodeKeyFile(text, PASSWORD, concurrency ? { concurrency } : {}));
    if (run.result.accounts.length !== count)
      throw new Error(`read: expected ${count} accounts, got ${run.result.accounts.length}`);
    for (const account of run.result.accounts) account.secret?.wipe();
    return run;
  };
  const times = await alternate({ lanes: read(undefined), one: read(1) }, runs);
  return { count, runs, lanes: laneLimit(undefined), N: WRITE_SCRYPT.N, times };
}

/**
 * @param {readonly Timed<unknown>[]} runs
 * @param {'wallMs' | 'stallMs'} [key]
 */
export const medianOf = (runs, key = 'wallMs') => median(runs.map((r) => r[key]));
