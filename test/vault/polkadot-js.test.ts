import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Keyring } from '@polkadot/keyring';
import { PAIR_DIV, PAIR_HDR } from '@polkadot/keyring/pair/defaults';
import type { KeyringPair, KeyringPair$Json } from '@polkadot/keyring/types';
import { stringToU8a, u8aConcat, u8aFixLength, u8aToHex } from '@polkadot/util';
import {
  base64Decode,
  cryptoWaitReady,
  jsonEncryptFormat,
  naclEncrypt,
  randomAsU8a,
  scryptEncode,
  scryptToU8a,
  signatureVerify,
} from '@polkadot/util-crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fixture from '../fixtures/polkadot-js/keyring-spec.json' with { type: 'json' };
import {
  ALICE,
  ALICE_ECDSA_SUBSTRATE,
  ALICE_ED25519_SUBSTRATE,
  ALITH,
  DEV_PHRASE,
  ETHEREUM_PATH,
} from '../helpers/dev-keys.js';
import {
  decodeKeyFile,
  encodeAccountJson,
  encodeExternalAccountJson,
  type DecodedAccount,
  type KeyInput,
} from '../../src/vault/polkadot-js.js';
import { addressOf, type KeyType } from '../../src/vault/keys.js';

const bytes = (s: string) => new Uint8Array(Buffer.from(s, 'utf8'));
const MESSAGE = bytes('airlock test message');

/** A key as polkadot.js's own keyring reads the decoded secret, signing a message the verifier checks against `signer`. */
function signsAs(account: DecodedAccount, signer: string): boolean {
  const pair = new Keyring({ type: account.type }).createFromJson({
    address: account.publicKey,
    encoded: Buffer.from(account.secret!.pkcs8).toString('base64'),
    encoding: { content: ['pkcs8', account.type], type: ['none'], version: '3' },
    meta: {},
  });
  pair.unlock();
  return signatureVerify(MESSAGE, pair.sign(MESSAGE), signer).isValid;
}

/** The scrypt N a file states, read from its `encoded` bytes. */
const scryptN = (json: { encoded: string }) => Buffer.from(base64Decode(json.encoded)).readUInt32LE(32);

/** `pair.toJson(password)` as @polkadot/keyring 12 and 13 wrote it, when util-crypto's default scrypt N was 2^15. */
function toJsonN15(pair: KeyringPair, password: string): KeyringPair$Json {
  const { params, password: key, salt } = scryptEncode(password, randomAsU8a(), { N: 1 << 15, p: 1, r: 8 });
  const { encrypted, nonce } = naclEncrypt(pair.encodePkcs8(), key.subarray(0, 32));
  const encoded = u8aConcat(scryptToU8a(salt, params), nonce, encrypted);
  const address = ['ecdsa', 'ethereum'].includes(pair.type) ? u8aToHex(pair.publicKey) : pair.address;
  return { ...jsonEncryptFormat(encoded, ['pkcs8', pair.type], true), address, meta: pair.meta };
}

/**
 * A version 0 or 2 file as @polkadot/keyring wrote them before scrypt: generation 1-2 layout
 * (the 32-byte seed), sealed with the UTF-8 password cut or zero-padded to 256 bits, hex.
 */
function legacyJson(pair: KeyringPair, seed: Uint8Array, password: string, version: '0' | '2'): KeyringPair$Json {
  const plain = u8aConcat(PAIR_HDR, seed, PAIR_DIV, pair.publicKey);
  const { encrypted, nonce } = naclEncrypt(plain, u8aFixLength(stringToU8a(password), 256, true));
  const encoding =
    version === '0'
      ? { content: 'pkcs8', type: 'xsalsa20-poly1305', version: '0' }
      : { content: ['pkcs8', pair.type], type: 'xsalsa20-poly1305', version: '2' };
  const address = ['ecdsa', 'ethereum'].includes(pair.type) ? u8aToHex(pair.publicKey) : pair.address;
  return {
    address,
    encoded: u8aToHex(u8aConcat(nonce, encrypted)),
    encoding,
    meta: { name: `v${version}` },
  } as unknown as KeyringPair$Json;
}

let dir: string;
let count = 0;
/** Writes `json` to a real file and reads it back as text. */
async function throughFile(json: unknown): Promise<string> {
  const path = join(dir, `account-${++count}.json`);
  await writeFile(path, JSON.stringify(json));
  return readFile(path, 'utf8');
}

