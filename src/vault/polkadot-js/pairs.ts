import type { Keyring } from '@polkadot/keyring';
import type { KeyringPair } from '@polkadot/keyring/types';
import { PAIR_DIV, PAIR_HDR } from '@polkadot/keyring/pair/defaults';
import { base58Decode } from '@polkadot/util-crypto/base58/bs58';
import { blake2AsU8a } from '@polkadot/util-crypto/blake2/asU8a';
import { checkAddressChecksum } from '@polkadot/util-crypto/address/checksum';
import { decodeAddress } from '@polkadot/util-crypto/address/decode';
import { encodeAddress } from '@polkadot/util-crypto/address/encode';
import { ethereumEncode } from '@polkadot/util-crypto/ethereum/encode';
import { UserError } from '../../errors.js';
import { addressOf, checkPath, displayPath } from '../keys.js';
import { isLedgerPath } from '../../ledger/paths.js';
import type { KeyType } from '../key-types.js';
import type { HexString, KeyInput } from './types.js';

/** The keyring pulls in the crypto wasm: loaded only when a key is actually handled, or about to be. */
export async function polkadot() {
  const [keyring, { cryptoWaitReady }] = await Promise.all([
    import('@polkadot/keyring'),
    import('@polkadot/util-crypto'),
  ]);
  await cryptoWaitReady();
  return keyring;
}

export const hex = (bytes: Uint8Array): HexString => `0x${Buffer.from(bytes).toString('hex')}`;

export function publicKeyLength(type: KeyType): number {
  return type === 'ecdsa' || type === 'ethereum' ? 33 : 32;
}

/** The unencrypted PKCS#8-like bytes of a derived key, as `pair.encodePkcs8()` gives them. */
export async function pkcs8FromPhrase(input: KeyInput): Promise<{ pkcs8: Uint8Array; publicKey: Uint8Array }> {
  const { phrase, path, type } = input;
  checkPath(path, type);
  const { Keyring } = await polkadot();
  const suri = type === 'ethereum' ? `${phrase}/${path}` : `${phrase}${path}`;
  let pair: KeyringPair;
  try {
    pair =
      type === 'ed25519' && isLedgerPath(path)
        ? await ledgerPair(new Keyring({ type }), input)
        : new Keyring({ type }).createFromUri(suri, {}, type);
  } catch (error) {
    throw new UserError(`cannot derive ${type} key at "${displayPath(path)}": ${(error as Error).message}`);
  }
  const pkcs8 = pair.encodePkcs8();
  const publicKey = pair.publicKey.slice();
  pair.lock();
  return { pkcs8, publicKey };
}

/** A key the Ledger derives (BIP44, SLIP-10 ed25519), which a Substrate URI cannot name. */
async function ledgerPair(keyring: Keyring, { phrase, path, passphrase }: KeyInput): Promise<KeyringPair> {
  const { ledgerKeyPair } = await import('../../ledger/derive.js');
  const secret = passphrase === undefined ? undefined : new Uint8Array(Buffer.from(passphrase, 'utf8'));
  try {
    // The pair keeps these bytes as its secret until `lock()`, as a pair made from a URI does.
    return keyring.createFromPair(ledgerKeyPair(phrase, path, secret), {}, 'ed25519');
  } finally {
    secret?.fill(0);
  }
}

/** What polkadot.js writes for an account without a secret: header, divider, public key. */
export function externalPkcs8(publicKey: Uint8Array): Uint8Array {
  return new Uint8Array(Buffer.concat([PAIR_HDR, PAIR_DIV, publicKey]));
}

/** The public key of an external account's bytes, or undefined when they hold a secret. */
export function externalPublicKey(plain: Uint8Array): Uint8Array | undefined {
  const start = PAIR_HDR.length + PAIR_DIV.length;
  const empty =
    plain.length > start &&
    Buffer.from(plain.subarray(0, PAIR_HDR.length)).equals(PAIR_HDR) &&
    Buffer.from(plain.subarray(PAIR_HDR.length, start)).equals(PAIR_DIV);
  return empty ? plain.slice(start) : undefined;
}

/** The `address` field as polkadot.js's `toJson` writes it: secp256k1 keys are given whole, in hex. */
export function jsonAddress(publicKey: Uint8Array, type: KeyType, ss58Prefix = 42): string {
  return type === 'ecdsa' || type === 'ethereum' ? hex(publicKey) : encodeAddress(publicKey, ss58Prefix);
}

interface AddressField {
  bytes: Uint8Array;
  prefix: number | undefined;
}

