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

const Hash32 = z.string().regex(/^0x[0-9a-f]{64}$/u);
/** A network's name as it names a file: lower case, digits, `-` and `_` (no path can hide in it). */
export const METADATA_NETWORK_NAME = /^[a-z0-9][a-z0-9_-]{0,63}$/u;

/**
 * Chain metadata kept beside the vault (`airlock metadata add`): the file holds the bytes, the
 * record says which chain and runtime they are for and their SHA-256, so a file changed or
 * swapped since is noticed before it decodes anything.
 */
export const MetadataRecordSchema = z.object({
  network: z.string().regex(METADATA_NETWORK_NAME),
  genesisHash: Hash32,
  specName: z.string().min(1),
  specVersion: z.number().int().min(0).max(0xffffffff),
  metadataVersion: z.union([z.literal(14), z.literal(15)]),
  ss58Prefix: z.number().int().min(0).max(16383),
  decimals: z.number().int().min(0).max(38),
  token: z.string().min(1),
  /** The file's name in the metadata folder beside the vault: `<network>-<specVersion>.scale`. */
  file: z.string().regex(/^[a-z0-9][a-z0-9_-]{0,63}-\d{1,10}\.scale$/u),
  size: z.number().int().min(1),
  sha256: z.string().regex(/^[0-9a-f]{64}$/u),
  /** The RFC-0078 digest a transaction's CheckMetadataHash must carry; V15 metadata only. */
  digest: Hash32.optional(),
  addedAt: Timestamp,
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
  /**
   * Vaults written before it existed read as none. An older airlock drops the records on its next
   * write; it signs nothing, and without a record the metadata is only asked for again.
   */
  metadata: z.array(MetadataRecordSchema).default([]),
});

export type Identity = z.infer<typeof IdentitySchema>;
export type ImportedKey = z.infer<typeof ImportedKeySchema>;
export type Account = z.infer<typeof AccountSchema>;
export type AddressEntry = z.infer<typeof AddressEntrySchema>;
export type VaultData = z.infer<typeof VaultDataSchema>;
export type Settings = VaultData['settings'];
export type MetadataRecord = z.infer<typeof MetadataRecordSchema>;

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
    metadata: [],
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
