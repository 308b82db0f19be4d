/** polkadot.js key files as polkadot.js itself writes them, for the import screens to open. */
import { writeFile } from 'node:fs/promises';
import { Keyring } from '@polkadot/keyring';
import type { KeyringPair$Json } from '@polkadot/keyring/types';
import { stringToU8a } from '@polkadot/util';
import { cryptoWaitReady, jsonEncrypt } from '@polkadot/util-crypto';
import { DEV_PHRASE } from '../../helpers/dev-keys.js';

export interface FileAccount {
  /** Derivation from the dev phrase, e.g. `//Bob`. */
  path: string;
  name: string;
  /** The password this account's own JSON is sealed with. */
  password: string;
}

async function pairJson({ path, name, password }: FileAccount): Promise<KeyringPair$Json> {
  await cryptoWaitReady();
  const keyring = new Keyring({ type: 'sr25519' });
  return keyring.addFromUri(`${DEV_PHRASE}${path}`, { name }).toJson(password);
}

/**
 * The extension's "export all accounts" file: every account's own JSON, the list sealed again
 * with the batch password. An account exported under another password keeps it inside.
 */
export async function writeExtensionBatch(file: string, accounts: FileAccount[], batchPassword: string): Promise<void> {
  const inner = await Promise.all(accounts.map(pairJson));
  const sealed = jsonEncrypt(stringToU8a(JSON.stringify(inner)), ['batch-pkcs8'], batchPassword);
  await writeFile(file, JSON.stringify({ ...sealed, accounts: inner.map(({ address, meta }) => ({ address, meta })) }));
}
