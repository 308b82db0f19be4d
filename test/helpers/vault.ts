/** Real vaults on disk for screen and CLI tests, with the cheapest allow-listed scrypt so they open fast. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import * as actions from '../../src/vault/actions.js';
import { VaultSession } from '../../src/vault/store.js';

export const DEV_PHRASE = 'bottom drive obey lake curtain smoke basket hold race lonely fit walk';
export const TEST_PASSWORD = 'screen-test-password-1';
/** The allow-listed parameters that take least time (N·p smallest): a quarter of what `airlock init` writes. */
export const FAST_SCRYPT = { N: 1 << 15, r: 8, p: 1 };

const dirs: string[] = [];
afterAll(async () => {
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

/** A new vault in a temporary directory; with `dev`, the dev phrase restored as identity `dev`. */
export async function openTestVault({ dev = false } = {}): Promise<VaultSession> {
  const dir = await mkdtemp(join(tmpdir(), 'airlock-screen-'));
  dirs.push(dir);
  const session = await VaultSession.create(
    join(dir, 'vault.json'),
    new TextEncoder().encode(TEST_PASSWORD),
    FAST_SCRYPT,
  );
  if (dev) await actions.saveMnemonicIdentity(session, 'dev', DEV_PHRASE);
  return session;
}
