import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Keyring as PairKeyring } from '@polkadot/keyring';
import type { KeyringPair$Json } from '@polkadot/keyring/types';
import { Keyring } from '@polkadot/ui-keyring';
import type { KeyringJson, KeyringPairs$Json, KeyringStore } from '@polkadot/ui-keyring/types';
import { u8aToString } from '@polkadot/util';
import { base64Decode, cryptoWaitReady, jsonDecrypt, signatureVerify } from '@polkadot/util-crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WrongPasswordError } from '../../src/errors.js';
import {
  decodeKeyFile,
  encodeAccountJson,
  encodeBatchJson,
  encodeExternalAccountJson,
  unlockAccount,
  type BatchAccount,
  type DecodedAccount,
} from '../../src/vault/polkadot-js.js';
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

const bytes = (s: string) => new Uint8Array(Buffer.from(s, 'utf8'));
const MESSAGE = bytes('airlock batch test message');
const scryptN = (encoded: string) => Buffer.from(base64Decode(encoded)).readUInt32LE(32);

/** ui-keyring's storage interface, kept in memory (the browser store needs localStorage). */
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

/** ui-keyring loads once per process, as in the extension's background page. */
let keyring: Keyring;

function signsAs(account: DecodedAccount, signer: string): boolean {
  const pair = new PairKeyring({ type: account.type }).createFromJson({
    address: account.publicKey,
    encoded: Buffer.from(account.secret!.pkcs8).toString('base64'),
    encoding: { content: ['pkcs8', account.type], type: ['none'], version: '3' },
    meta: {},
  });
  pair.unlock();
  return signatureVerify(MESSAGE, pair.sign(MESSAGE), signer).isValid;
}

let dir: string;
let count = 0;
async function throughFile(json: unknown): Promise<string> {
  const path = join(dir, `batch-${++count}.json`);
  await writeFile(path, JSON.stringify(json));
  return readFile(path, 'utf8');
}

