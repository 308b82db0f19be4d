import { randomBytes } from 'node:crypto';
import { DamagedFileError, UserError } from '../../errors.js';
import { printable, QUOTED } from '../../printable.js';
import { assertAllowedScrypt, scrypt64, type ScryptParams } from '../kdf.js';
import { secretboxOpen, secretboxSeal } from '../secretbox.js';
import { isBase64, isHex } from '../text-checks.js';
import type { EncodingJson } from './schema.js';
import { WRITE_SCRYPT } from './types.js';

/**
 * The `encoded` field of polkadot.js files. Version 3 with scrypt:
 * salt(32) | N | p | r (u32 LE) | nonce(24) | secretbox. Versions 0-2: nonce(24) | secretbox,
 * keyed by the UTF-8 password cut or zero-padded to 32 bytes. `none`: the plaintext itself.
 */

const SALT = 32;
const PARAMS = 12;
const NONCE = 24;
const MAC = 16;

export interface Scheme {
  scrypt: boolean;
  encrypted: boolean;
}

export function schemeOf(encoding: EncodingJson, what: string): Scheme {
  if (!['0', '1', '2', '3'].includes(encoding.version)) {
    throw new UserError(
      `${what} is a polkadot.js file of version ${printable(encoding.version, QUOTED)}, which airlock does not read`,
    );
  }
  const types = Array.isArray(encoding.type) ? encoding.type : [encoding.type];
  const known = types.every((t) => ['scrypt', 'xsalsa20-poly1305', 'none'].includes(t));
  const scheme = { scrypt: types.includes('scrypt'), encrypted: types.includes('xsalsa20-poly1305') };
  const none = types.length === 1 && types[0] === 'none';
  if (!known || (!none && !scheme.encrypted) || (scheme.scrypt && encoding.version !== '3')) {
    throw new UserError(
      `${what} is encrypted with "${printable(types.join(', '), QUOTED)}", which airlock does not read`,
    );
  }
  return scheme;
}

export function encodedBytes(encoded: string, what: string): Uint8Array {
  if (encoded.startsWith('0x') && isHex(encoded, 2)) return new Uint8Array(Buffer.from(encoded.slice(2), 'hex'));
  if (isBase64(encoded)) return new Uint8Array(Buffer.from(encoded, 'base64'));
  throw new DamagedFileError(`${what} is damaged: its encoded key is neither hex nor base64`);
}

/** The scrypt run an `encoded` of version 3 asks for; `id` names its salt and cost, as the key cache does. */
export interface KdfRun {
  id: string;
  params: ScryptParams;
}

/** The run named in the header, when `bytes` are long enough to be opened at all (see openEncoded). */
export function kdfRunOf(bytes: Uint8Array): KdfRun | undefined {
  if (bytes.length <= SALT + PARAMS + NONCE + MAC) return undefined;
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const params = { N: view.readUInt32LE(SALT), p: view.readUInt32LE(SALT + 4), r: view.readUInt32LE(SALT + 8) };
  return { id: `${view.toString('hex', 0, SALT)}:${params.N}:${params.r}:${params.p}`, params };
}

/** A derived encryption key, reused for every secretbox sealed under one salt. */
export interface SealKey {
  salt: Uint8Array;
  params: ScryptParams;
  key: Uint8Array;
}

export async function newSealKey(password: Uint8Array, params: ScryptParams = WRITE_SCRYPT): Promise<SealKey> {
  const salt = new Uint8Array(randomBytes(SALT));
  const out = await scrypt64(password, salt, params);
  const key = out.slice(0, 32);
  out.fill(0);
  return { salt, params, key };
}

export function seal(plain: Uint8Array, sealKey: SealKey): Uint8Array {
  const nonce = new Uint8Array(randomBytes(NONCE));
  const encrypted = secretboxSeal(plain, sealKey.key, nonce);
  const header = Buffer.alloc(SALT + PARAMS);
  header.set(sealKey.salt);
  header.writeUInt32LE(sealKey.params.N, SALT);
  header.writeUInt32LE(sealKey.params.p, SALT + 4);
  header.writeUInt32LE(sealKey.params.r, SALT + 8);
  return new Uint8Array(Buffer.concat([header, nonce, encrypted]));
}

/** Keys already derived during one read, by salt and cost: accounts sealed under one salt cost one scrypt. */
export type KeyCache = Map<string, Uint8Array>;

export function wipeCache(cache: KeyCache): void {
  for (const key of cache.values()) key.fill(0);
  cache.clear();
}

/**
 * The plaintext of `bytes`, or undefined when the secretbox does not open: the password is
 * wrong or the ciphertext altered, which secretbox cannot tell apart.
 */
export async function openEncoded(
  bytes: Uint8Array,
  scheme: Scheme,
  password: Uint8Array,
  cache: KeyCache,
  what: string,
): Promise<Uint8Array | undefined> {
  if (!scheme.encrypted) return bytes.slice();
  const head = scheme.scrypt ? SALT + PARAMS : 0;
  if (bytes.length <= head + NONCE + MAC) {
    throw new DamagedFileError(`${what} is damaged: its encoded key is too short`);
  }
  // polkadot.js writes nothing without a password, so an empty one cannot open anything.
  if (password.length === 0) return undefined;
  const nonce = bytes.subarray(head, head + NONCE);
  const sealed = bytes.subarray(head + NONCE);
  if (scheme.scrypt) {
    const key = await scryptKey(bytes, password, cache, what);
    return secretboxOpen(sealed, nonce, key);
  }
  const key = new Uint8Array(32);
  key.set(password.subarray(0, 32));
  const plain = secretboxOpen(sealed, nonce, key);
  key.fill(0);
  return plain;
}

async function scryptKey(bytes: Uint8Array, password: Uint8Array, cache: KeyCache, what: string): Promise<Uint8Array> {
  const { id, params } = kdfRunOf(bytes)!;
  // Before any work: a file may name a cost that would take gigabytes or hours.
  assertAllowedScrypt(params, what);
  const salt = bytes.subarray(0, SALT);
  const cached = cache.get(id);
  if (cached) return cached;
  const out = await scrypt64(password, salt, params);
  const key = out.slice(0, 32);
  out.fill(0);
  cache.set(id, key);
  return key;
}
