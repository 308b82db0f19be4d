import { mkdtemp, readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Keyring as PairKeyring } from '@polkadot/keyring';
import type { KeyringPair$Json } from '@polkadot/keyring/types';
import { Keyring } from '@polkadot/ui-keyring';
import type { KeyringJson, KeyringPairs$Json, KeyringStore } from '@polkadot/ui-keyring/types';
import { cryptoWaitReady, signatureVerify } from '@polkadot/util-crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.js';
import * as actions from '../../src/vault/actions.js';
import { removeAccount } from '../../src/vault/accounts.js';
import { backupContent, writeVerified } from '../../src/vault/backup.js';
import { exportBackup } from '../../src/vault/export.js';
import { planImport } from '../../src/vault/import-plan.js';
import { emptyVaultData, type VaultData } from '../../src/vault/model.js';
import { openBackupFile } from '../../src/vault/open-backup.js';
import type { VaultSession } from '../../src/vault/store.js';
import {
  ALICE,
  ALICE_ECDSA_SUBSTRATE,
  ALICE_ED25519_SUBSTRATE,
  ALITH,
  BOB,
  CHARLIE,
  DEV_PHRASE,
  ETHEREUM_PATH,
} from '../helpers/dev-keys.js';
import { openTestVault } from '../helpers/vault.js';

const bytes = (s: string) => new Uint8Array(Buffer.from(s, 'utf8'));
const PASSWORD = 'backup password 1';
const MESSAGE = bytes('airlock export test message');
const KUSAMA_GENESIS = '0xb0a8d493285c2df73290dfb7e61f870f17b41801197a149ca93654499ea3dafe';