beforeAll(async () => {
  await cryptoWaitReady();
  dir = await mkdtemp(join(tmpdir(), 'airlock-polkadot-js-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('published polkadot.js key files (polkadot-js/common keyring/src/index.spec.ts)', () => {
  it.each(fixture.files.map((f) => [f.label, f] as const))('%s', async (_label, file) => {
    const { format, accounts } = await decodeKeyFile(await throughFile(file.json), bytes(file.password));
    expect(format).toBe('account');
    const [account] = accounts;
    expect(account!.type).toBe(file.type);
    if ('publicKey' in file) expect(account!.publicKey).toBe(file.publicKey);
    const prefix = 'ss58Prefix' in file ? file.ss58Prefix : undefined;
    const address =
      prefix === undefined
        ? account!.address
        : addressOf(Buffer.from(account!.publicKey.slice(2), 'hex'), 'ecdsa', prefix);
    expect(address).toBe(file.address);
    expect(signsAs(account!, file.address)).toBe(true);
  });
});

describe('files written by @polkadot/keyring', () => {
  const PASSWORD = 'correct horse battery staple';

  it('reads pair.toJson() of @polkadot/keyring 14 (scrypt N=2^17), off the event loop', async () => {
    const pair = new Keyring({ type: 'sr25519' }).addFromUri(`${DEV_PHRASE}//Alice`, { name: 'alice' });
    const json = pair.toJson(PASSWORD);
    expect(scryptN(json)).toBe(1 << 17);
    const text = await throughFile(json);

    let ticks = 0;
    const timer = setInterval(() => ticks++, 5);
    const started = performance.now();
    const { accounts } = await decodeKeyFile(text, bytes(PASSWORD));
    const elapsed = performance.now() - started;
    clearInterval(timer);
    expect(ticks).toBeGreaterThan(elapsed / 5 / 4);

    expect(accounts[0]).toMatchObject({
      address: ALICE.substrate,
      publicKey: ALICE.publicKey,
      type: 'sr25519',
      name: 'alice',
    });
    expect(signsAs(accounts[0]!, ALICE.substrate)).toBe(true);
  });

  it.each([
    ['ed25519', '//Alice', ALICE_ED25519_SUBSTRATE],
    ['ecdsa', '//Alice', ALICE_ECDSA_SUBSTRATE],
    ['ethereum', `/${ETHEREUM_PATH}`, ALITH],
  ] as const)('reads %s files as @polkadot/keyring 12 and 13 wrote them (N=2^15)', async (type, path, address) => {
    const pair = new Keyring({ type }).addFromUri(`${DEV_PHRASE}${path}`, { name: type });
    const json = toJsonN15(pair, PASSWORD);
    const { accounts } = await decodeKeyFile(await throughFile(json), bytes(PASSWORD));
    expect(accounts[0]).toMatchObject({ address, publicKey: u8aToHex(pair.publicKey), type, name: type });
    expect(signsAs(accounts[0]!, address)).toBe(true);
  });

  const SEED = new Uint8Array(32).map((_, i) => i + 1);
  it.each([
    ['0', 'ed25519', 'testing'],
    ['0', 'sr25519', 'testing'],
    ['2', 'ecdsa', 'a password longer than thirty-two bytes is cut to 32'],
    ['2', 'ethereum', 'versionTwo'],
  ] as const)('reads version %s hex files (%s)', async (version, type, password) => {
    const pair = new Keyring({ type }).addFromSeed(SEED);
    const json = legacyJson(pair, SEED, password, version);
    // The construction is the one polkadot.js reads: its own keyring opens it.
    const theirs = new Keyring({ type }).createFromJson(json);
    theirs.unlock(password);
    expect(theirs.address).toBe(pair.address);

    const { accounts } = await decodeKeyFile(await throughFile(json), bytes(password));
    expect(accounts[0]).toMatchObject({ address: pair.address, publicKey: u8aToHex(pair.publicKey), type });
    expect(signsAs(accounts[0]!, pair.address)).toBe(true);
  });
});

describe('files written by encodeAccountJson open in polkadot.js', () => {
  const PASSWORD = 'pässwörd ✓ 42';

  it.each([
    ['sr25519', '//Alice', ALICE.substrate],
    ['ed25519', '//Alice', ALICE_ED25519_SUBSTRATE],
    ['ecdsa', '//Alice', ALICE_ECDSA_SUBSTRATE],
    ['ethereum', ETHEREUM_PATH, ALITH],
  ] as const)('%s', async (type: KeyType, path, address) => {
    const input: KeyInput = { phrase: DEV_PHRASE, path, type };
    const meta = {
      name: `dev ${type}`,
      genesisHash: '0x91b171bb158e2d3848fa23a9f1c25182fb8e20313b2c1eb49219da7a70ce90c3',
    } as const;
    const json = await encodeAccountJson(input, bytes(PASSWORD), meta);
    expect(json.encoding).toEqual({ content: ['pkcs8', type], type: ['scrypt', 'xsalsa20-poly1305'], version: '3' });
    expect(scryptN(json)).toBe(1 << 15);
    expect(json.meta).toMatchObject({ ...meta, whenCreated: expect.any(Number) as unknown });
    const text = await throughFile(json);

    const pair = new Keyring({ type }).createFromJson(JSON.parse(text) as KeyringPair$Json);
    pair.unlock(PASSWORD);
    expect(pair.address).toBe(address);
    expect(signatureVerify(MESSAGE, pair.sign(MESSAGE), address).isValid).toBe(true);

    const { accounts } = await decodeKeyFile(text, bytes(PASSWORD));
    expect(accounts[0]).toMatchObject({ address, type, name: meta.name, meta: { genesisHash: meta.genesisHash } });
  });

  it('writes Substrate addresses in the prefix asked for', async () => {
    const json = await encodeAccountJson(
      { phrase: DEV_PHRASE, path: '//Alice', type: 'sr25519', ss58Prefix: 0 },
      bytes('pw'),
      { name: 'a' },
    );
    expect(json.address).toBe(ALICE.polkadot);
    const { accounts } = await decodeKeyFile(JSON.stringify(json), bytes('pw'));
    expect(accounts[0]!.address).toBe(ALICE.polkadot);
  });

  it('keeps the secret out of JSON and out of the file', async () => {
    const json = await encodeAccountJson({ phrase: DEV_PHRASE, path: '//Alice', type: 'ed25519' }, bytes('pw'), {
      name: 'a',
    });
    const { accounts } = await decodeKeyFile(JSON.stringify(json), bytes('pw'));
    const secret = accounts[0]!.secret!;
    const seed = Buffer.from(secret.pkcs8.subarray(PAIR_HDR.length, PAIR_HDR.length + 32));
    expect(JSON.stringify(accounts)).not.toContain('pkcs8');
    expect(Buffer.from(base64Decode(json.encoded)).includes(seed)).toBe(false);
    secret.wipe();
    expect(secret.pkcs8.every((b) => b === 0)).toBe(true);
  });

  it('writes watch-only and Ledger accounts as keyring.addFromAddress(…).toJson() does', async () => {
    const publicKey = Buffer.from(ALICE.publicKey.slice(2), 'hex');
    const meta = {
      name: 'ledger',
      isHardware: true,
      hardwareType: 'ledger',
      accountIndex: 0,
      addressOffset: 0,
      whenCreated: 1,
    } as const;
    const ours = encodeExternalAccountJson({ publicKey, type: 'sr25519' }, meta);
    const theirs = new Keyring({ type: 'sr25519' })
      .addFromAddress(ALICE.substrate, { ...meta, isExternal: true }, null)
      .toJson();
    expect(ours).toEqual(theirs);

    const { accounts } = await decodeKeyFile(await throughFile(ours), bytes('any password'));
    expect(accounts[0]).toMatchObject({
      address: ALICE.substrate,
      publicKey: ALICE.publicKey,
      secret: undefined,
      meta: { isExternal: true },
    });
  });

  it('writes an ecdsa watch-only account with its whole public key', async () => {
    const pair = new Keyring({ type: 'ecdsa' }).addFromUri(`${DEV_PHRASE}//Alice`);
    const ours = encodeExternalAccountJson(
      { publicKey: pair.publicKey, type: 'ecdsa' },
      { name: 'watch', whenCreated: 1 },
    );
    expect(new Keyring({ type: 'ecdsa' }).createFromJson(ours as KeyringPair$Json).address).toBe(ALICE_ECDSA_SUBSTRATE);
    const { accounts } = await decodeKeyFile(JSON.stringify(ours), bytes('x'));
    expect(accounts[0]).toMatchObject({
      address: ALICE_ECDSA_SUBSTRATE,
      publicKey: u8aToHex(pair.publicKey),
      secret: undefined,
    });
  });
});
