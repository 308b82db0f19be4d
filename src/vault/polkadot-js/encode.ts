import { UserError } from '../../errors.js';
import { checkKeyType, type KeyType } from '../keys.js';
import { newSealKey, seal, type SealKey } from './cipher.js';
import { keyBytes, type KeyBytes } from './key-job.js';
import { keysInWorkers, type KeyPoolOptions } from './key-pool.js';
import { externalPkcs8, jsonAddress, publicKeyLength } from './pairs.js';
import type {
  AccountMeta,
  BatchAccount,
  BatchJson,
  ExternalInput,
  KeyInput,
  KeyringPairJson,
  StoredKeyInput,
} from './types.js';

const ENCRYPTED: ['scrypt', 'xsalsa20-poly1305'] = ['scrypt', 'xsalsa20-poly1305'];
const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');
/** About 5 ms of sealing between turns of the event loop. */
const SEALS_PER_TURN = 100;

/**
 * A polkadot.js account file (`KeyringPair$Json` version 3) for a key airlock derives or
 * holds, sealed with scrypt N=2^15 so that every polkadot.js version opens it.
 */
export async function encodeAccountJson(
  input: KeyInput | StoredKeyInput,
  password: Uint8Array,
  meta: AccountMeta,
): Promise<KeyringPairJson> {
  requirePassword(password);
  const sealKey = await newSealKey(password);
  try {
    return await sealedAccount(input, meta, sealKey);
  } finally {
    sealKey.key.fill(0);
  }
}

/** A polkadot.js file for a Ledger or watch-only account, as `keyring.addExternal` stores one. */
export function encodeExternalAccountJson(input: ExternalInput, meta: AccountMeta): KeyringPairJson {
  const type = checkKeyType(input.type);
  const length = publicKeyLength(type);
  if (!(input.publicKey instanceof Uint8Array) || input.publicKey.length !== length) {
    throw new RangeError(`publicKey: expected ${length} bytes for ${type}, got ${input.publicKey?.length}`);
  }
  return {
    encoded: b64(externalPkcs8(input.publicKey)),
    encoding: { content: ['pkcs8', type], type: ['none'], version: '3' },
    address: jsonAddress(input.publicKey, type, checkPrefix(input.ss58Prefix)),
    meta: { ...stamped(meta), isExternal: true },
  };
}

/** How a batch export runs: the keys are derived in worker threads (see key-pool.ts). */
export type BatchOptions = KeyPoolOptions;

/**
 * The polkadot.js extension's "export all accounts" file: the JSON list of the accounts'
 * own files, sealed again with the same password.
 */
export async function encodeBatchJson(
  accounts: readonly BatchAccount[],
  password: Uint8Array,
  options: BatchOptions = {},
): Promise<BatchJson> {
  requirePassword(password);
  if (accounts.length === 0) throw new UserError('there are no accounts to export');
  options.signal?.throwIfAborted();
  // Every account is checked, and the watch-only ones written, before any work starts.
  const external = accounts.map(({ account, meta }) =>
    isExternal(account) ? encodeExternalAccountJson(account, meta) : undefined,
  );
  const keyed = accounts.flatMap(({ account, meta }) =>
    isExternal(account)
      ? []
      : [{ account, meta, type: checkKeyType(account.type), prefix: checkPrefix(account.ss58Prefix) }],
  );
  // Two scrypt runs whatever the count (the inner files share one salt, each with its own
  // nonce), on libuv's threads while the pool derives the keys.
  const [outer, inner, keys] = await Promise.allSettled([
    newSealKey(password),
    keyed.length > 0 ? newSealKey(password) : undefined,
    keysInWorkers(
      keyed.map(({ account }) => account),
      options,
    ),
  ]);
  try {
    const [outerKey, innerKey, derived] = [valueOf(outer), valueOf(inner), valueOf(keys)];
    const files: KeyringPairJson[] = [];
    let sealed = 0;
    for (const file of external) {
      if (file) {
        files.push(file);
        continue;
      }
      const { meta, type, prefix } = keyed[sealed]!;
      files.push(sealedFile(derived[sealed]!, type, prefix, meta, innerKey!));
      // Sealing a thousand files takes tens of milliseconds: let input (Esc above all) through meanwhile.
      if (++sealed % SEALS_PER_TURN === 0) {
        await new Promise((resolve) => setImmediate(resolve));
        options.signal?.throwIfAborted();
      }
    }
    options.signal?.throwIfAborted();
    const list = new Uint8Array(Buffer.from(JSON.stringify(files), 'utf8'));
    return {
      encoded: b64(seal(list, outerKey)),
      encoding: { content: ['batch-pkcs8'], type: ENCRYPTED, version: '3' },
      accounts: files.map(({ address, meta }) => ({ address, meta })),
    };
  } finally {
    if (outer.status === 'fulfilled') outer.value.key.fill(0);
    if (inner.status === 'fulfilled') inner.value?.key.fill(0);
    if (keys.status === 'fulfilled') for (const key of keys.value) key.pkcs8.fill(0);
  }
}

function valueOf<T>(settled: PromiseSettledResult<T>): T {
  if (settled.status === 'rejected') throw settled.reason;
  return settled.value;
}

function isExternal(account: BatchAccount['account']): account is ExternalInput {
  return !('phrase' in account) && !('pkcs8' in account);
}

async function sealedAccount(
  input: KeyInput | StoredKeyInput,
  meta: AccountMeta,
  sealKey: SealKey,
): Promise<KeyringPairJson> {
  const type = checkKeyType(input.type);
  const prefix = checkPrefix(input.ss58Prefix);
  const key = await keyBytes({ ...input, type });
  try {
    return sealedFile(key, type, prefix, meta, sealKey);
  } finally {
    key.pkcs8.fill(0);
  }
}

function sealedFile(
  key: KeyBytes,
  type: KeyType,
  prefix: number,
  meta: AccountMeta,
  sealKey: SealKey,
): KeyringPairJson {
  return {
    encoded: b64(seal(key.pkcs8, sealKey)),
    encoding: { content: ['pkcs8', type], type: ENCRYPTED, version: '3' },
    address: jsonAddress(key.publicKey, type, prefix),
    meta: stamped(meta),
  };
}

function requirePassword(password: Uint8Array): void {
  if (!(password instanceof Uint8Array)) throw new TypeError('password: expected a Uint8Array');
  // polkadot.js treats an empty password as none and would write the key in the clear.
  if (password.length === 0)
    throw new UserError('a polkadot.js file needs a password', 'choose a password for the file');
}

function checkPrefix(prefix: number | undefined): number {
  if (prefix === undefined) return 42;
  if (!Number.isInteger(prefix) || prefix < 0 || prefix > 16383) {
    throw new RangeError(`ss58Prefix: expected an integer from 0 to 16383, got ${prefix}`);
  }
  return prefix;
}

/** polkadot.js stamps accounts with their creation time. */
function stamped(meta: AccountMeta): AccountMeta {
  return { ...meta, whenCreated: meta.whenCreated ?? Date.now() };
}
