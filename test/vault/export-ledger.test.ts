import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Keyring } from '@polkadot/keyring';
import type { KeyringPair$Json } from '@polkadot/keyring/types';
import { cryptoWaitReady, ed25519PairFromSeed, encodeAddress, signatureVerify } from '@polkadot/util-crypto';
import type { EncryptedJson } from '@polkadot/util-crypto/types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recoverLedgerAddresses } from '../../src/ledger/recover.js';
import { saveRecoveredLedger } from '../../src/vault/save-ledger.js';
import { findNetwork } from '../../src/vault/networks.js';
import { exportBackup } from '../../src/vault/export.js';
import vectors from '../fixtures/ledger-hd-vectors.json' with { type: 'json' };
import { openTestVault } from '../helpers/vault.js';

const PASSWORD = 'file-password-42';
const MESSAGE = new Uint8Array(Buffer.from('signed by a recovered Ledger key'));
// The published vector with a 25th word: Polkadot, account 0, address 0.
const VECTOR = vectors.vectors.find((v) => v.slip44 === 354 && v.passphrase !== '')!;

let dir: string;
beforeAll(async () => {
  await cryptoWaitReady();
  dir = await mkdtemp(join(tmpdir(), 'airlock-export-ledger-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('a Ledger recovered from its words, exported to polkadot.js', () => {
  it('writes the key the device derives (passphrase included), which signs in polkadot.js', async () => {
    const phrase = vectors.mnemonics[VECTOR.mnemonic as keyof typeof vectors.mnemonics];
    const passphrase = new Uint8Array(Buffer.from(VECTOR.passphrase));
    const session = await openTestVault();
    const network = findNetwork('polkadot');
    const found = recoverLedgerAddresses({ phrase, passphrase, accounts: 1, index: 0, ss58Prefix: network.prefix });
    await saveRecoveredLedger(session, 'nano', { phrase, passphrase }, found, network);
    const expected = encodeAddress(ed25519PairFromSeed(Buffer.from(VECTOR.seed.slice(2), 'hex')).publicKey, 0);
    expect(found[0]?.address).toBe(expected);

    const path = join(dir, 'nano.json');
    await exportBackup(path, session.data, new Uint8Array(Buffer.from(PASSWORD)), {
      format: 'polkadot-js',
      accounts: [session.data.accounts[0]!.name],
    });
    const pair = new Keyring({ type: 'ed25519' }).addFromJson(
      JSON.parse(await readFile(path, 'utf8')) as KeyringPair$Json,
    );
    pair.decodePkcs8(PASSWORD);
    expect(pair.address).toBe(encodeAddress(pair.publicKey, 42));
    expect(signatureVerify(MESSAGE, pair.sign(MESSAGE), expected).isValid).toBe(true);
    session.close();
  });
});

describe('the same account in a polkadot.js batch', () => {
  it('is derived in the key pool with its passphrase', async () => {
    const phrase = vectors.mnemonics[VECTOR.mnemonic as keyof typeof vectors.mnemonics];
    const passphrase = new Uint8Array(Buffer.from(VECTOR.passphrase));
    const session = await openTestVault();
    const network = findNetwork('polkadot');
    const found = recoverLedgerAddresses({ phrase, passphrase, accounts: 2, index: 0, ss58Prefix: network.prefix });
    await saveRecoveredLedger(session, 'nano', { phrase, passphrase }, found, network);
    const path = join(dir, 'nano-batch.json');
    const receipt = await exportBackup(path, session.data, new Uint8Array(Buffer.from(PASSWORD)), {
      format: 'polkadot-js-batch',
    });
    expect(receipt.accounts).toHaveLength(2);
    const keyring = new Keyring({ type: 'ed25519' });
    const { jsonDecrypt } = await import('@polkadot/util-crypto');
    const inner = JSON.parse(
      Buffer.from(jsonDecrypt(JSON.parse(await readFile(path, 'utf8')) as EncryptedJson, PASSWORD)).toString('utf8'),
    ) as KeyringPair$Json[];
    const pairs = inner.map((json) => keyring.addFromJson(json));
    pairs.forEach((pair) => pair.decodePkcs8(PASSWORD));
    expect(pairs.map((p) => encodeAddress(p.publicKey, 0))).toEqual(found.map((f) => f.address));
    session.close();
  });
});