function parseAddressField(field: string): AddressField | undefined {
  try {
    // Checksums are not enforced, as polkadot.js does not: the key inside the file is what counts.
    const bytes = decodeAddress(field, true);
    const prefix = field.startsWith('0x') ? undefined : checkAddressChecksum(base58Decode(field))[3];
    return { bytes, prefix };
  } catch {
    return undefined;
  }
}

/** Every form in which a file's `address` may name this key. */
function addressForms(publicKey: Uint8Array, type: KeyType): Uint8Array[] {
  switch (type) {
    case 'ecdsa':
      return [publicKey, blake2AsU8a(publicKey, 256)];
    case 'ethereum':
      return [publicKey, Buffer.from(ethereumEncode(publicKey).slice(2), 'hex')];
    default:
      return [publicKey];
  }
}

/** The address to show when the file's `address` names this key, else undefined. */
export function matchAddress(field: string, publicKey: Uint8Array, type: KeyType): string | undefined {
  const parsed = parseAddressField(field);
  if (!parsed || !addressForms(publicKey, type).some((form) => Buffer.from(form).equals(parsed.bytes)))
    return undefined;
  return type === 'ethereum' ? ethereumEncode(publicKey) : addressOf(publicKey, type, parsed.prefix ?? 42);
}

/** A readable address for an account not yet opened, from the file's word alone. */
export function previewAddress(field: string, type: KeyType | undefined): string {
  const parsed = parseAddressField(field);
  if (!parsed || parsed.prefix !== undefined) return field;
  try {
    if (type === 'ethereum' || parsed.bytes.length === 20) return ethereumEncode(parsed.bytes);
    if (type === 'ecdsa' && parsed.bytes.length === 33) return addressOf(parsed.bytes, 'ecdsa', 42);
    if (parsed.bytes.length === 32) return encodeAddress(parsed.bytes, 42);
  } catch {
    // Fall through to the file's own text.
  }
  return field;
}

const SELF_CHECK = new Uint8Array(Buffer.from('airlock: the secret signs for its public key', 'utf8'));

function signsFor(pair: KeyringPair): boolean {
  try {
    return pair.verify(SELF_CHECK, pair.sign(SELF_CHECK), pair.publicKey);
  } catch {
    // A secret of another key type may not even be a valid scalar.
    return false;
  }
}

/**
 * Reads decrypted bytes as a key of `type`, with polkadot.js's own decoder (so every
 * generation of its layout is read as polkadot.js reads it), and proves that the secret
 * signs for the public key. Returns the layout `encodePkcs8()` writes today, or undefined
 * when the bytes are not a key of this type.
 */
export async function keyFromPkcs8(
  plain: Uint8Array,
  type: KeyType,
): Promise<{ pkcs8: Uint8Array; publicKey: Uint8Array } | undefined> {
  return withUnlockedPair(plain, type, (pair) =>
    pair && signsFor(pair) ? { pkcs8: pair.encodePkcs8(), publicKey: pair.publicKey.slice() } : undefined,
  );
}

/**
 * Signs `message` with the key these decrypted bytes hold, as polkadot.js's keyring signs
 * (`withType` puts the MultiSignature's type byte first). A key that does not sign for
 * `publicKey` signs nothing.
 */
export async function signWithPkcs8(
  plain: Uint8Array,
  type: KeyType,
  publicKey: Uint8Array,
  message: Uint8Array,
  withType: boolean,
): Promise<Uint8Array> {
  return withUnlockedPair(plain, type, (pair) => {
    if (!pair || !Buffer.from(pair.publicKey).equals(publicKey) || !signsFor(pair))
      throw new UserError(
        'the key kept for this account does not sign for its public key',
        'restore the account from its backup',
      );
    return pair.sign(message, { withType });
  });
}

/**
 * Opens these decrypted bytes as a pair of `type` with polkadot.js's own decoder and gives it to
 * `withPair` (undefined when they hold no key of that type); locked and wiped before this returns.
 */
async function withUnlockedPair<T>(
  plain: Uint8Array,
  type: KeyType,
  withPair: (pair: KeyringPair | undefined) => T,
): Promise<T> {
  const { createPair } = await polkadot();
  const own = plain.slice();
  try {
    const pair = createPair(
      { toSS58: (key) => encodeAddress(key), type },
      { publicKey: new Uint8Array(publicKeyLength(type)), secretKey: new Uint8Array() },
      {},
      own,
      ['none'],
    );
    try {
      pair.unlock();
    } catch {
      return withPair(undefined);
    }
    try {
      return withPair(pair);
    } finally {
      pair.lock();
    }
  } finally {
    // The pair's secret of sr25519 and ed25519 keys is a view into these bytes.
    own.fill(0);
  }
}
