/**
 * Transactions that carry an RFC-0078 metadata proof, decoded with no stored metadata: made by
 * the wallets' own libraries from real Polkadot and Kusama metadata, and Polkadot Vault's
 * published vector. Every change to the proof, and every transaction that does not commit to
 * the proof's metadata hash, is refused.
 */
import { readFileSync } from 'node:fs';
import { u8aConcat, u8aToHex } from '@polkadot/util';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.js';
import { decodeProofTransaction, type ProofTransaction } from '../../src/sign/metadata-proof.js';
import { readProof } from '../../src/sign/proof-verify.js';
import type { CallView, NameOf, ValueView } from '../../src/sign/view.js';
import { ALICE, BOB, CHARLIE } from '../helpers/dev-keys.js';
import {
  BLOCK_HASH,
  proofChain,
  proofFor,
  proofRequestPayload,
  transactionPayload,
} from '../helpers/proof-requests.js';

const NAMES = new Map<string, string>([
  [BOB.publicKey, 'bob'],
  [CHARLIE.publicKey, 'charlie'],
]);
const nameOf: NameOf = (publicKey) => NAMES.get(u8aToHex(publicKey));

const polkadot = proofChain('polkadot');
const kusama = proofChain('kusama');

const decode = (payload: Uint8Array, genesisHash = polkadot.genesisHash): ProofTransaction =>
  decodeProofTransaction({ payload, genesisHash, nameOf });

/** The refusal `run` ends in: always a UserError with a hint, never another error. */
function refusal(run: () => unknown): UserError {
  try {
    run();
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    expect(error.hint).toBeTruthy();
    return error;
  }
  throw new Error('not refused');
}

const transfer = () => polkadot.tx.balances!.transferKeepAlive!(BOB.publicKey, 15_000_000_000n);

describe('a transaction with a metadata proof', () => {
  it('shows a Polkadot transfer from the proof alone: pallet, call, named account, 1.5 DOT', () => {
    const payload = transactionPayload(polkadot, transfer(), { nonce: 42, tip: 1_000_000n });
    const proof = proofFor(polkadot, payload);
    const decoded = decode(u8aConcat(proof, payload));

    expect(decoded.transaction.call).toEqual<CallView>({
      pallet: 'Balances',
      name: 'transfer_keep_alive',
      args: [
        {
          name: 'dest',
          value: { kind: 'account', publicKey: BOB.publicKey, address: BOB.polkadot, name: 'bob' },
        },
        { name: 'value', value: { kind: 'balance', planck: '15000000000', text: '1.5 DOT' } },
      ],
    });
    expect(decoded.chain).toEqual({
      name: 'polkadot',
      displayName: 'Polkadot Relay Chain',
      genesisHash: polkadot.genesisHash,
      ss58Prefix: 0,
      decimals: 10,
      token: 'DOT',
    });
    expect(decoded.digest).toBe(u8aToHex(polkadot.merkleizer.digest()));
    expect(decoded.signedPayload).toEqual(payload);
    const { extensions } = decoded.transaction;
    expect(extensions).toMatchObject({
      era: { kind: 'mortal', period: 64 },
      nonce: '42',
      tip: { kind: 'balance', text: '0.0001 DOT' },
      specVersion: polkadot.specVersion,
      transactionVersion: polkadot.transactionVersion,
      genesisHash: polkadot.genesisHash,
      blockHash: BLOCK_HASH,
      metadataHash: { mode: 1, hash: decoded.digest },
      others: [],
    });
    expect(extensions.era.kind === 'mortal' && extensions.era.phase).toBe(24_000_123 % 64);
  });

  it('shows a Kusama utility.batchAll as its calls, in order, in KSM', () => {
    const calls = [
      kusama.tx.balances!.transferKeepAlive!(BOB.publicKey, 1_500_000_000_000n),
      kusama.tx.balances!.transferKeepAlive!(CHARLIE.publicKey, 250_000_000_000n),
      kusama.tx.system!.remark!('for the audit'),
    ];
    const batch = kusama.tx.utility!.batchAll!(calls);
    const decoded = decode(proofRequestPayload(kusama, batch), kusama.genesisHash);

    const { call } = decoded.transaction;
    expect([call.pallet, call.name]).toEqual(['Utility', 'batch_all']);
    expect(call.args.map((arg) => arg.name)).toEqual(['calls']);
    const inner = call.args[0]!.value as Extract<ValueView, { kind: 'calls' }>;
    expect(inner.kind).toBe('calls');
    expect(inner.calls.map((c) => `${c.pallet}.${c.name}`)).toEqual([
      'Balances.transfer_keep_alive',
      'Balances.transfer_keep_alive',
      'System.remark',
    ]);
    expect(inner.calls[0]!.args[1]!.value).toMatchObject({ kind: 'balance', text: '1.5 KSM' });
    expect(inner.calls[1]!.args[0]!.value).toMatchObject({ address: CHARLIE.kusama, name: 'charlie' });
    expect(inner.calls[1]!.args[1]!.value).toMatchObject({ text: '0.25 KSM' });
    expect(inner.calls[2]!.args[0]).toEqual({ name: 'remark', value: { kind: 'text', text: 'for the audit' } });
    expect(decoded.chain).toMatchObject({ name: 'kusama', ss58Prefix: 2, decimals: 12, token: 'KSM' });
  });

  it('shows a staking.bond with its amount and the payee variant', () => {
    const bond = polkadot.tx.staking!.bond!(123_450_000_000n, { Account: ALICE.publicKey });
    const { call } = decode(proofRequestPayload(polkadot, bond)).transaction;
    expect(call).toEqual<CallView>({
      pallet: 'Staking',
      name: 'bond',
      args: [
        { name: 'value', value: { kind: 'balance', planck: '123450000000', text: '12.345 DOT' } },
        {
          name: 'payee',
          value: {
            kind: 'fields',
            variant: 'Account',
            fields: [{ name: '0', value: { kind: 'account', publicKey: ALICE.publicKey, address: ALICE.polkadot } }],
          },
        },
      ],
    });
    const staked = polkadot.tx.staking!.bond!(1n, 'Staked');
    expect(decode(proofRequestPayload(polkadot, staked)).transaction.call.args[1]!.value).toEqual({
      kind: 'text',
      text: 'Staked',
    });
  });
});