beforeAll(async () => {
  await cryptoWaitReady();
  keyring = new Keyring();
  keyring.loadAll({ type: 'sr25519', store: new MemoryStore(), isDevelopment: false });
  dir = await mkdtemp(join(tmpdir(), 'airlock-polkadot-js-batch-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('the extension\'s "export all accounts" (extension-base accountsBatchExport → ui-keyring backupAccounts)', () => {
  it('opens every account the password opens, and the others with their own password', async () => {
    const alice = keyring.addUri(`${DEV_PHRASE}//Alice`, 'first password', { name: 'alice' }, 'sr25519');
    const bob = keyring.addUri(`${DEV_PHRASE}//Bob`, 'second password', { name: 'bob' }, 'sr25519');
    const ledger = keyring.addHardware(CHARLIE.substrate, 'ledger', {
      name: 'ledger',
      accountIndex: 0,
      addressOffset: 0,
    });
    const batch = await keyring.backupAccounts(
      [alice.pair.address, bob.pair.address, ledger.pair.address],
      'first password',
    );

    const file = await decodeKeyFile(await throughFile(batch), bytes('first password'), { what: 'accounts.json' });
    expect(file.format).toBe('batch');
    expect(file.skipped).toEqual([]);
    expect(file.accounts.map((a) => [a.name, a.address, a.secret === undefined])).toEqual([
      ['alice', ALICE.substrate, false],
      ['ledger', CHARLIE.substrate, true],
    ]);
    expect(file.accounts[1]!.meta).toMatchObject({ isHardware: true, isExternal: true, hardwareType: 'ledger' });
    expect(signsAs(file.accounts[0]!, ALICE.substrate)).toBe(true);

    expect(file.locked).toMatchObject([{ index: 1, name: 'bob', address: BOB.substrate }]);
    const locked = file.locked[0]!;
    await expect(unlockAccount(locked, bytes('first password'))).rejects.toThrow(
      /wrong password for the file, account 2 \("bob"\), or the file is damaged/,
    );
    const opened = await unlockAccount(locked, bytes('second password'));
    expect(opened).toMatchObject({ address: BOB.substrate, publicKey: BOB.publicKey, name: 'bob' });
    expect(signsAs(opened, BOB.substrate)).toBe(true);
  });

  it('says a wrong batch password plainly', async () => {
    const batch = await encodeBatchJson(
      [{ account: { phrase: DEV_PHRASE, path: '//Alice', type: 'sr25519' }, meta: { name: 'a' } }],
      bytes('right'),
    );
    await expect(decodeKeyFile(JSON.stringify(batch), bytes('wrong'), { what: 'accounts.json' })).rejects.toSatisfy(
      (e: Error) =>
        e instanceof WrongPasswordError &&
        /^wrong password for accounts\.json, or the file is damaged$/.test(e.message),
    );
  });
});

describe('encodeBatchJson files open in polkadot.js (extension-base batchRestore → ui-keyring restoreAccounts)', () => {
  const PASSWORD = 'one password for all';
  const accounts: BatchAccount[] = [
    { account: { phrase: DEV_PHRASE, path: '//Alice', type: 'sr25519' }, meta: { name: 'alice sr' } },
    { account: { phrase: DEV_PHRASE, path: '//Alice', type: 'ed25519' }, meta: { name: 'alice ed' } },
    { account: { phrase: DEV_PHRASE, path: '//Alice', type: 'ecdsa' }, meta: { name: 'alice ecdsa' } },
    { account: { phrase: DEV_PHRASE, path: ETHEREUM_PATH, type: 'ethereum' }, meta: { name: 'alith' } },
    {
      account: { publicKey: Buffer.from(CHARLIE.publicKey.slice(2), 'hex'), type: 'sr25519' },
      meta: { name: 'ledger', isHardware: true, hardwareType: 'ledger' },
    },
  ];
  const signers = [ALICE.substrate, ALICE_ED25519_SUBSTRATE, ALICE_ECDSA_SUBSTRATE, ALITH];

  it('is restored, unlocked and signs in ui-keyring', async () => {
    const batch = await encodeBatchJson(accounts, bytes(PASSWORD));
    expect(batch.encoding).toEqual({ content: ['batch-pkcs8'], type: ['scrypt', 'xsalsa20-poly1305'], version: '3' });
    expect(scryptN(batch.encoded)).toBe(1 << 15);
    expect(batch.accounts.map((a) => a.meta.name)).toEqual(accounts.map((a) => a.meta.name));
    const text = await throughFile(batch);

    const inner = JSON.parse(
      u8aToString(jsonDecrypt(JSON.parse(text) as KeyringPairs$Json, PASSWORD)),
    ) as KeyringPair$Json[];
    expect(inner.map((json) => json.encoding.type)).toEqual([
      ...signers.map(() => ['scrypt', 'xsalsa20-poly1305']),
      ['none'],
    ]);
    for (const json of inner.slice(0, 4)) expect(scryptN(json.encoded)).toBe(1 << 15);
    // One scrypt run seals every inner account: they share a salt, each with its own nonce.
    const salts = inner
      .slice(0, 4)
      .map((json) => Buffer.from(base64Decode(json.encoded).subarray(0, 32)).toString('hex'));
    const nonces = inner
      .slice(0, 4)
      .map((json) => Buffer.from(base64Decode(json.encoded).subarray(44, 68)).toString('hex'));
    expect(new Set(salts).size).toBe(1);
    expect(new Set(nonces).size).toBe(4);

    keyring.restoreAccounts(JSON.parse(text) as KeyringPairs$Json, PASSWORD);
    for (const [i, signer] of signers.entries()) {
      const pair = keyring.getPair(signer);
      expect(pair.meta.name).toBe(accounts[i]!.meta.name);
      pair.unlock(PASSWORD);
      expect(signatureVerify(MESSAGE, pair.sign(MESSAGE), signer).isValid).toBe(true);
    }
    expect(keyring.getPair(CHARLIE.substrate).meta).toMatchObject({
      name: 'ledger',
      isExternal: true,
      isHardware: true,
    });
  });

  it('reads back in airlock', async () => {
    const batch = await encodeBatchJson(accounts, bytes(PASSWORD));
    const file = await decodeKeyFile(JSON.stringify(batch), bytes(PASSWORD));
    expect(file.accounts.map((a) => a.address)).toEqual([...signers, CHARLIE.substrate]);
    file.accounts.slice(0, 4).forEach((account, i) => expect(signsAs(account, signers[i]!)).toBe(true));
  });

  it('writes each account as ui-keyring would store it', () => {
    const theirs = keyring.addExternal(CHARLIE.substrate, {
      name: 'ledger',
      isHardware: true,
      hardwareType: 'ledger',
    }).json;
    const ours = encodeExternalAccountJson(accounts[4]!.account as { publicKey: Uint8Array; type: 'sr25519' }, {
      ...accounts[4]!.meta,
      whenCreated: theirs.meta.whenCreated,
    });
    expect(ours).toEqual(theirs);
  });
});

describe("apps' JSON array of accounts (ui-keyring backupAccounts(pairs) → KeyringPair$Json[])", () => {
  it('opens the accounts the password opens and lists the rest', async () => {
    const list = [
      await encodeAccountJson({ phrase: DEV_PHRASE, path: '//Alice', type: 'sr25519' }, bytes('shared'), {
        name: 'alice',
      }),
      await encodeAccountJson({ phrase: DEV_PHRASE, path: '//Bob', type: 'sr25519' }, bytes('own'), { name: 'bob' }),
      encodeExternalAccountJson(
        { publicKey: Buffer.from(CHARLIE.publicKey.slice(2), 'hex'), type: 'sr25519' },
        { name: 'watch' },
      ),
    ];
    const file = await decodeKeyFile(await throughFile(list), bytes('shared'));
    expect(file.format).toBe('list');
    expect(file.accounts.map((a) => a.name)).toEqual(['alice', 'watch']);
    expect(file.locked.map((a) => [a.index, a.name, a.address])).toEqual([[1, 'bob', BOB.substrate]]);
    expect((await unlockAccount(file.locked[0]!, bytes('own'))).publicKey).toBe(BOB.publicKey);
  });

  it('sets aside an account it cannot take and reads the others', async () => {
    const list = [
      encodeExternalAccountJson(
        { publicKey: Buffer.from(ALICE.publicKey.slice(2), 'hex'), type: 'sr25519' },
        { name: 'alice' },
      ),
      {
        ...encodeExternalAccountJson(
          { publicKey: Buffer.from(BOB.publicKey.slice(2), 'hex'), type: 'sr25519' },
          { name: 'bls' },
        ),
        encoding: { content: ['pkcs8', 'bls12-381'], type: ['none'], version: '3' },
      },
    ];
    const file = await decodeKeyFile(JSON.stringify(list), bytes('x'));
    expect(file.accounts.map((a) => a.name)).toEqual(['alice']);
    expect(file.skipped).toMatchObject([
      { index: 1, name: 'bls', reason: expect.stringMatching(/type "bls12-381"/) as unknown },
    ]);
  });

  it('stops between accounts when cancelled', async () => {
    const list = [
      encodeExternalAccountJson(
        { publicKey: Buffer.from(ALICE.publicKey.slice(2), 'hex'), type: 'sr25519' },
        { name: 'a' },
      ),
    ];
    const controller = new AbortController();
    controller.abort();
    await expect(decodeKeyFile(JSON.stringify(list), bytes('x'), { signal: controller.signal })).rejects.toThrow(
      /abort/i,
    );
  });
});
