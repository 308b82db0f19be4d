import type { KeyType } from '../key-types.js';
import type { ScryptParams } from '../kdf.js';

export type HexString = `0x${string}`;
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** What airlock writes: every polkadot.js version reads N=2^15, while 2^17 is unreadable before util-crypto 13.5.3. */
export const WRITE_SCRYPT: ScryptParams = { N: 1 << 15, r: 8, p: 1 };

/**
 * Larger files are refused unparsed. The largest a file of MAX_ACCOUNTS accounts comes to is
 * about 1.2 MB (the extension's batch of 1,000 accounts with 64-character names, as airlock
 * writes it, pretty-printed): this leaves room for six times that.
 */
export const MAX_FILE_BYTES = 8 * 1024 * 1024;
/** Each account in a file may cost one scrypt run, so a file may not ask for unbounded work. */
export const MAX_ACCOUNTS = 1000;
/**
 * An account's `encoded` holds one key: about 270 characters in base64, 320 in hex. A longer
 * one is refused before it is decoded.
 */
export const MAX_ENCODED_KEY = 4096;

/** Metadata polkadot.js keeps beside a key: `name`, `genesisHash`, `whenCreated`, Ledger fields and more. */
export interface AccountMeta {
  name?: string;
  genesisHash?: HexString | null;
  whenCreated?: number;
  [key: string]: JsonValue | undefined;
}

/** A key airlock derives: a mnemonic, a Substrate `//hard/soft///password` path or a BIP44 path for ethereum. */
export interface KeyInput {
  phrase: string;
  path: string;
  type: KeyType;
  /** The SS58 prefix the file's address is written in (sr25519 and ed25519); 42 when absent. */
  ss58Prefix?: number;
  /** A recovered Ledger's passphrase (its "25th word"), for ed25519 keys on Ledger paths. */
  passphrase?: string;
}

/** A key held as polkadot.js's PKCS#8-like bytes: one imported from a polkadot.js file. */
export interface StoredKeyInput {
  pkcs8: Uint8Array;
  type: KeyType;
  ss58Prefix?: number;
}

/** A key known by its public half only: a Ledger or watch-only account. */
export interface ExternalInput {
  /** 32 bytes for sr25519 and ed25519, 33 (compressed) for ecdsa and ethereum. */
  publicKey: Uint8Array;
  type: KeyType;
  ss58Prefix?: number;
}

export interface BatchAccount {
  account: KeyInput | StoredKeyInput | ExternalInput;
  meta: AccountMeta;
}

/** polkadot.js `KeyringPair$Json`, as airlock writes it (version 3, base64). */
export interface KeyringPairJson {
  encoded: string;
  encoding: {
    content: ['pkcs8', KeyType];
    type: ['scrypt', 'xsalsa20-poly1305'] | ['none'];
    version: '3';
  };
  address: string;
  meta: AccountMeta;
}

/** The polkadot.js extension's "export all accounts" file. */
export interface BatchJson {
  encoded: string;
  encoding: {
    content: ['batch-pkcs8'];
    type: ['scrypt', 'xsalsa20-poly1305'];
    version: '3';
  };
  accounts: { address: string; meta: AccountMeta }[];
}

/**
 * A decrypted key in polkadot.js's PKCS#8-like layout. The bytes live in a private field, so
 * neither `JSON.stringify` nor a console dump of an account shows them; `wipe` zeroes them.
 */
export class KeySecret {
  readonly #pkcs8: Uint8Array;

  /** Takes ownership of `pkcs8`. */
  constructor(pkcs8: Uint8Array) {
    this.#pkcs8 = pkcs8;
  }

  get pkcs8(): Uint8Array {
    return this.#pkcs8;
  }

  wipe(): void {
    this.#pkcs8.fill(0);
  }
}

export interface DecodedAccount {
  /** SS58 in the file's own prefix (42 when the file gives none), or EIP-55 for ethereum. */
  address: string;
  publicKey: HexString;
  type: KeyType;
  name: string | undefined;
  meta: Readonly<Record<string, unknown>>;
  /** Absent for external (Ledger, watch-only) accounts. */
  secret: KeySecret | undefined;
}

/** An account the password did not open: ask for its own password and call `unlockAccount`. */
export interface LockedAccount {
  /** Position in the file. */
  index: number;
  /** As the file states it; not yet checked against a key. */
  address: string;
  name: string | undefined;
  /** The account's own `KeyringPair$Json`, as read from the file. */
  readonly json: unknown;
}

/** An account the file holds but airlock cannot take, with the reason. */
export interface SkippedAccount {
  index: number;
  address: string;
  name: string | undefined;
  reason: string;
}

export interface DecodedKeyFile {
  /** A single `KeyringPair$Json`, the extension's encrypted batch, or apps' JSON array. */
  format: 'account' | 'batch' | 'list';
  accounts: DecodedAccount[];
  locked: LockedAccount[];
  skipped: SkippedAccount[];
}

export interface DecodeOptions {
  /** How messages name the file, e.g. its file name. */
  what?: string;
  /** Checked between accounts, each of which may cost a scrypt run. */
  signal?: AbortSignal;
}
