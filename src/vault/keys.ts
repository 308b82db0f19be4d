import { blake2AsU8a } from '@polkadot/util-crypto/blake2/asU8a';
import { encodeAddress } from '@polkadot/util-crypto/address/encode';
import { cryptoWaitReady } from '@polkadot/util-crypto/crypto';
import { ethereumEncode } from '@polkadot/util-crypto/ethereum/encode';
import { UserError } from '../errors.js';
import { isLedgerPath } from '../ledger/paths.js';

import { KEY_TYPES, type KeyType } from './key-types.js';

export { KEY_TYPES, type KeyType };

export function isKeyType(value: string): value is KeyType {
  return (KEY_TYPES as readonly string[]).includes(value);
}

export function checkKeyType(value: string): KeyType {
  if (!isKeyType(value)) {
    throw new UserError(`unknown key type "${value}"`, `use one of ${KEY_TYPES.join(', ')}`);
  }
  return value;
}

/** Ethereum keys follow BIP44 (MetaMask's first account); Substrate keys start at the root. */
export function defaultPath(type: KeyType): string {
  return type === 'ethereum' ? "m/44'/60'/0'/0/0" : '';
}

const SUBSTRATE_PATH = /^(\/\/?[^/]+)*(\/\/\/.+)?$/u;
/** A single `/` that is not part of `//`: only sr25519 derives soft keys. */
const SOFT_JUNCTION = /(^|[^/])\/[^/]/u;
const BIP44_PATH = /^m(\/\d+'?)+$/u;
/** Far beyond any path a person types; each junction is a derivation, so a file's paths must be bounded. */
export const MAX_PATH_LENGTH = 1024;

export function checkPath(path: string, type: KeyType): string {
  if (path.length > MAX_PATH_LENGTH)
    throw new UserError(`a derivation path is at most ${MAX_PATH_LENGTH} characters; this one has ${path.length}`);
  // ed25519 keys on a hardened BIP44 path are the ones a Ledger derives (see derivePublicKey).
  if (type === 'ed25519' && isLedgerPath(path)) return path;
  if (type === 'ethereum') {
    if (!BIP44_PATH.test(path)) {
      throw new UserError(`"${path}" is not a BIP44 path`, "ethereum keys take a path such as m/44'/60'/0'/0/0");
    }
  } else if (!SUBSTRATE_PATH.test(path)) {
    throw new UserError(
      `"${path}" is not a Substrate derivation path`,
      'use //hard and /soft junctions, optionally ending in ///password, e.g. //polkadot//0',
    );
  } else if (type !== 'sr25519' && SOFT_JUNCTION.test(path.split('///')[0]!)) {
    throw new UserError(
      `${type} keys cannot be soft-derived ("${displayPath(path)}")`,
      'use hard junctions only, e.g. //polkadot//0',
    );
  }
  return path;
}

/** The path as it may be shown: a `///password` part is secret. */
export function displayPath(path: string): string {
  const i = path.indexOf('///');
  return i === -1 ? path : `${path.slice(0, i)}///***`;
}

/**
 * The public key of `phrase` at `path`, derived the way polkadot.js derives it (the keyring
 * is loaded only here: it pulls in the crypto wasm, which commands that derive nothing skip).
 * ed25519 keys on BIP44 paths (m/44'/354'/…) are derived as a Ledger derives them, with the
 * identity's passphrase, if it has one; a passphrase belongs to those paths only.
 */
export async function derivePublicKey(
  phrase: string,
  path: string,
  type: KeyType,
  passphrase?: string,
): Promise<Uint8Array> {
  checkPath(path, type);
  const ledger = type === 'ed25519' && isLedgerPath(path);
  if (passphrase !== undefined && !ledger) {
    throw new UserError(
      'this identity has a Ledger passphrase, so it derives Ledger keys only',
      "use --type ed25519 with a path such as m/44'/354'/1'/0'/0'",
    );
  }
  if (ledger) {
    const { ledgerPublicKey } = await import('../ledger/derive.js');
    const secret = passphrase === undefined ? undefined : new Uint8Array(Buffer.from(passphrase, 'utf8'));
    try {
      return ledgerPublicKey(phrase, path, secret);
    } finally {
      secret?.fill(0);
    }
  }
  const [{ Keyring }, { cryptoWaitReady }] = await Promise.all([
    import('@polkadot/keyring'),
    import('@polkadot/util-crypto'),
  ]);
  await cryptoWaitReady();
  const suri = type === 'ethereum' ? `${phrase}/${path}` : `${phrase}${path}`;
  try {
    return new Keyring({ type }).createFromUri(suri, {}, type).publicKey;
  } catch (error) {
    throw new UserError(`cannot derive ${type} key at "${displayPath(path)}": ${(error as Error).message}`);
  }
}

/**
 * Readies the WebAssembly hashing addressOf uses once it is there (else it hashes in
 * JavaScript): 10,000 addresses then take a quarter less time. About 30 ms.
 */
export async function readyAddressHashing(): Promise<void> {
  await cryptoWaitReady();
}

/** The address of a public key: SS58 for Substrate types (ecdsa keys are hashed first), EIP-55 for ethereum. */
export function addressOf(publicKey: Uint8Array, type: KeyType, ss58Prefix: number): string {
  switch (type) {
    case 'ethereum':
      return ethereumEncode(publicKey);
    case 'ecdsa':
      return encodeAddress(blake2AsU8a(publicKey, 256), ss58Prefix);
    default:
      return encodeAddress(publicKey, ss58Prefix);
  }
}