describe('calls inside calls', () => {
  it('shows a proxy call holding a batch, each call at its depth', () => {
    const batch = polkadot.tx.utility!.batchAll!([transfer(), polkadot.tx.system!.remark!('0xff00')]);
    const proxied = polkadot.tx.proxy!.proxy!(CHARLIE.publicKey, null, batch);
    const { call } = decode(proofRequestPayload(polkadot, proxied)).transaction;
    expect([call.pallet, call.name, call.args.map((arg) => arg.name)]).toEqual([
      'Proxy',
      'proxy',
      ['real', 'force_proxy_type', 'call'],
    ]);
    expect(call.args[0]!.value).toMatchObject({ kind: 'account', name: 'charlie' });
    expect(call.args[1]!.value).toEqual({ kind: 'text', text: 'None' });
    const inner = call.args[2]!.value as Extract<ValueView, { kind: 'call' }>;
    expect([inner.kind, inner.call.pallet, inner.call.name]).toEqual(['call', 'Utility', 'batch_all']);
    const calls = inner.call.args[0]!.value as Extract<ValueView, { kind: 'calls' }>;
    expect(calls.calls[0]!.args[1]!.value).toMatchObject({ text: '1.5 DOT' });
    // Bytes that are not text are shown as hex.
    expect(calls.calls[1]!.args[0]!.value).toEqual({ kind: 'text', text: '0xff00' });
  });
});

