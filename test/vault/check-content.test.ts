/**
 * A backup or vault whose password is right but which holds a bad entry is refused whole,
 * naming the entry (issue 15, item 3): a backup before anything of it is planned, a vault when
 * it is opened (with the checks that need no key derived).
 */
import { mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DamagedFileError } from '../../src/errors.js';
import { readBackup } from '../../src/vault/backup.js';
import { MAX_KEY_WORK, checkBackupContent } from '../../src/vault/check-keys.js';
import { structureProblem } from '../../src/vault/check-content.js';
import { VaultSession } from '../../src/vault/store.js';
import { DEFECTS, sealTo, soundContent, spoiled } from '../helpers/hostile-content.js';

const PASSWORD = 'hostile-backup-password';
const bytes = (text: string) => new TextEncoder().encode(text);
const SETTINGS = { defaultNetwork: 'substrate' };

async function sealed(format: 'airlock-backup' | 'airlock-vault', content: object): Promise<string> {
  const path = join(
    await mkdtemp(join(tmpdir(), 'airlock-hostile-')),
    format === 'airlock-vault' ? 'vault.json' : 'backup.json',
  );
  await sealTo(path, format, content, PASSWORD);
  return path;
}

describe.concurrent('a backup with a bad entry', () => {
  it('a sound backup reads', async () => {
    const { content } = await readBackup(await sealed('airlock-backup', await soundContent()), bytes(PASSWORD));
    expect(content.accounts.map((a) => a.name)).toEqual(['alice', 'bob', 'charlie']);
  });

  it.each(DEFECTS)('is refused, naming the entry: $what', async (defect) => {
    const path = await sealed('airlock-backup', await spoiled(defect));
    const reading = readBackup(path, bytes(PASSWORD));
    await expect(reading).rejects.toBeInstanceOf(DamagedFileError);
    await expect(reading).rejects.toThrow(new RegExp(`^backup ${path} is damaged: ${defect.message.source}`, 'u'));
  });

  it('is refused before deriving when it asks for more key derivations than any real vault', async () => {
    const content = await soundContent();
    const bob = content.accounts[1]!;
    // Paths of 340 junctions (within the 1,024 characters a path may have): each one a derivation.
    content.accounts = Array.from({ length: 400 }, (_, i) => ({
      ...bob,
      name: `n${i}`,
      path: `//${i % 10}`.repeat(340),
      publicKey: `0x${i.toString(16).padStart(64, '0')}`,
    }));
    const started = performance.now();
    await expect(checkBackupContent(content, 'backup x')).rejects.toThrow(
      new RegExp(
        `^backup x asks for [\\d,]+ key derivations and checks, more than the ${MAX_KEY_WORK.toLocaleString('en')}`,
        'u',
      ),
    );
    // Deriving them would take minutes.
    expect(performance.now() - started).toBeLessThan(2000);
  });
});

describe("what the vault's own writes make is sound", () => {
  it('a name numbered by an import past 64 characters, a bidi mark a person typed, an Ethereum address, a Ledger identity', async () => {
    const content = await soundContent();
    content.accounts[0]!.name = `${'a'.repeat(64)} (2)`;
    content.accounts[1]!.name = 'bob \u202e';
    content.identities.push({
      id: 'dddddddddddddddd',
      name: 'nano',
      kind: 'ledger',
      createdAt: '2025-03-01T12:00:00.000Z',
    });
    content.accounts.push({
      ...content.accounts[1]!,
      name: 'nano-0',
      identity: 'dddddddddddddddd',
      type: 'ed25519',
      path: "m/44'/354'/0'/0'/0'",
      publicKey: `0x${'ab'.repeat(32)}`,
    });
    content.addresses.push({
      name: 'alith',
      address: '0xf24FF3a9CF04c71Dbc94D0b566f7A27B94566cac',
      network: 'moonbeam',
      note: '',
      createdAt: '2025-03-01T12:00:00.000Z',
    });
    expect(structureProblem(content, SETTINGS)).toBeUndefined();
    content.accounts[1]!.name = 'bob \u202e ';
    expect(structureProblem(content, SETTINGS)).toBe('account "bob \\u202e " has spaces around its name');
    content.accounts[1]!.name = 'b'.repeat(65);
    expect(structureProblem(content, SETTINGS)).toMatch(/^account "b{39}…" has a name longer than 64 characters$/u);
  });
});

describe.concurrent('a vault with a bad entry', () => {
  it.each(DEFECTS.filter((d) => d.onOpen))('says which entry is wrong when opened: $what', async (defect) => {
    const path = await sealed('airlock-vault', { ...(await spoiled(defect)), settings: SETTINGS });
    const opening = VaultSession.unlock(path, bytes(PASSWORD));
    await expect(opening).rejects.toBeInstanceOf(DamagedFileError);
    await expect(opening).rejects.toThrow(new RegExp(`^vault ${path} is damaged: ${defect.message.source}`, 'u'));
    expect(await readdir(join(path, '..'))).toEqual(['vault.json']);
  });

  it('names an unknown default network', async () => {
    const path = await sealed('airlock-vault', {
      ...(await soundContent()),
      settings: { defaultNetwork: '__proto__' },
    });
    await expect(VaultSession.unlock(path, bytes(PASSWORD))).rejects.toThrow(
      /is damaged: the default network "__proto__" is not a network airlock knows/,
    );
  });

  it('a sound vault opens', async () => {
    const session = await VaultSession.unlock(
      await sealed('airlock-vault', { ...(await soundContent()), settings: SETTINGS }),
      bytes(PASSWORD),
    );
    expect(session.data.accounts).toHaveLength(3);
    session.close();
  });
});
