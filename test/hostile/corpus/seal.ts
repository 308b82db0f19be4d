/**
 * Airlock backups sealed as airlock seals them (src/vault/envelope.ts), with the cheapest
 * allow-listed scrypt and a fixed salt and nonce, so the corpus is the same bytes every run.
 */
import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import { BACKUP_FORMAT, BACKUP_VERSION, type BackupContent } from '../../../src/vault/backup.js';
import { seal, type EnvelopeKey } from '../../../src/vault/envelope.js';
import { deriveKey } from '../../../src/vault/kdf.js';
import { secretboxOpen, secretboxSeal } from '../../../src/vault/secretbox.js';
import { DEV_PHRASE } from '../../helpers/dev-keys.js';
import { pseudoRandomBytes } from '../../helpers/qr-frames.js';
import { FAST_SCRYPT } from '../../helpers/vault.js';
import { FILE_PASSWORD } from './inputs.js';

const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');
const unb64 = (text: string) => new Uint8Array(Buffer.from(text, 'base64'));

/** The key every corpus backup is sealed with: FILE_PASSWORD, FAST_SCRYPT, a fixed salt. */
export async function corpusKey(): Promise<EnvelopeKey> {
  const salt = pseudoRandomBytes(32, 1501);
  return {
    params: FAST_SCRYPT,
    salt,
    ...(await deriveKey(new Uint8Array(Buffer.from(FILE_PASSWORD)), salt, FAST_SCRYPT)),
  };
}

/** `seal`'s file, its random nonce replaced by a fixed one (the plaintext sealed again under it). */
export function sealFixed(
  content: unknown,
  key: EnvelopeKey,
  { format = BACKUP_FORMAT, version = BACKUP_VERSION } = {},
): string {
  const envelope = JSON.parse(seal(format, version, content, key)) as { cipher: { nonce: string }; ciphertext: string };
  const plain = secretboxOpen(unb64(envelope.ciphertext), unb64(envelope.cipher.nonce), key.key)!;
  return withPlaintext(envelope, plain, key);
}

/** A backup whose authenticated plaintext is any bytes at all, under the header `seal` writes. */
export function sealRaw(plain: Uint8Array, key: EnvelopeKey): string {
  const envelope = JSON.parse(seal(BACKUP_FORMAT, BACKUP_VERSION, {}, key)) as {
    cipher: { nonce: string };
    ciphertext: string;
  };
  return withPlaintext(envelope, plain, key);
}

function withPlaintext(
  envelope: { cipher: { nonce: string }; ciphertext: string },
  plain: Uint8Array,
  key: EnvelopeKey,
): string {
  const nonce = pseudoRandomBytes(24, 1502);
  envelope.cipher.nonce = b64(nonce);
  envelope.ciphertext = b64(secretboxSeal(plain, key.key, nonce));
  return `${JSON.stringify(envelope, null, 2)}\n`;
}

// ---------------------------------------------------------------------------------------------
// A sound backup to start from: an identity the test vault does not hold, one of its accounts,
// one address-book entry.

/** A BIP39 test vector (Trezor's): valid words, not the dev phrase the test vault holds. */
export const TRAVEL_PHRASE = 'legal winner thank year wave sausage worth useful legal winner thank yellow';
export const TRAVEL_ID = '7a7a7a7a7a7a7a7a';
export const CREATED = '2024-05-01T12:00:00.000Z';

export interface DevKeys {
  /** sr25519 public keys (0x hex) of phrase//path. */
  travel0: string;
  dave: string;
  eve: string;
  /** polkadot.js PKCS#8 (0x hex) of the dev phrase's //Dave. */
  davePkcs8: string;
  /** SS58 (prefix 0) of //Bob and a random key, for the address book. */
  bobPolkadot: string;
}

export async function devKeys(): Promise<DevKeys> {
  await cryptoWaitReady();
  const keyring = new Keyring({ type: 'sr25519', ss58Format: 0 });
  const hex = (bytes: Uint8Array) => `0x${Buffer.from(bytes).toString('hex')}`;
  const dave = keyring.addFromUri(`${DEV_PHRASE}//Dave`);
  return {
    travel0: hex(keyring.addFromUri(`${TRAVEL_PHRASE}//0`).publicKey),
    dave: hex(dave.publicKey),
    eve: hex(keyring.addFromUri(`${DEV_PHRASE}//Eve`).publicKey),
    davePkcs8: hex(dave.encodePkcs8()),
    bobPolkadot: keyring.addFromUri(`${DEV_PHRASE}//Bob`).address,
  };
}

export function soundContent(keys: DevKeys): BackupContent {
  return {
    identities: [{ id: TRAVEL_ID, name: 'travel', kind: 'mnemonic', mnemonic: TRAVEL_PHRASE, createdAt: CREATED }],
    accounts: [
      {
        name: 'travel-0',
        identity: TRAVEL_ID,
        type: 'sr25519',
        path: '//0',
        publicKey: keys.travel0,
        network: 'polkadot',
        createdAt: CREATED,
      },
    ],
    addresses: [{ name: 'bob', address: keys.bobPolkadot, network: 'polkadot', note: '', createdAt: CREATED }],
  };
}
