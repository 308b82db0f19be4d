import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planImport } from '../../src/vault/import-plan.js';
import { emptyVaultData } from '../../src/vault/model.js';
import { openBackupFile, unlockBackupAccount } from '../../src/vault/open-backup.js';
import { ALICE, BOB, DEV_PHRASE } from '../helpers/dev-keys.js';
import { openTestVault } from '../helpers/vault.js';

const bytes = (s: string) => new Uint8Array(Buffer.from(s, 'utf8'));
let dir: string;
let pairs: Keyring;

async function file(name: string, json: unknown): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, JSON.stringify(json));
  return path;
}

beforeAll(async () => {
  await cryptoWaitReady();
  pairs = new Keyring({ type: 'sr25519' });
  dir = await mkdtemp(join(tmpdir(), 'airlock-open-backup-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('openBackupFile', () => {
  it('names the imported identity after the file and keeps the network of the address prefix', async () => {
    const alice = pairs.addFromUri(`${DEV_PHRASE}//Alice`, { name: 'alice' });
    alice.setMeta({ name: 'alice' });
    const json = { ...alice.toJson('pw-alice'), address: ALICE.kusama };
    const opened = await openBackupFile(await file('my keys.json', json), bytes('pw-alice'));
    expect(opened.format).toBe('polkadot-js');
    expect(opened.content.identities).toMatchObject([{ kind: 'imported', name: 'my keys' }]);
    expect(opened.content.accounts).toMatchObject([
      { name: 'alice', publicKey: ALICE.publicKey, network: 'kusama', path: '' },
    ]);
  });

  it('drops what could rewrite the terminal from names, and names nameless accounts', async () => {
    const alice = pairs.addFromUri(`${DEV_PHRASE}//Alice`, { name: '\u001b[2Jevil\u202Eeman' });
    const bob = pairs.addFromUri(`${DEV_PHRASE}//Bob`, {});
    const path = await file('\u001b]0;x.json', [alice.toJson('pw'), bob.toJson('pw')]);
    const opened = await openBackupFile(path, bytes('pw'));
    expect(opened.format).toBe('polkadot-js-list');
    expect(opened.content.identities[0]?.name).toBe(']0;x');
    expect(opened.content.accounts.map((a) => a.name)).toEqual(['[2Jevileman', 'imported 2']);
  });

  it('opens locked accounts one by one with their own passwords', async () => {
    const alice = pairs.addFromUri(`${DEV_PHRASE}//Alice`, { name: 'alice' });
    const bob = pairs.addFromUri(`${DEV_PHRASE}//Bob`, { name: 'bob' });
    let opened = await openBackupFile(
      await file('two.json', [alice.toJson('first'), bob.toJson('second')]),
      bytes('first'),
    );
    expect(opened.locked.map((l) => l.name)).toEqual(['bob']);
    await expect(unlockBackupAccount(opened, opened.locked[0]!, bytes('first'))).rejects.toThrow(/wrong password/);
    opened = await unlockBackupAccount(opened, opened.locked[0]!, bytes('second'));
    expect(opened.locked).toEqual([]);
    expect(opened.content.accounts.map((a) => a.publicKey)).toEqual([ALICE.publicKey, BOB.publicKey]);
    const [identity] = opened.content.identities;
    expect(identity?.kind === 'imported' && identity.keys.map((k) => k.publicKey)).toEqual([
      ALICE.publicKey,
      BOB.publicKey,
    ]);
  });

  it('refuses the vault itself, pointing to --vault', async () => {
    const vault = await openTestVault();
    vault.close();
    await expect(openBackupFile(vault.path, bytes('x'))).rejects.toThrow(/is an airlock vault, not a backup/);
  });

  it('says what it cannot read at all', async () => {
    await expect(openBackupFile(await file('other.json', { hello: 'world' }), bytes('x'))).rejects.toThrow(
      /is neither an airlock backup nor a polkadot\.js key file/,
    );
    const text = join(dir, 'notes.txt');
    await writeFile(text, 'just some notes');
    await expect(openBackupFile(text, bytes('x'))).rejects.toThrow(
      /is neither an airlock backup nor a polkadot\.js key file: it is not JSON/,
    );
  });
});

describe('planImport with imported keys', () => {
  it('merges the new keys into an imported identity the vault already has', async () => {
    const alice = pairs.addFromUri(`${DEV_PHRASE}//Alice`, { name: 'alice' });
    const bob = pairs.addFromUri(`${DEV_PHRASE}//Bob`, { name: 'bob' });
    const { content } = await openBackupFile(
      await file('both.json', [alice.toJson('pw'), bob.toJson('pw')]),
      bytes('pw'),
    );
    const [identity] = content.identities;
    if (identity?.kind !== 'imported') throw new Error('expected an imported identity');
    // The vault got Alice from this same identity earlier (as from an airlock backup of it).
    const earlier = { ...identity, keys: identity.keys.slice(0, 1) };
    const here = { ...emptyVaultData(), identities: [earlier], accounts: content.accounts.slice(0, 1) };
    const plan = planImport(here, content);
    expect(plan.data.identities).toEqual([{ ...earlier, keys: identity.keys }]);
    expect(plan.data.accounts.map((a) => a.name)).toEqual(['alice', 'bob']);
  });
});
