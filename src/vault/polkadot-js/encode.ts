import { UserError } from '../../errors.js';
import { checkKeyType, type KeyType } from '../keys.js';
import { newSealKey, seal, type SealKey } from './cipher.js';
import { externalPkcs8, jsonAddress, keyFromPkcs8, pkcs8FromPhrase, publicKeyLength } from './pairs.js';
import type { AccountMeta, BatchAccount, BatchJson, ExternalInput, KeyInput, KeyringPairJson, StoredKeyInput } from './types.js';

const ENCRYPTED: ['scrypt', 'xsalsa20-poly1305'] = ['scrypt', 'xsalsa20-poly1305'];
const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

/**
 * A polkadot.js account file (`KeyringPair$Json` version 3) for a key airlock derives or
 * holds, sealed with scrypt N=2^15 so that every polkadot.js version opens it.
 */
export async function encodeAccountJson(input: KeyInput | StoredKeyInput, password: Uint8Array, meta: AccountMeta): Promise<KeyringPairJson> {
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

/**
 * The polkadot.js extension's "export all accounts" file: the JSON list of the accounts'
 * own files, sealed again with the same password.
 */
export async function encodeBatchJson(accounts: readonly BatchAccount[], password: Uint8Array): Promise<BatchJson> {
  requirePassword(password);
  if (accounts.length === 0) throw new UserError('there are no accounts to export');
  // Two scrypt runs whatever the count: the inner files share one salt, each with its own nonce.
  const hasKeys = accounts.some(({ account }) => !isExternal(account));
  const [outer, inner] = await Promise.all([newSealKey(password), hasKeys ? newSealKey(password) : undefined]);
  try {
    const files: KeyringPairJson[] = [];
    for (const { account, meta } of accounts) {
      files.push(isExternal(account) ? encodeExternalAccountJson(account, meta) : await sealedAccount(account, meta, inner!));
    }
    const list = new Uint8Array(Buffer.from(JSON.stringify(files), 'utf8'));
    return {
      encoded: b64(seal(list, outer)),
      encoding: { content: ['batch-pkcs8'], type: ENCRYPTED, version: '3' },
      accounts: files.map(({ address, meta }) => ({ address, meta })),
    };
  } finally {
    inner?.key.fill(0);
    outer.key.fill(0);
  }
}

function isExternal(account: BatchAccount['account']): account is ExternalInput {
  return !('phrase' in account) && !('pkcs8' in account);
}

/** The key's bytes as `encodePkcs8()` writes them; a held key is proved to sign for its public key first. */
async function keyBytes(input: KeyInput | StoredKeyInput, type: KeyType): Promise<{ pkcs8: Uint8Array; publicKey: Uint8Array }> {
  if ('phrase' in input) return pkcs8FromPhrase({ ...input, type });
  const key = await keyFromPkcs8(input.pkcs8, type);
  if (!key) throw new UserError(`a stored ${type} key is damaged: it does not sign for its public key`);
  return key;
}

async function sealedAccount(input: KeyInput | StoredKeyInput, meta: AccountMeta, sealKey: SealKey): Promise<KeyringPairJson> {
  const type = checkKeyType(input.type);
  const prefix = checkPrefix(input.ss58Prefix);
  const { pkcs8, publicKey } = await keyBytes(input, type);
  try {
    return {
      encoded: b64(seal(pkcs8, sealKey)),
      encoding: { content: ['pkcs8', type], type: ENCRYPTED, version: '3' },
      address: jsonAddress(publicKey, type, prefix),
      meta: stamped(meta),
    };
  } finally {
    pkcs8.fill(0);
  }
}

function requirePassword(password: Uint8Array): void {
  if (!(password instanceof Uint8Array)) throw new TypeError('password: expected a Uint8Array');
  // polkadot.js treats an empty password as none and would write the key in the clear.
  if (password.length === 0) throw new UserError('a polkadot.js file needs a password', 'choose a password for the file');
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
