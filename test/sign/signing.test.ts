/** Signing as the CLI and the app both do it, on a real vault: prepare what is shown, then sign it. */
import { hexToU8a, u8aToHex } from '@polkadot/util';
import { blake2AsU8a, signatureVerify } from '@polkadot/util-crypto';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as actions from '../../src/vault/actions.js';
import type { VaultSession } from '../../src/vault/store.js';
import { addMetadata } from '../../src/sign/metadata-store.js';
import { compactLength } from '../../src/sign/request.js';
import { prepareSignature, signPrepared } from '../../src/sign/signing.js';
import { ALICE, BOB } from '../helpers/dev-keys.js';
import { hexBytes, METADATA_HEX, POLKADOT_GENESIS } from '../helpers/metadata.js';
import { CMD_TRANSACTION, polkadotJsRequest, uosRequest } from '../helpers/sign-requests.js';
import { chainFixture, requestPayload, type ChainFixture } from '../helpers/sign-transactions.js';
import { openTestVault } from '../helpers/vault.js';

const DOT = 10_000_000_000n;
let v14: ChainFixture;
let v15: ChainFixture;
beforeAll(() => {
  v14 = chainFixture('polkadot', 14);
  v15 = chainFixture('polkadot', 15);
});

let session: VaultSession | undefined;
afterEach(() => session?.close());

/** A vault with //Alice, bob in the address book, and Polkadot's metadata of both runtimes kept. */
async function signingVault(): Promise<VaultSession> {
  session = await openTestVault({ dev: true });
  await actions.deriveAccount(session, {
    identity: 'dev',
    name: 'alice',
    type: 'sr25519',
    path: '//Alice',
    network: 'polkadot',
  });
  await actions.addAddress(session, { name: 'bob', address: BOB.polkadot, network: 'polkadot', note: '' });
  await addMetadata(session, hexBytes(METADATA_HEX.polkadotV15), 'polkadot-v15.hex');
  await addMetadata(session, hexBytes(METADATA_HEX.polkadotV14), 'polkadot-v14.hex');
  return session;
}

const transferOn = (fixture: ChainFixture, options: { metadataHash?: string } = {}) =>
  requestPayload(fixture, fixture.api.tx.balances!.transferKeepAlive!(BOB.publicKey, 25n * DOT), {
    nonce: 3,
    ...options,
  });

describe('preparing and signing a request', () => {
  it('decodes with the kept runtime the transaction names, the older one too, and shows who signs what', async () => {
    const vault = await signingVault();
    expect(v14.specVersion).not.toBe(v15.specVersion);
    for (const fixture of [v15, v14]) {
      const payload = transferOn(fixture);
      const prepared = await prepareSignature(
        polkadotJsRequest(ALICE.publicKey, CMD_TRANSACTION, payload, POLKADOT_GENESIS),
        vault,
      );
      expect(prepared.transaction?.extensions.specVersion).toBe(fixture.specVersion);
      const text = prepared.lines.map((l) => `${'  '.repeat(l.depth)}${l.text}`).join('\n');
      expect(text).toContain('Sign a transaction on Polkadot Relay Chain');
      expect(text).toContain(`By alice (sr25519), ${ALICE.polkadot}`);
      expect(text).toContain('Balances.transfer_keep_alive');
      expect(text).toContain(`  dest: ${BOB.polkadot} (bob)`);
      expect(text).toContain('  value: 25 DOT');
      const { signature, qrText } = await signPrepared(prepared, vault);
      expect(qrText).toBe(signature.slice(2));
      const unprefixed = payload.slice(compactLength(payload)!.offset);
      expect(
        signatureVerify(
          unprefixed.length > 256 ? blake2AsU8a(unprefixed) : unprefixed,
          hexToU8a(signature),
          ALICE.publicKey,
        ).isValid,
      ).toBe(true);
    }
  });

  it('refuses a metadata hash that is not the kept metadata’s, before anything is signed', async () => {
    const vault = await signingVault();
    const payload = transferOn(v15, { metadataHash: u8aToHex(new Uint8Array(32).fill(7)) });
    await expect(
      prepareSignature(polkadotJsRequest(ALICE.publicKey, CMD_TRANSACTION, payload, POLKADOT_GENESIS), vault),
    ).rejects.toThrow(/metadata hash .* is not that of the metadata kept for polkadot/u);
  });

  it('signs a transaction whose metadata hash is the kept metadata’s', async () => {
    const vault = await signingVault();
    const digest = vault.data.metadata.find((r) => r.specVersion === v15.specVersion)!.digest!;
    const payload = transferOn(v15, { metadataHash: digest });
    const prepared = await prepareSignature(
      polkadotJsRequest(ALICE.publicKey, CMD_TRANSACTION, payload, POLKADOT_GENESIS),
      vault,
    );
    expect(prepared.transaction?.extensions.metadataHash).toEqual({ mode: 1, hash: digest });
    expect(prepared.lines.some((l) => l.text.startsWith(`Metadata hash: ${digest} (mode 1`))).toBe(true);
  });
});

describe('every call the senders make, signed by every key type', () => {
  const CRYPTO_BYTE = { ed25519: 0x00, sr25519: 0x01, ecdsa: 0x02 } as const;
  const calls = () => {
    const { tx } = v15.api;
    return {
      'balances.transferKeepAlive': tx.balances!.transferKeepAlive!(BOB.publicKey, (15n * DOT) / 10n),
      'utility.batchAll over 256 bytes': tx.utility!.batchAll!(
        Array.from({ length: 6 }, (_, i) => tx.balances!.transferKeepAlive!(BOB.publicKey, BigInt(i + 1) * DOT)),
      ),
      'staking.bond': tx.staking!.bond!(100n * DOT, 'Staked'),
      'system.remark': tx.system!.remark!('rent for December'),
    };
  };

  it.each(['sr25519', 'ed25519', 'ecdsa'] as const)('as %s: each decoded, and its signature accepted', async (type) => {
    const vault = await signingVault();
    // signingVault has //Alice as sr25519 already.
    const account =
      vault.data.accounts.find((a) => a.type === type) ??
      (await actions.deriveAccount(vault, {
        identity: 'dev',
        name: `alice-${type}`,
        type,
        path: '//Alice',
        network: 'polkadot',
      }));
    const publicKey = hexToU8a(account.publicKey);
    for (const [name, call] of Object.entries(calls())) {
      const payload = requestPayload(v15, call, { nonce: 1 });
      const request = uosRequest(CRYPTO_BYTE[type], CMD_TRANSACTION, publicKey, payload, POLKADOT_GENESIS);
      const prepared = await prepareSignature(request, vault);
      const [pallet, method] = name.split(' ')[0]!.split('.');
      expect(prepared.transaction?.call.pallet.toLowerCase(), name).toBe(pallet!.toLowerCase());
      expect(prepared.transaction?.call.name.replace(/_/gu, ''), name).toBe(method!.toLowerCase());
      const { signature } = await signPrepared(prepared, vault);
      const signed = hexToU8a(signature);
      expect(signed[0], name).toBe(CRYPTO_BYTE[type]);
      const unprefixed = payload.slice(compactLength(payload)!.offset);
      if (name.includes('over 256')) expect(unprefixed.length).toBeGreaterThan(256);
      const message = unprefixed.length > 256 ? blake2AsU8a(unprefixed) : unprefixed;
      const verdict = signatureVerify(message, signed, publicKey);
      expect(verdict.isValid, name).toBe(true);
      expect(verdict.crypto, name).toBe(type);
    }
  });
});