describe('a chain whose tip names its asset', () => {
  it("shows Asset Hub's tip in DOT and its ChargeAssetTxPayment among the other extensions", () => {
    const assetHub = proofChain('assetHub');
    const call = assetHub.tx.balances!.transferKeepAlive!(BOB.publicKey, 5_000_000_000n);
    const decoded = decode(proofRequestPayload(assetHub, call, { tip: 100_000_000n }), assetHub.genesisHash);
    expect(decoded.transaction.call.args[1]!.value).toMatchObject({ text: '0.5 DOT' });
    expect(decoded.transaction.extensions.tip).toEqual({ kind: 'balance', planck: '100000000', text: '0.01 DOT' });
    expect(decoded.transaction.extensions.others).toEqual([
      {
        name: 'ChargeAssetTxPayment',
        value: {
          kind: 'fields',
          fields: [
            { name: 'tip', value: { kind: 'balance', planck: '100000000', text: '0.01 DOT' } },
            { name: 'asset_id', value: { kind: 'text', text: 'None' } },
          ],
        },
      },
    ]);
    expect(decoded.chain).toMatchObject({ ss58Prefix: 0, token: 'DOT' });
  });
});

describe("Polkadot Vault's published vector", () => {
  const hex = readFileSync('test/fixtures/sign/vault-westend-transfer-with-proof.txt', 'utf8').split('\n')[1]!;
  const request = Buffer.from(hex.trim(), 'hex');
  // `53 01 06`, Alice's sr25519 key, the payload, Westend's genesis hash.
  const payload = new Uint8Array(request.subarray(35, request.length - 32));
  const westend = u8aToHex(request.subarray(request.length - 32));

  it('decodes: a Westend transfer of 0.0001 WND to Bob, its metadata hash the proof digest', () => {
    const decoded = decodeProofTransaction({ payload, genesisHash: westend, nameOf });
    expect(decoded.transaction.call).toEqual<CallView>({
      pallet: 'Balances',
      name: 'transfer_keep_alive',
      args: [
        { name: 'dest', value: { kind: 'account', publicKey: BOB.publicKey, address: BOB.substrate, name: 'bob' } },
        { name: 'value', value: { kind: 'balance', planck: '100000000', text: '0.0001 WND' } },
      ],
    });
    expect(decoded.chain).toMatchObject({ name: 'westend', ss58Prefix: 42, decimals: 12, token: 'WND' });
    expect(decoded.digest).toBe('0x1ad078baf468ff964c6b1bd4734d6cb24ec66a06a5986f6352067ef2487f2f20');
    expect(decoded.transaction.extensions).toMatchObject({
      era: { kind: 'mortal', period: 64, phase: 61 },
      nonce: '261',
      tip: { text: '0.00001 WND' },
      specVersion: 1_018_000,
      transactionVersion: 27,
      genesisHash: westend,
      metadataHash: { mode: 1, hash: decoded.digest },
    });
  });

  it('is refused with its signed metadata hash changed in one byte, as Vault refuses it', () => {
    const changed = payload.slice();
    const at = changed.length - 32; // the first byte of the hash signed, after Option's `01`
    expect(u8aToHex(changed.subarray(at - 1, at + 1))).toBe('0x011a');
    changed[at] = 0x1b;
    expect(refusal(() => decodeProofTransaction({ payload: changed, genesisHash: westend, nameOf })).message).toMatch(
      /not the hash of the metadata its proof carries/,
    );
  });

  it("is refused when the request's genesis hash is not the transaction's", () => {
    const error = refusal(() => decodeProofTransaction({ payload, genesisHash: polkadot.genesisHash, nameOf }));
    expect(error.message).toMatch(/another chain/);
  });
});

