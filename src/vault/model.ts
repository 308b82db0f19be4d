import { z } from 'zod';
import { UserError } from '../errors.js';
import { KEY_TYPES } from './key-types.js';
import { DEFAULT_NETWORK } from './networks.js';
import { LOCK_AFTER_DEFAULT, LOCK_AFTER_MAX } from './settings.js';

/** The decrypted vault: what the envelope's ciphertext holds. Parsed with these schemas on every read. */

const Id = z.string().regex(/^[0-9a-f]{16}$/u);
const Hex = z.string().regex(/^0x[0-9a-f]*$/u);
const Timestamp = z.string();

const IdentityBase = { id: Id, name: z.string().min(1), createdAt: Timestamp };

/** A loose key from a polkadot.js file, in polkadot.js's PKCS#8-like layout (`pair.encodePkcs8()`). */
export const ImportedKeySchema = z.object({ publicKey: Hex, pkcs8: Hex });

export const IdentitySchema = z.discriminatedUnion('kind', [
  z.object({
    ...IdentityBase,
    kind: z.literal('mnemonic'),
    mnemonic: z.string(),
    /**
     * The BIP39 passphrase of a recovered Ledger (its "25th word"), when it had one. It changes
     * every key, so it is kept with the words; only Ledger (BIP44 ed25519) paths use it.
     */
    passphrase: z.string().optional(),
  }),
  z.object({ ...IdentityBase, kind: z.literal('ledger') }),
  // The keys of its accounts that came with a secret; its other accounts are known by public key only.
  z.object({ ...IdentityBase, kind: z.literal('imported'), keys: z.array(ImportedKeySchema).default([]) }),
]);

export const AccountSchema = z.object({
  name: z.string().min(1),
  identity: Id,
  type: z.enum(KEY_TYPES),
  /** Substrate `//hard/soft///password` or a BIP44 path; empty for the root key. */
  path: z.string(),
  publicKey: Hex,
  network: z.string(),
  createdAt: Timestamp,
});

export const AddressEntrySchema = z.object({
  name: z.string().min(1),
  address: z.string(),
  network: z.string(),
  note: z.string(),
  createdAt: Timestamp,
});

export const VaultDataSchema = z.object({
  identities: z.array(IdentitySchema),
  accounts: z.array(AccountSchema),
  addresses: z.array(AddressEntrySchema),
  settings: z.object({
    defaultNetwork: z.string(),
    /**
     * Minutes without a key before the app locks; 0 never. Vaults written before it existed read
     * as the default. An older airlock drops it on its next write, which brings back the default
     * (and it never locked anyway), so it needs no new vault version.
     */
    lockAfterMinutes: z.number().int().min(0).max(LOCK_AFTER_MAX).default(LOCK_AFTER_DEFAULT),
  }),
});

export type Identity = z.infer<typeof IdentitySchema>;
export type ImportedKey = z.infer<typeof ImportedKeySchema>;
export type Account = z.infer<typeof AccountSchema>;
export type AddressEntry = z.infer<typeof AddressEntrySchema>;
export type VaultData = z.infer<typeof VaultDataSchema>;
export type Settings = VaultData['settings'];

export const VAULT_FORMAT = 'airlock-vault';
/**
 * Bump with a migration in `migrateVaultData` when the shape above changes. Version 2 gave
 * imported identities their keys; version 3 gave mnemonic identities a Ledger passphrase. An
 * older airlock would drop either, so it must refuse.
 */
export const VAULT_VERSION = 3;

export function emptyVaultData(): VaultData {
  return {
    identities: [],
    accounts: [],
    addresses: [],
    settings: { defaultNetwork: DEFAULT_NETWORK, lockAfterMinutes: LOCK_AFTER_DEFAULT },
  };
}

/**
 * Brings content of an older vault version to the current shape. Version 1 had no imported keys
 * (the schema's default fills them); version 2 had no passphrases (the field is optional).
 */
export function migrateVaultData(version: number, content: unknown): unknown {
  if (version > VAULT_VERSION) {
    throw new UserError(
      `this vault is version ${version}, written by a newer airlock (this one reads up to version ${VAULT_VERSION})`,
      'open it with the newer airlock',
    );
  }
  return content;
}
