/** Real vaults on disk for screen and CLI tests, with the cheapest allow-listed scrypt so they open fast. */
import { join } from 'node:path';
import * as actions from '../../src/vault/actions.js';
import { VaultSession } from '../../src/vault/store.js';
import { DEV_PHRASE } from './dev-keys.js';
import { temporaryDir } from './files.js';

export const TEST_PASSWORD = 'screen-test-password-1';
/** The allow-listed parameters that take least time (N·p smallest): a quarter of what `airlock init` writes. */
export const FAST_SCRYPT = { N: 1 << 15, r: 8, p: 1 };

/** A new vault in a temporary directory; with `dev`, the dev phrase restored as identity `dev`. */
export async function openTestVault({ dev = false } = {}): Promise<VaultSession> {
  const session = await VaultSession.create(
    join(await temporaryDir('screen'), 'vault.json'),
    new TextEncoder().encode(TEST_PASSWORD),
    FAST_SCRYPT,
  );
  if (dev) await actions.saveMnemonicIdentity(session, 'dev', DEV_PHRASE);
  return session;
}

/** The vault as it is on disk now, read with a fresh unlock. */
export async function reopen(session: VaultSession) {
  const fresh = await VaultSession.unlock(session.path, new TextEncoder().encode(TEST_PASSWORD));
  fresh.close();
  return fresh.data;
}