describe('refused', () => {
  const payload = transactionPayload(polkadot, transfer());
  const proof = proofFor(polkadot, payload);
  const request = u8aConcat(proof, payload);

  /** The request with the proof's byte at `at` changed. */
  const changedAt = (at: number, to: (byte: number) => number = (byte) => byte ^ 0x01): Uint8Array => {
    const changed = request.slice();
    changed[at] = to(changed[at]!);
    return changed;
  };
  const indexOf = (needle: Uint8Array): number => Buffer.from(proof).indexOf(Buffer.from(needle));

  it('a proof whose type (a leaf) is changed in one byte: its tree no longer gives the hash signed', () => {
    const at = indexOf(Buffer.from('transfer_keep_alive'));
    expect(at).toBeGreaterThan(0);
    const error = refusal(() => decode(changedAt(at + 18, () => 'f'.charCodeAt(0))));
    expect(error.message).toBe(
      'the metadata hash the transaction signs is not the hash of the metadata its proof carries',
    );
  });

  it('a proof whose hash of a subtree (a node) is changed in one byte', () => {
    const { proof: read } = readProof(request);
    const at = indexOf(read.proofs[0]!);
    expect(refusal(() => decode(changedAt(at + 7))).message).toMatch(/not the hash of the metadata its proof carries/);
  });

  it('a proof whose chain facts (extraInfo) are changed: 12 decimals would show 1.5 DOT as 0.015', () => {
    // The proof ends with its extraInfo: … ‖ base58 prefix (2) ‖ decimals (1) ‖ compact 3 ‖ `DOT`.
    const decimalsAt = proof.length - 5;
    expect(request[decimalsAt]).toBe(10);
    expect(refusal(() => decode(changedAt(decimalsAt, () => 12))).message).toMatch(/not the hash/);
  });

  it("a proof whose leaf's place is changed: the tree cannot be rebuilt or gives another root", () => {
    const { proof: read } = readProof(request);
    const place = new Uint8Array(new Uint32Array([read.leafIdxs[1]!]).buffer);
    const at = indexOf(place);
    expect(refusal(() => decode(changedAt(at))).message).toMatch(
      /metadata proof in the request is damaged|not the hash/,
    );
  });

  it('a proof changed in one byte, wherever it is (every byte: test/hostile)', () => {
    for (let at = 0; at < proof.length; at += 11) {
      refusal(() => decode(changedAt(at)));
    }
  });

  it('a transaction signing a metadata hash that is not the proof digest', () => {
    const other = transactionPayload(polkadot, transfer(), { metadataHash: new Uint8Array(32).fill(7) });
    const error = refusal(() => decode(u8aConcat(proofFor(polkadot, other), other)));
    expect(error.message).toBe(
      'the metadata hash the transaction signs is not the hash of the metadata its proof carries',
    );
  });

  it('a transaction that signs no metadata hash (CheckMetadataHash mode 0)', () => {
    const unhashed = transactionPayload(polkadot, transfer(), { mode: 0 });
    const error = refusal(() => decode(u8aConcat(proofFor(polkadot, unhashed), unhashed)));
    expect(error.message).toMatch(/does not sign a metadata hash \(CheckMetadataHash mode 0\)/);
  });

  it('a call whose types the proof does not cover: a proof for a remark sent with a transfer', () => {
    const remark = transactionPayload(polkadot, polkadot.tx.system!.remark!('hello'));
    const error = refusal(() => decode(u8aConcat(proofFor(polkadot, remark), payload)));
    expect(error.message).toBe('the proof does not cover the types this transaction uses');
  });

  it('a transaction for another runtime version than its proof', () => {
    const older = transactionPayload(polkadot, transfer(), { specVersion: polkadot.specVersion - 1 });
    const error = refusal(() => decode(u8aConcat(proofFor(polkadot, older), older)));
    expect(error.message).toMatch(/runtime version \d+, its proof for \d+/);
  });

  it('a request cut short anywhere', () => {
    for (let length = 0; length < request.length; length += 13) {
      refusal(() => decode(request.slice(0, length)));
    }
  });

  it('bytes beyond the extensions, or a call longer than its arguments', () => {
    expect(refusal(() => decode(u8aConcat(request, [0]))).message).toMatch(/left over after the last extension/);
    const longer = u8aConcat(proof, transactionPayloadWithCallPadding(payload));
    expect(refusal(() => decode(longer)).message).toMatch(/left over after its last argument/);
  });

  it('a request larger than any proof and transaction', () => {
    const huge = u8aConcat(request, new Uint8Array(1024 * 1024));
    expect(refusal(() => decode(huge)).message).toMatch(/more than a metadata proof and its transaction can need/);
  });
});

/** The payload with one byte more inside the call: its length prefix grows by one. */
function transactionPayloadWithCallPadding(payload: Uint8Array): Uint8Array {
  // A transfer's call is under 64 bytes: one byte of length prefix.
  const callLength = payload[0]! >> 2;
  return u8aConcat([(callLength + 1) << 2], payload.subarray(1, 1 + callLength), [0], payload.subarray(1 + callLength));
}