class MemoryStore implements KeyringStore {
  readonly #items = new Map<string, KeyringJson>();
  all(cb: (key: string, value: KeyringJson) => void) {
    for (const [key, value] of this.#items) cb(key, value);
  }
  get(key: string, cb: (value: KeyringJson) => void) {
    cb(this.#items.get(key)!);
  }
  remove(key: string, cb?: () => void) {
    this.#items.delete(key);
    cb?.();
  }
  set(key: string, value: KeyringJson, cb?: () => void) {
    this.#items.set(key, value);
    cb?.();
  }
}

let dir: string;
let keyring: Keyring;
let session: VaultSession;

/** A vault with derived accounts of all four types, a Ledger account, and keys imported from a polkadot.js file. */
async function richVault(): Promise<VaultSession> {
  const vault = await openTestVault({ dev: true });
  const derive = (name: string, type: 'sr25519' | 'ed25519' | 'ecdsa' | 'ethereum', path: string) =>
    actions.deriveAccount(vault, { identity: 'dev', name, type, path, network: 'substrate' });
  await derive('alice sr', 'sr25519', '//Alice');
  await derive('alice ed', 'ed25519', '//Alice');
  await derive('alice ecdsa', 'ecdsa', '//Alice');
  await derive('alith', 'ethereum', ETHEREUM_PATH);
  await vault.update((data) => ({
    data: {
      ...data,
      identities: [
        ...data.identities,
        { id: '00000000000000aa', name: 'nano', kind: 'ledger', createdAt: '2026-01-01T00:00:00.000Z' },
      ],
      accounts: [
        ...data.accounts,
        {
          name: 'ledger 0',
          identity: '00000000000000aa',
          type: 'ed25519',
          path: "m/44'/354'/0'/0'/0'",
          publicKey: CHARLIE.publicKey,
          network: 'polkadot',
          createdAt: '2026-01-01T00:00:00.000Z',
        },
      ],
    },
    result: undefined,
  }));
  // Bob comes in from a file polkadot.js wrote, tied to Kusama by its genesis hash.
  const bob = new PairKeyring({ type: 'sr25519' }).addFromUri(`${DEV_PHRASE}//Bob`, {
    name: 'bob',
    genesisHash: KUSAMA_GENESIS,
  });
  const bobFile = join(dir, 'bob.json');
  await writeFile(bobFile, JSON.stringify(bob.toJson('bob password')));
  const opened = await openBackupFile(bobFile, bytes('bob password'));
  await actions.importBackup(vault, opened.content);
  return vault;
}

beforeAll(async () => {
  await cryptoWaitReady();
  keyring = new Keyring();
  keyring.loadAll({ type: 'sr25519', store: new MemoryStore(), isDevelopment: false });
  dir = await mkdtemp(join(tmpdir(), 'airlock-export-'));
  session = await richVault();
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const publicKeys = (data: Pick<VaultData, 'accounts'>) =>
  data.accounts.map((a) => `${a.name} ${a.type} ${a.publicKey}`);

describe('a polkadot.js file imported into the vault', () => {
  it('becomes an imported identity holding the key, on the network its genesis hash names', () => {
    const identity = session.data.identities.find((i) => i.name === 'bob');
    expect(identity).toMatchObject({ kind: 'imported', keys: [{ publicKey: BOB.publicKey }] });
    expect(session.data.accounts.find((a) => a.name === 'bob')).toMatchObject({
      publicKey: BOB.publicKey,
      network: 'kusama',
      path: '',
    });
  });

  it('takes its key with it when its account is removed', () => {
    const { data } = removeAccount(session.data, 'bob');
    expect(data.identities.find((i) => i.name === 'bob')).toMatchObject({ kind: 'imported', keys: [] });
  });
});

describe('export in every format, read back from the file', () => {
  it('airlock: the whole vault comes back, imported keys included', async () => {
    const path = join(dir, 'all.json');
    const receipt = await exportBackup(path, session.data, bytes(PASSWORD), { format: 'airlock' });
    expect(receipt).toMatchObject({ format: 'airlock', file: path });
    const opened = await openBackupFile(path, bytes(PASSWORD));
    expect(opened.format).toBe('airlock');
    expect(opened.content.identities).toEqual(session.data.identities);
    expect(planImport(emptyVaultData(), opened.content).data.accounts).toEqual(session.data.accounts);
  });

  it('polkadot-js-batch: every account, keys where the vault has them, the Ledger account public-only', async () => {
    const path = join(dir, 'batch.json');
    const progress: [number, number][] = [];
    const onKeys = (done: number, total: number) => progress.push([done, total]);
    const receipt = await exportBackup(
      path,
      session.data,
      bytes(PASSWORD),
      { format: 'polkadot-js-batch' },
      { onKeys },
    );
    expect(receipt.accounts).toEqual(session.data.accounts.map((a) => a.name));
    // One report a derived key, up to every account that has one (not the Ledger account).
    const keyed = session.data.accounts.length - 1;
    expect(progress).toEqual(Array.from({ length: keyed }, (_, i) => [i + 1, keyed]));

    const opened = await openBackupFile(path, bytes(PASSWORD));
    expect(opened.format).toBe('polkadot-js-batch');
    expect(opened.locked).toEqual([]);
    expect(publicKeys(opened.content)).toEqual(publicKeys(session.data));
    const [identity] = opened.content.identities;
    // Every account but the Ledger one carries its key.
    expect(identity?.kind === 'imported' && identity.keys.map((k) => k.publicKey)).toEqual(
      session.data.accounts.filter((a) => a.name !== 'ledger 0').map((a) => a.publicKey),
    );

    keyring.restoreAccounts(JSON.parse(await readFile(path, 'utf8')) as KeyringPairs$Json, PASSWORD);
    for (const signer of [ALICE.substrate, ALICE_ED25519_SUBSTRATE, ALICE_ECDSA_SUBSTRATE, ALITH, BOB.substrate]) {
      const pair = keyring.getPair(signer);
      pair.unlock(PASSWORD);
      expect(signatureVerify(MESSAGE, pair.sign(MESSAGE), signer).isValid).toBe(true);
    }
    expect(keyring.getPair(CHARLIE.publicKey).meta).toMatchObject({
      name: 'ledger 0',
      isExternal: true,
      isHardware: true,
      hardwareType: 'ledger',
      accountIndex: 0,
      addressOffset: 0,
    });
  });

  it('polkadot-js: one account, here an imported key, opens and signs in polkadot.js', async () => {
    const path = join(dir, 'bob-again.json');
    await exportBackup(path, session.data, bytes(PASSWORD), { format: 'polkadot-js', accounts: ['bob'] });
    const json = JSON.parse(await readFile(path, 'utf8')) as KeyringPair$Json;
    expect(json.meta).toMatchObject({ name: 'bob', genesisHash: KUSAMA_GENESIS });
    const pair = new PairKeyring({ type: 'sr25519' }).addFromJson(json);
    pair.decodePkcs8(PASSWORD);
    expect(signatureVerify(MESSAGE, pair.sign(MESSAGE), BOB.substrate).isValid).toBe(true);
  });

  it('polkadot-js refuses more than one account before writing anything', async () => {
    const path = join(dir, 'two.json');
    await expect(
      exportBackup(path, session.data, bytes(PASSWORD), { format: 'polkadot-js', accounts: ['alice sr', 'bob'] }),
    ).rejects.toThrow(/holds one account/);
    await expect(readFile(path)).rejects.toMatchObject({ code: 'ENOENT' });
  });
});

describe('a backup of chosen accounts', () => {
  it('carries the keys of those accounts only, and an import keeps no key without its account', () => {
    const loose = {
      id: '00000000000000cc',
      name: 'loose',
      kind: 'imported' as const,
      createdAt: 't',
      keys: [
        { publicKey: '0x01', pkcs8: '0xaa' },
        { publicKey: '0x02', pkcs8: '0xbb' },
      ],
    };
    const account = (name: string, publicKey: string) => ({
      name,
      identity: loose.id,
      type: 'sr25519' as const,
      path: '',
      publicKey,
      network: 'substrate',
      createdAt: 't',
    });
    const data = {
      ...emptyVaultData(),
      identities: [loose],
      accounts: [account('one', '0x01'), account('two', '0x02')],
    };
    const content = backupContent(data, ['one']);
    expect(content.identities).toEqual([{ ...loose, keys: [loose.keys[0]] }]);
    // A file that carries a key with no account for it: the key stays out.
    const imported = planImport(emptyVaultData(), {
      identities: [loose],
      accounts: [account('two', '0x02')],
      addresses: [],
    }).data;
    expect(imported.identities).toEqual([{ ...loose, keys: [loose.keys[1]] }]);
  });
});

describe('importing what was exported', () => {
  it('skips every account already in the vault, and the identity with them', async () => {
    const path = join(dir, 'again.json');
    await exportBackup(path, session.data, bytes(PASSWORD), {
      format: 'polkadot-js-batch',
      accounts: ['alice sr', 'bob'],
    });
    const plan = planImport(session.data, (await openBackupFile(path, bytes(PASSWORD))).content);
    expect(plan.entries).toEqual([
      { kind: 'identity', name: 'again', action: 'skip', reason: 'its accounts are all in the vault already' },
      { kind: 'account', name: 'alice sr', action: 'skip', existing: 'alice sr' },
      { kind: 'account', name: 'bob', action: 'skip', existing: 'bob' },
    ]);
    expect(plan.data.identities).toEqual(session.data.identities);
  });

  it('brings only the keys of the accounts it adds', async () => {
    const path = join(dir, 'partial.json');
    await exportBackup(path, session.data, bytes(PASSWORD), {
      format: 'polkadot-js-batch',
      accounts: ['alice sr', 'alice ed'],
    });
    const { data: here, account: aliceEd } = removeAccount(session.data, 'alice ed');
    const plan = planImport(here, (await openBackupFile(path, bytes(PASSWORD))).content);
    expect(plan.entries.map((e) => `${e.kind} ${e.name} ${e.action}`)).toEqual([
      'identity partial add',
      'account alice sr skip',
      'account alice ed add',
    ]);
    const added = plan.data.identities.find((i) => i.name === 'partial');
    expect(added).toMatchObject({ kind: 'imported', keys: [{ publicKey: aliceEd.publicKey }] });
    expect(added?.kind === 'imported' && added.keys).toHaveLength(1);
  });
});

describe('a file that does not verify', () => {
  it('never takes the name: an older file stays as it was, and no temp file is left', async () => {
    const folder = await mkdtemp(join(dir, 'verify-'));
    const path = join(folder, 'backup.json');
    await writeFile(path, 'the older backup');
    const failing = () => Promise.reject(new UserError('it does not hold what was meant', 'see what the check says'));
    const error = (await writeVerified(path, '{"x":1}', failing).catch((e: unknown) => e)) as UserError;
    expect(error).toBeInstanceOf(UserError);
    expect(error.message).toMatch(/^verifying .*backup\.json failed: it does not hold what was meant$/);
    // The file read back as written: the medium is not to blame, and the check's own hint stands.
    expect(error.hint).toBe('see what the check says');
    expect(await readFile(path, 'utf8')).toBe('the older backup');
    expect(await readdir(folder)).toEqual(['backup.json']);
  });

  it("says which account's key is wrong when the vault's key does not give the account, not that the medium fails", async () => {
    // An account listed under the dev words at //Alice but holding Bob's public key, as a damaged entry would.
    const alice = session.data.accounts.find((a) => a.name === 'alice sr')!;
    const data = { ...session.data, accounts: [{ ...alice, name: 'not alice', publicKey: BOB.publicKey }] };
    for (const format of ['polkadot-js', 'polkadot-js-batch'] as const) {
      const path = join(dir, `wrong-key-${format}.json`);
      const error = (await exportBackup(path, data, bytes(PASSWORD), { format }).catch((e: unknown) => e)) as UserError;
      expect(error).toBeInstanceOf(UserError);
      expect(error.message).toBe(
        `verifying ${path} failed: the key the vault holds for account "not alice" is that of ${ALICE.substrate}, not of the account's own address ${BOB.substrate}`,
      );
      expect(error.hint).toBe(
        "the vault's entry for that account is wrong: remove the account, then derive or import it again",
      );
      expect(await readdir(dir)).not.toContain(`wrong-key-${format}.json`);
    }
  });

  it('clears temp files an earlier export left on a pulled medium, but not one in flight', async () => {
    const folder = await mkdtemp(join(dir, 'temps-'));
    const path = join(folder, 'backup.json');
    const old = join(folder, '.backup.json.0123456789ab.tmp');
    const fresh = join(folder, '.backup.json.ba9876543210.tmp');
    await writeFile(old, 'sealed bytes');
    await writeFile(fresh, 'sealed bytes');
    const hourAgo = new Date(Date.now() - 60 * 60 * 1000);
    await utimes(old, hourAgo, hourAgo);
    await writeVerified(path, '{"x":1}', (written) => {
      expect(written).toBe('{"x":1}');
      return Promise.resolve();
    });
    expect((await readdir(folder)).sort()).toEqual(['.backup.json.ba9876543210.tmp', 'backup.json']);
  });
});
