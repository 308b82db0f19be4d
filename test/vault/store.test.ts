import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { WrongPasswordError } from '../../src/errors.js';
import { addAddress } from '../../src/vault/address-book.js';
import { previousGenerationPath, resolveVaultPath, VaultSession } from '../../src/vault/store.js';

const bytes = (s: string) => new Uint8Array(Buffer.from(s));
const ALICE = '5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY';
const BOB = '5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty';

async function newVault() {
  const path = join(await mkdtemp(join(tmpdir(), 'airlock-store-')), 'vault.json');
  return { path, session: await VaultSession.create(path, bytes('first password')) };
}

describe('VaultSession', () => {
  it('applies each change to the file as it is now, so two sessions lose nothing', async () => {
    const { path, session: first } = await newVault();
    const second = await VaultSession.unlock(path, bytes('first password'));
    await first.update((data) => ({ ...addAddress(data, { name: 'alice', address: ALICE }), result: undefined }));
    await second.update((data) => ({ ...addAddress(data, { name: 'bob', address: BOB }), result: undefined }));
    const reopened = await VaultSession.unlock(path, bytes('first password'));
    expect(reopened.data.addresses.map((a) => a.name)).toEqual(['alice', 'bob']);
  });

  it('keeps the previous generation beside the vault', async () => {
    const { path, session } = await newVault();
    await session.update((data) => ({ ...addAddress(data, { name: 'alice', address: ALICE }), result: undefined }));
    const before = await readFile(path);
    await session.update((data) => ({ ...addAddress(data, { name: 'bob', address: BOB }), result: undefined }));
    expect((await readFile(previousGenerationPath(path))).equals(before)).toBe(true);
  });

  it('changes the password for the vault and its previous generation alike', async () => {
    const { path, session } = await newVault();
    await session.update((data) => ({ ...addAddress(data, { name: 'alice', address: ALICE }), result: undefined }));
    await session.changePassword(bytes('second password'));
    await expect(VaultSession.unlock(path, bytes('first password'))).rejects.toBeInstanceOf(WrongPasswordError);
    expect((await VaultSession.unlock(path, bytes('second password'))).data.addresses).toHaveLength(1);
    const previous = await VaultSession.unlock(previousGenerationPath(path), bytes('second password'));
    expect(previous.data.addresses).toHaveLength(1);
  });

  it('changes the password of an open session only for the current one, and a wrong one changes nothing', async () => {
    const { path, session } = await newVault();
    const before = await readFile(path);
    await expect(session.changePasswordFrom(bytes('not it'), bytes('second password'))).rejects.toBeInstanceOf(
      WrongPasswordError,
    );
    expect((await readFile(path)).equals(before)).toBe(true);
    await session.changePasswordFrom(bytes('first password'), bytes('second password'));
    await expect(VaultSession.unlock(path, bytes('first password'))).rejects.toBeInstanceOf(WrongPasswordError);
    await VaultSession.unlock(path, bytes('second password'));
  });

  it('refuses to write over a password change made by another session', async () => {
    const { path, session: stale } = await newVault();
    const other = await VaultSession.unlock(path, bytes('first password'));
    await other.changePassword(bytes('second password'));
    await expect(stale.update((data) => ({ data, result: undefined }))).rejects.toThrow(/password was changed/);
  });

  it('refuses to create over an existing vault', async () => {
    const { path } = await newVault();
    await expect(VaultSession.create(path, bytes('another one'))).rejects.toThrow(/already exists/);
  });

  it('finds the vault from --vault, then $AIRLOCK_VAULT, then $XDG_DATA_HOME', () => {
    expect(resolveVaultPath('/a/v.json', { AIRLOCK_VAULT: '/b/v.json' })).toBe('/a/v.json');
    expect(resolveVaultPath(undefined, { AIRLOCK_VAULT: '/b/v.json', XDG_DATA_HOME: '/c' })).toBe('/b/v.json');
    expect(resolveVaultPath(undefined, { XDG_DATA_HOME: '/c' })).toBe('/c/airlock/vault.json');
  });
});
