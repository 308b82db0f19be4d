/**
 * End to end: `airlock sign` on the built binary, with requests made by the senders' own code
 * (polkadot.js's createSignPayload and createFrames, a wallet's RFC-0078 proof), real metadata,
 * real pictures of byte-mode QR codes, and signatures checked by polkadot.js's signatureVerify.
 * Every refusal exits 1 with one line, writes nothing and leaves the vault as it was.
 */
import { cp, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { hexToU8a, u8aToHex, u8aWrapBytes } from '@polkadot/util';
import { blake2AsU8a, cryptoWaitReady, signatureVerify } from '@polkadot/util-crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compactLength } from '../../src/sign/request.js';
import * as actions from '../../src/vault/actions.js';
import { VaultSession } from '../../src/vault/store.js';
import {
  OWNER,
  PASSWORD,
  airlockJson,
  airlockOk,
  copyVault,
  createVault,
  expectCleanFailure,
  expectUsageError,
  runAirlock,
  runAirlockInTerminal,
} from '../helpers/cli.js';
import { ALICE, BOB } from '../helpers/dev-keys.js';
import { createScratch } from '../helpers/files.js';
import { METADATA_HEX, POLKADOT_GENESIS } from '../helpers/metadata.js';
import { proofChain, proofRequestPayload } from '../helpers/proof-requests.js';
import {
  CMD_MESSAGE,
  CMD_TRANSACTION,
  picturesOf,
  polkadotJsFrames,
  polkadotJsRequest,
  uosRequest,
} from '../helpers/sign-requests.js';
import { chainFixture, requestPayload } from '../helpers/sign-transactions.js';

interface Signed {
  action: string;
  network: string;
  genesisHash: string;
  account: { name: string; address: string; publicKey: string; type: string };
  call?: {
    pallet: string;
    name: string;
    args: { name: string; value: { kind: string; text?: string; name?: string } }[];
  };
  extensions?: { nonce: string; specVersion: number; metadataHash?: { mode: number } };
  message?: { text: string };
  checkedBy: string;
  signature: string;
}

const polkadot = chainFixture('polkadot', 15);
const DOT = 10_000_000_000n;

/** What polkadot.js signs for a transaction: the payload without its length prefix, hashed when over 256 bytes. */
function signedBytes(payload: Uint8Array): Uint8Array {
  const unprefixed = payload.slice(compactLength(payload)!.offset);
  return unprefixed.length > 256 ? blake2AsU8a(unprefixed, 256) : unprefixed;
}

/** A batch of transfers long enough to need several of polkadot.js's 1,024-byte frames. */
const transferBatch = () =>
  requestPayload(
    polkadot,
    polkadot.api.tx.utility!.batchAll!(
      Array.from({ length: 40 }, (_, i) =>
        polkadot.api.tx.balances!.transferKeepAlive!(BOB.publicKey, BigInt(i + 1) * DOT),
      ),
    ),
  );

const transfer = (amount: bigint) =>
  requestPayload(polkadot, polkadot.api.tx.balances!.transferKeepAlive!(BOB.publicKey, amount), {
    nonce: 7,
    mortal: { current: 1_000, period: 64 },
  });

let scratch: Awaited<ReturnType<typeof createScratch>>;
let template = '';
let files = '';
beforeAll(async () => {
  await cryptoWaitReady();
  scratch = await createScratch('sign');
  files = await scratch.dir('files');
  template = await createVault(join(await scratch.dir('template'), 'vault.json'), { devIdentity: true });
  await writeFile(join(files, 'polkadot-v15.hex'), METADATA_HEX.polkadotV15);
  const vault = ['--vault', template];
  for (const type of ['sr25519', 'ed25519', 'ecdsa'])
    await airlockOk(
      [
        'account',
        'derive',
        ...vault,
        '--identity',
        'dev',
        '--name',
        `alice-${type}`,
        '--type',
        type,
        '--path',
        '//Alice',
        '--network',
        'polkadot',
      ],
      { env: OWNER },
    );
  await airlockOk(['address', 'add', ...vault, '--name', 'bob', '--network', 'polkadot', BOB.polkadot], { env: OWNER });
  await airlockOk(['metadata', 'add', ...vault, join(files, 'polkadot-v15.hex')], { env: OWNER });
}, 120_000);
afterAll(() => scratch?.remove());

/** A copy of the template vault with the metadata kept beside it. */
async function freshVault(): Promise<string> {
  const vault = await copyVault(template, await scratch.dir('vault'));
  await cp(`${template}.metadata`, `${vault}.metadata`, { recursive: true });
  return vault;
}

async function requestFile(request: Uint8Array, name = 'request.hex'): Promise<string> {
  const path = join(await scratch.dir('request'), name);
  await writeFile(path, `${u8aToHex(request)}\n`);
  return path;
}

describe('airlock sign', () => {
  it('signs a transfer read from pictures of polkadot.js frames, shows it decoded, and the signature verifies', async () => {
    const payload = transfer((15n * DOT) / 10n);
    const request = polkadotJsRequest(ALICE.publicKey, CMD_TRANSACTION, payload, POLKADOT_GENESIS);
    const pictures = await scratch.dir('pictures');
    await picturesOf(polkadotJsFrames(request).reverse(), pictures);
    const vault = await freshVault();
    const before = await readFile(vault);
    const signed = await airlockJson<Signed>(['sign', '--vault', vault, '--yes', '--json', pictures], { env: OWNER });
    expect(signed.action).toBe('transaction');
    expect(signed.network).toBe('polkadot');
    expect(signed.account).toMatchObject({ name: 'alice-sr25519', address: ALICE.polkadot, type: 'sr25519' });
    expect(signed.call).toMatchObject({ pallet: 'Balances', name: 'transfer_keep_alive' });
    const values = Object.fromEntries(signed.call!.args.map((a) => [a.name, a.value]));
    expect(values.value).toMatchObject({ kind: 'balance', text: '1.5 DOT' });
    expect(JSON.stringify(values.dest)).toContain('"name":"bob"');
    expect(signed.extensions).toMatchObject({ nonce: '7', metadataHash: { mode: 0 } });
    expect(signed.checkedBy).toBe('stored-metadata');
    const signature = hexToU8a(signed.signature);
    expect(signature[0]).toBe(1); // MultiSignature::Sr25519
    expect(signatureVerify(signedBytes(payload), signature, ALICE.publicKey).isValid).toBe(true);
    expect((await readFile(vault)).equals(before)).toBe(true);
  });

  it('prints what it signs before the answer, and writes the answer to --out as hex', async () => {
    const payload = transfer(2n * DOT);
    const vault = await freshVault();
    const out = join(await scratch.dir('out'), 'signature.txt');
    const file = await requestFile(polkadotJsRequest(ALICE.publicKey, CMD_TRANSACTION, payload, POLKADOT_GENESIS));
    const result = await airlockOk(['sign', '--vault', vault, '--yes', '--out', out, '--request', file], {
      env: OWNER,
    });
    expect(result.stdout).toContain('Sign a transaction on Polkadot Relay Chain');
    expect(result.stdout).toContain('Balances.transfer_keep_alive');
    expect(result.stdout).toMatch(/value: 2 DOT/u);
    expect(result.stdout).toContain(`Wrote the signature to ${out}`);
    const written = (await readFile(out, 'utf8')).trim();
    expect(written).toMatch(/^0x01[0-9a-f]{128}$/u);
    expect(signatureVerify(signedBytes(payload), hexToU8a(written), ALICE.publicKey).isValid).toBe(true);
    expectCleanFailure(
      await runAirlock(['sign', '--vault', vault, '--yes', '--out', out, '--request', file], { env: OWNER }),
      /already exists/u,
    );
  });

  it.each([
    ['ed25519', 0x00, 32],
    ['ecdsa', 0x02, 33],
  ] as const)('signs as an %s account, the crypto byte naming it', async (type, cryptoByte, keyBytes) => {
    const vault = await freshVault();
    const accounts = await airlockJson<{ name: string; publicKey: string }[]>(
      ['account', 'list', '--vault', vault, '--json'],
      { env: OWNER },
    );
    const publicKey = hexToU8a(accounts.find((a) => a.name === `alice-${type}`)!.publicKey);
    expect(publicKey.length).toBe(keyBytes);
    const payload = transfer(DOT);
    const file = await requestFile(uosRequest(cryptoByte, CMD_TRANSACTION, publicKey, payload, POLKADOT_GENESIS));
    const signed = await airlockJson<Signed>(['sign', '--vault', vault, '--yes', '--json', '--request', file], {
      env: OWNER,
    });
    const signature = hexToU8a(signed.signature);
    expect(signature[0]).toBe(cryptoByte);
    const verdict = signatureVerify(signedBytes(payload), signature, publicKey);
    expect(verdict.isValid).toBe(true);
    expect(verdict.crypto).toBe(type);
  });

  it('signs a message as polkadot.js signRaw signs it: a bare signature of the wrapped bytes', async () => {
    const vault = await freshVault();
    const text = 'I, alice, control this account. 2026-12-07';
    const file = await requestFile(
      polkadotJsRequest(
        ALICE.publicKey,
        CMD_MESSAGE,
        new TextEncoder().encode(`<Bytes>${text}</Bytes>`),
        POLKADOT_GENESIS,
      ),
    );
    const signed = await airlockJson<Signed>(['sign', '--vault', vault, '--yes', '--json', '--request', file], {
      env: OWNER,
    });
    expect(signed.action).toBe('message');
    expect(signed.message?.text).toBe(text);
    const signature = hexToU8a(signed.signature);
    expect(signature.length).toBe(64);
    expect(signatureVerify(u8aWrapBytes(text), signature, ALICE.publicKey).isValid).toBe(true);
  });

  it('signs a transaction with a metadata proof, with no metadata kept, checked against its hash', async () => {
    const chain = proofChain('polkadot');
    const call = chain.tx.balances!.transferKeepAlive!(BOB.publicKey, 3n * DOT);
    const payload = proofRequestPayload(chain, call);
    const vault = await createVault(join(await scratch.dir('bare'), 'vault.json'), { devIdentity: true });
    await airlockOk(
      ['account', 'derive', '--vault', vault, '--identity', 'dev', '--name', 'alice', '--path', '//Alice'],
      { env: OWNER },
    );
    const file = await requestFile(uosRequest(0x01, 0x06, hexToU8a(ALICE.publicKey), payload, POLKADOT_GENESIS));
    const signed = await airlockJson<Signed>(['sign', '--vault', vault, '--yes', '--json', '--request', file], {
      env: OWNER,
    });
    expect(signed.checkedBy).toBe('metadata-proof');
    expect(signed.extensions?.metadataHash).toMatchObject({ mode: 1 });
    expect(signed.call).toMatchObject({ pallet: 'Balances', name: 'transfer_keep_alive' });
    expect(JSON.stringify(signed.call)).toContain('3 DOT');
    expect(signed.signature).toMatch(/^0x01[0-9a-f]{128}$/u);
  });

  it('asks at the terminal, and signs nothing unless y is typed', async () => {
    const vault = await freshVault();
    const out = join(await scratch.dir('asked'), 'signature.txt');
    const file = await requestFile(
      polkadotJsRequest(ALICE.publicKey, CMD_TRANSACTION, transfer(DOT), POLKADOT_GENESIS),
    );
    const refused = await runAirlockInTerminal(['sign', '--vault', vault, '--out', out, '--request', file], {
      env: OWNER,
      replies: [{ when: 'Type y to sign', send: 'n\r' }],
    });
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain('nothing was signed');
    await expect(readFile(out)).rejects.toThrow();
    const signed = await runAirlockInTerminal(['sign', '--vault', vault, '--out', out, '--request', file], {
      env: OWNER,
      replies: [{ when: 'Type y to sign', send: 'y\r' }],
    });
    expect(signed.code).toBe(0);
    expect(await readFile(out, 'utf8')).toMatch(/^0x01[0-9a-f]{128}\n$/u);
  });

  describe('refuses, writing nothing and leaving the vault as it was', () => {
    const refusals: [string, () => Uint8Array, RegExp][] = [
      [
        'a bare hash (action 01)',
        () => polkadotJsRequest(ALICE.publicKey, 1, blake2AsU8a(transfer(DOT)), POLKADOT_GENESIS),
        /never signs what it cannot show/u,
      ],
      [
        'a key not in the vault',
        () => polkadotJsRequest(BOB.publicKey, CMD_TRANSACTION, transfer(DOT), POLKADOT_GENESIS),
        /no account in the vault has the key/u,
      ],
      [
        'a crypto byte that is not the account’s type',
        () => uosRequest(0x00, CMD_TRANSACTION, hexToU8a(ALICE.publicKey), transfer(DOT), POLKADOT_GENESIS),
        /asks for an ed25519 signature/u,
      ],
      [
        'a chain airlock does not know',
        () => polkadotJsRequest(ALICE.publicKey, CMD_TRANSACTION, transfer(DOT), `0x${'12'.repeat(32)}`),
        /does not know the chain/u,
      ],
      [
        'a chain whose metadata is not kept',
        () =>
          polkadotJsRequest(
            ALICE.publicKey,
            CMD_TRANSACTION,
            transfer(DOT),
            '0xb0a8d493285c2df73290dfb7e61f870f17b41801197a149ca93654499ea3dafe',
          ),
        /keeps no metadata for Kusama/u,
      ],
    ];
    it.each(refusals)('%s', async (_, make, message) => {
      const vault = await freshVault();
      const before = await readFile(vault);
      const out = join(await scratch.dir('refused'), 'signature.txt');
      const file = await requestFile(make());
      const failed = await runAirlock(['sign', '--vault', vault, '--yes', '--out', out, '--request', file], {
        env: OWNER,
      });
      expectCleanFailure(failed, message);
      await expect(readFile(out)).rejects.toThrow();
      expect((await readFile(vault)).equals(before)).toBe(true);
    });

    it('frames of a request with one missing', async () => {
      const vault = await freshVault();
      const request = polkadotJsRequest(ALICE.publicKey, CMD_TRANSACTION, transferBatch(), POLKADOT_GENESIS);
      const frames = polkadotJsFrames(request);
      expect(frames.length).toBeGreaterThan(1);
      const pictures = await scratch.dir('incomplete');
      await picturesOf(frames.slice(1), pictures);
      const failed = await runAirlock(['sign', '--vault', vault, '--yes', pictures], { env: OWNER });
      expectCleanFailure(failed, /the signing request is incomplete: .*frame 1 of \d+ is missing/u);
    });

    it('a Ledger account, whose key is on the device', async () => {
      const vault = await freshVault();
      const session = await VaultSession.unlock(vault, new TextEncoder().encode(PASSWORD));
      try {
        await actions.saveLedgerIdentity(session, 'nano', [
          { name: 'nano-0', path: "m/44'/354'/0'/0'/0'", publicKey: BOB.publicKey, network: 'polkadot' },
        ]);
      } finally {
        session.close();
      }
      const before = await readFile(vault);
      // A Ledger key is ed25519: the wallet asks for an ed25519 signature.
      const file = await requestFile(
        uosRequest(0x00, CMD_TRANSACTION, hexToU8a(BOB.publicKey), transfer(DOT), POLKADOT_GENESIS),
      );
      const failed = await runAirlock(['sign', '--vault', vault, '--yes', '--request', file], { env: OWNER });
      expect(expectCleanFailure(failed, /nano-0 is a Ledger account/u)).toContain('sign on the Ledger');
      expect((await readFile(vault)).equals(before)).toBe(true);
    });

    it('a misuse of the command line', async () => {
      const vault = await freshVault();
      expectUsageError(await runAirlock(['sign', '--vault', vault, '--yes'], { env: OWNER }), /give the request/u);
      expectUsageError(
        await runAirlock(['sign', '--vault', vault, '--yes', '--request', 'a', 'b.png'], { env: OWNER }),
        /give the request/u,
      );
    });

    it('without a terminal and without --yes, before reading anything', async () => {
      const vault = await freshVault();
      const failed = await runAirlock(['sign', '--vault', vault, '--request', '/nonexistent'], { env: OWNER });
      expectCleanFailure(failed, /asks for confirmation at the terminal/u);
    });
  });
});
