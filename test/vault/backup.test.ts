import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DamagedFileError, WrongPasswordError } from '../../src/errors.js';
import * as actions from '../../src/vault/actions.js';
import { BACKUP_VERSION, backupContent, formatReceipt, readBackup, writeBackup } from '../../src/vault/backup.js';
import type { EnvelopeJson } from '../../src/vault/envelope.js';
import { DEV_PHRASE } from '../helpers/dev-keys.js';
import { openTestVault } from '../helpers/vault.js';

const PASSWORD = new TextEncoder().encode('backup-password-7');
const dir = () => mkdtemp(join(tmpdir(), 'airlock-backup-'));

async function devVault() {
  const session = await openTestVault({ dev: true });
  await actions.deriveAccount(session, { identity: 'dev', name: 'alice', type: 'sr25519', path: '//Alice' });
  await actions.deriveAccount(session, { identity: 'dev', name: 'bob', type: 'sr25519', path: '//Bob' });
  await actions.addAddress(session, {
    name: 'treasury-cold',
    address: '5FLSigC9HGRKVhB9FiEo4Y3koPsNmBmLJbpXg2mp1hXcS59Y',
    note: 'safe 2',
  });
  return session;
}

describe('airlock backups', () => {
  it('writes, verifies and reads back the whole vault; nothing is readable without the password', async () => {
    const session = await devVault();
    const path = join(await dir(), 'backup.json');
    const receipt = await writeBackup(path, backupContent(session.data), PASSWORD);
    expect(receipt).toMatchObject({ identities: ['dev'], accounts: ['alice', 'bob'], addresses: ['treasury-cold'] });
    const text = await readFile(path, 'utf8');
    expect(receipt.bytes).toBe(Buffer.byteLength(text));
    for (const secret of ['bottom drive obey', 'alice', 'treasury-cold', '5FLSigC9'])
      expect(text).not.toContain(secret);
    const { content } = await readBackup(path, PASSWORD);
    expect(content.identities[0]).toMatchObject({ kind: 'mnemonic', mnemonic: DEV_PHRASE });
    expect(content).toEqual(backupContent(session.data));
    expect(formatReceipt(receipt)).not.toContain(DEV_PHRASE.split(' ')[0]);
  });

  it('holds only the chosen accounts and their identity', async () => {
    const session = await devVault();
    const content = backupContent(session.data, ['bob']);
    expect(content.accounts.map((a) => a.name)).toEqual(['bob']);
    expect(content.identities.map((i) => i.name)).toEqual(['dev']);
    expect(content.addresses).toEqual([]);
  });

  it('never replaces a file unless told to', async () => {
    const session = await devVault();
    const path = join(await dir(), 'backup.json');
    await writeFile(path, 'an older backup');
    await expect(writeBackup(path, backupContent(session.data), PASSWORD)).rejects.toThrow(/already exists/);
    expect(await readFile(path, 'utf8')).toBe('an older backup');
    await writeBackup(path, backupContent(session.data), PASSWORD, { overwrite: true });
    expect((await readBackup(path, PASSWORD)).content.accounts).toHaveLength(2);
  });

  it('tells a wrong password from a flipped bit, and refuses truncated or foreign files', async () => {
    const session = await devVault();
    const folder = await dir();
    const path = join(folder, 'backup.json');
    await writeBackup(path, backupContent(session.data), PASSWORD);
    await expect(readBackup(path, new TextEncoder().encode('not it'))).rejects.toBeInstanceOf(WrongPasswordError);

    const envelope = JSON.parse(await readFile(path, 'utf8')) as EnvelopeJson;
    const bytes = Buffer.from(envelope.ciphertext, 'base64');
    bytes[bytes.length >> 1] = bytes[bytes.length >> 1]! ^ 0x10;
    envelope.ciphertext = bytes.toString('base64');
    await writeFile(join(folder, 'flipped.json'), JSON.stringify(envelope));
    await expect(readBackup(join(folder, 'flipped.json'), PASSWORD)).rejects.toBeInstanceOf(DamagedFileError);

    const text = await readFile(path, 'utf8');
    await writeFile(join(folder, 'cut.json'), text.slice(0, text.length / 2));
    await expect(readBackup(join(folder, 'cut.json'), PASSWORD)).rejects.toThrow(/not complete JSON/);
    await writeFile(join(folder, 'vault-like.json'), text.replace('"airlock-backup"', '"airlock-vault"'));
    await expect(readBackup(join(folder, 'vault-like.json'), PASSWORD)).rejects.toThrow(
      /is not an airlock-backup file/,
    );
    expect((await readdir(folder)).sort()).toEqual(['backup.json', 'cut.json', 'flipped.json', 'vault-like.json']);
  });
});

describe('older and newer versions', () => {
  it('reads a version 1 backup and a version 1 vault, which had no imported keys', async () => {
    const { createKey, seal, wipeKey } = await import('../../src/vault/envelope.js');
    const { VaultSession } = await import('../../src/vault/store.js');
    const session = await devVault();
    const old = {
      ...backupContent(session.data),
      identities: [
        ...session.data.identities,
        { id: '00000000000000bb', name: 'loose', kind: 'imported', createdAt: '2024-01-01T00:00:00.000Z' },
      ],
    };
    const key = await createKey(PASSWORD, { N: 1 << 14, r: 8, p: 5 });
    const folder = await dir();
    await writeFile(join(folder, 'backup.json'), seal('airlock-backup', 1, old, key));
    await writeFile(
      join(folder, 'vault.json'),
      seal('airlock-vault', 1, { ...session.data, identities: old.identities }, key),
    );
    wipeKey(key);

    const { content } = await readBackup(join(folder, 'backup.json'), PASSWORD);
    expect(content.identities[1]).toEqual({
      id: '00000000000000bb',
      name: 'loose',
      kind: 'imported',
      keys: [],
      createdAt: '2024-01-01T00:00:00.000Z',
    });
    const vault = await VaultSession.unlock(join(folder, 'vault.json'), PASSWORD);
    expect(vault.data.identities[1]).toMatchObject({ kind: 'imported', keys: [] });
    vault.close();
  });

  it('refuses a backup from a newer airlock plainly', async () => {
    const { createKey, seal, wipeKey } = await import('../../src/vault/envelope.js');
    const key = await createKey(PASSWORD, { N: 1 << 14, r: 8, p: 5 });
    const path = join(await dir(), 'backup.json');
    await writeFile(
      path,
      seal('airlock-backup', BACKUP_VERSION + 1, { identities: [], accounts: [], addresses: [] }, key),
    );
    wipeKey(key);
    await expect(readBackup(path, PASSWORD)).rejects.toThrow(
      `is version ${BACKUP_VERSION + 1}, written by a newer airlock`,
    );
  });
});
