import { Keyring } from '@polkadot/keyring';
import { createSignPayload } from '@polkadot/react-qr/util';
import { hexToU8a, u8aConcat, u8aToHex } from '@polkadot/util';
import { blake2AsU8a, cryptoWaitReady, encodeAddress } from '@polkadot/util-crypto';
import type { IMethod } from '@polkadot/types/types';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.js';
import { bytesToSign, decodeTransaction } from '../../src/sign/decode-transaction.js';
import type { NameOf, TransactionView, ValueView } from '../../src/sign/view.js';
import { ALICE, BOB, CHARLIE } from '../helpers/dev-keys.js';
import type { ChainFixture, ChainName, PayloadOptions } from '../helpers/sign-transactions.js';
import { BLOCK_HASH, chainFixture, extrinsicPayload, requestPayload } from '../helpers/sign-transactions.js';

const NAMES: Record<string, string> = { [BOB.publicKey]: 'Bob savings', [CHARLIE.publicKey]: 'Charlie' };
const nameOf: NameOf = (publicKey) => NAMES[u8aToHex(publicKey)];

type Tx = ChainFixture['api']['tx'];
const tx = (fixture: ChainFixture): Tx => fixture.api.tx;

function decode(fixture: ChainFixture, payload: Uint8Array, genesisHash = fixture.chain.genesisHash): TransactionView {
  return decodeTransaction({ metadata: fixture.metadata, payload, genesisHash, chain: fixture.chain, nameOf });
}

function decodeMethod(fixture: ChainFixture, method: IMethod, options: PayloadOptions = {}): TransactionView {
  return decode(fixture, requestPayload(fixture, method, options));
}

function refusal(run: () => unknown): UserError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).hint).toBeTruthy();
    return error as UserError;
  }
  throw new Error('expected a refusal');
}

const account = (publicKey: string, prefix: number, name?: string): ValueView => ({
  kind: 'account',
  publicKey,
  address: encodeAddress(publicKey, prefix),
  ...(name === undefined ? {} : { name }),
});

const DOT = 10_000_000_000n;
const KSM = 1_000_000_000_000n;

describe.each([
  ['polkadot', 14],
  ['polkadot', 15],
  ['kusama', 14],
  ['kusama', 15],
] as [ChainName, 14 | 15][])('%s metadata V%i', (name, version) => {
  const fixture = chainFixture(name, version);
  const unit = name === 'polkadot' ? DOT : KSM;
  const token = fixture.chain.token;
  const prefix = fixture.chain.ss58Prefix;

  it('shows a transfer: the destination by name in the chain’s format, the amount in its token', () => {
    const method = tx(fixture).balances!.transferKeepAlive!(BOB.publicKey, (3n * unit) / 2n);
    const view = decodeMethod(fixture, method, {
      mortal: { current: 1_000_123, period: 64 },
      nonce: 7,
      tip: unit / 100n,
    });
    expect(view.call).toEqual({
      pallet: 'Balances',
      name: 'transfer_keep_alive',
      args: [
        { name: 'dest', value: account(BOB.publicKey, prefix, 'Bob savings') },
        { name: 'value', value: { kind: 'balance', planck: ((3n * unit) / 2n).toString(), text: `1.5 ${token}` } },
      ],
    });
    expect(view.extensions).toEqual({
      era: { kind: 'mortal', period: 64, phase: 1_000_123 % 64 },
      nonce: '7',
      tip: { kind: 'balance', planck: (unit / 100n).toString(), text: `0.01 ${token}` },
      specVersion: fixture.specVersion,
      transactionVersion: fixture.transactionVersion,
      genesisHash: fixture.chain.genesisHash,
      blockHash: BLOCK_HASH,
      metadataHash: { mode: 0 },
      others: [],
    });
  });

  it('shows a batchAll over 256 bytes with each call, and signs its hash as polkadot.js does', async () => {
    const calls = [
      tx(fixture).balances!.transferKeepAlive!(BOB.publicKey, unit),
      tx(fixture).balances!.transferKeepAlive!(CHARLIE.publicKey, 2n * unit),
      tx(fixture).system!.remark!('payroll for March'),
      tx(fixture).staking!.bondExtra!(5n * unit),
      tx(fixture).balances!.transferAllowDeath!(ALICE.publicKey, 3n * unit),
      tx(fixture).balances!.transferKeepAlive!(ALICE.publicKey, 4n * unit),
    ];
    const method = tx(fixture).utility!.batchAll!(calls);
    const payload = requestPayload(fixture, method, { nonce: 1 });
    const view = decode(fixture, payload);
    expect(view.call.pallet).toBe('Utility');
    expect(view.call.name).toBe('batch_all');
    const batch = view.call.args[0]!;
    expect(batch.name).toBe('calls');
    if (batch.value.kind !== 'calls') throw new Error('expected calls');
    expect(batch.value.calls.map((call) => `${call.pallet}.${call.name}`)).toEqual([
      'Balances.transfer_keep_alive',
      'Balances.transfer_keep_alive',
      'System.remark',
      'Staking.bond_extra',
      'Balances.transfer_allow_death',
      'Balances.transfer_keep_alive',
    ]);
    expect(batch.value.calls[1]!.args[0]!.value).toEqual(account(CHARLIE.publicKey, prefix, 'Charlie'));
    expect(batch.value.calls[2]!.args).toEqual([
      { name: 'remark', value: { kind: 'text', text: 'payroll for March' } },
    ]);
    expect(batch.value.calls[3]!.args[0]!.value).toMatchObject({ kind: 'balance', text: `5 ${token}` });

    const unprefixed = extrinsicPayload(fixture, method, { nonce: 1 }).toU8a(true);
    expect(unprefixed.length).toBeGreaterThan(256);
    expect(bytesToSign(payload)).toEqual(blake2AsU8a(unprefixed, 256));
    await cryptoWaitReady();
    const pair = new Keyring({ type: 'ed25519' }).addFromUri('//Alice');
    // ed25519 is deterministic: the same bytes signed give polkadot.js's own MultiSignature (00: ed25519).
    const { signature } = extrinsicPayload(fixture, method, { nonce: 1 }).sign(pair);
    expect(u8aToHex(u8aConcat([0], pair.sign(bytesToSign(payload))))).toBe(signature);
  });

  it('shows a bond with its payee variant, and signs a short payload as it is', async () => {
    const method = tx(fixture).staking!.bond!(100n * unit, { Account: CHARLIE.publicKey });
    const payload = requestPayload(fixture, method, { mortal: { current: 77, period: 128 } });
    const view = decode(fixture, payload);
    expect(`${view.call.pallet}.${view.call.name}`).toBe('Staking.bond');
    expect(view.call.args).toEqual([
      { name: 'value', value: { kind: 'balance', planck: (100n * unit).toString(), text: `100 ${token}` } },
      {
        name: 'payee',
        value: {
          kind: 'fields',
          variant: 'Account',
          fields: [{ name: '0', value: account(CHARLIE.publicKey, prefix, 'Charlie') }],
        },
      },
    ]);
    expect(view.extensions.era).toEqual({ kind: 'mortal', period: 128, phase: 77 });
    expect(bytesToSign(payload)).toEqual(
      extrinsicPayload(fixture, method, { mortal: { current: 77, period: 128 } }).toU8a(true),
    );
    await cryptoWaitReady();
    const pair = new Keyring({ type: 'ed25519' }).addFromUri('//Bob');
    const { signature } = extrinsicPayload(fixture, method, { mortal: { current: 77, period: 128 } }).sign(pair);
    expect(u8aToHex(u8aConcat([0], pair.sign(bytesToSign(payload))))).toBe(signature);
  });

  it('shows a remark, immortal, with the genesis as the era’s block', () => {
    const view = decodeMethod(fixture, tx(fixture).system!.remark!('signed offline, line one'));
    expect(view.call).toEqual({
      pallet: 'System',
      name: 'remark',
      args: [{ name: 'remark', value: { kind: 'text', text: 'signed offline, line one' } }],
    });
    expect(view.extensions.era).toEqual({ kind: 'immortal' });
    expect(view.extensions.blockHash).toBe(fixture.chain.genesisHash);
    expect(view.extensions.tip).toEqual({ kind: 'balance', planck: '0', text: `0 ${token}` });
  });

  it('shows CheckMetadataHash mode 1 with the hash the chain will check', () => {
    const hash = `0x${'5e'.repeat(32)}`;
    const view = decodeMethod(fixture, tx(fixture).system!.remark!('x'), { metadataHash: hash });
    expect(view.extensions.metadataHash).toEqual({ mode: 1, hash });
  });

  it('decodes the payload of a request made by polkadot.js’s own createSignPayload', () => {
    const method = tx(fixture).balances!.transferKeepAlive!(BOB.publicKey, unit);
    const payload = extrinsicPayload(fixture, method, { mortal: { current: 9, period: 64 } });
    const request = createSignPayload(ALICE.substrate, 2, payload.toU8a(), fixture.chain.genesisHash);
    // 0x53, crypto, action, the 32-byte public key, the payload, the 32-byte genesis hash.
    const carried = request.subarray(3 + 32, -32);
    expect(decode(fixture, carried).call.args[1]!.value).toMatchObject({ text: `1 ${token}` });
    expect(bytesToSign(carried)).toEqual(payload.toU8a(true));
  });

  it('names every call and argument as polkadot.js’s own decoder does', () => {
    const methods = [
      tx(fixture).balances!.transferKeepAlive!(BOB.publicKey, unit),
      tx(fixture).staking!.bond!(unit, 'Staked'),
      tx(fixture).system!.remark!('x'),
      tx(fixture).utility!.batchAll!([tx(fixture).system!.remark!('y')]),
    ];
    const camel = (name: string) => name.replace(/_(\w)/gu, (_, letter: string) => letter.toUpperCase());
    for (const method of methods) {
      const theirs = fixture.registry.createType('Call', method.toU8a());
      const ours = decodeMethod(fixture, method).call;
      expect(ours.pallet.toLowerCase()).toBe(theirs.section.toLowerCase());
      expect(camel(ours.name)).toBe(theirs.method);
      expect(ours.args.map((arg) => camel(arg.name))).toEqual(Object.keys(theirs.argsDef));
    }
  });

  it('refuses a transaction for another spec, naming both', () => {
    const method = tx(fixture).system!.remark!('x');
    const error = refusal(() => decodeMethod(fixture, method, { specVersion: fixture.specVersion + 1 }));
    expect(error.message).toBe(
      `the transaction is for spec ${fixture.specVersion + 1}; the metadata given is for spec ${fixture.specVersion}`,
    );
    expect(error.hint).toContain(`add metadata for spec ${fixture.specVersion + 1}`);
  });
});

describe('nested calls', () => {
  const fixture = chainFixture('polkadot', 15);

  it('shows a proxy’s call and a multisig’s call as calls, with their arguments', () => {
    const transfer = tx(fixture).balances!.transferKeepAlive!(BOB.publicKey, DOT);
    const proxied = tx(fixture).proxy!.proxy!(ALICE.publicKey, null, transfer);
    const multisig = tx(fixture).multisig!.asMulti!(2, [CHARLIE.publicKey], null, proxied, {
      refTime: 1,
      proofSize: 2,
    });
    const view = decodeMethod(fixture, multisig);
    expect(`${view.call.pallet}.${view.call.name}`).toBe('Multisig.as_multi');
    const args = Object.fromEntries(view.call.args.map((arg) => [arg.name, arg.value]));
    expect(args.threshold).toEqual({ kind: 'text', text: '2' });
    expect(args.other_signatories).toEqual({ kind: 'list', items: [account(CHARLIE.publicKey, 0, 'Charlie')] });
    expect(args.maybe_timepoint).toEqual({ kind: 'text', text: 'None' });
    expect(args.max_weight).toEqual({
      kind: 'fields',
      fields: [
        { name: 'ref_time', value: { kind: 'text', text: '1' } },
        { name: 'proof_size', value: { kind: 'text', text: '2' } },
      ],
    });
    if (args.call?.kind !== 'call') throw new Error('expected a call');
    const proxy = args.call.call;
    expect(`${proxy.pallet}.${proxy.name}`).toBe('Proxy.proxy');
    expect(proxy.args[0]).toEqual({ name: 'real', value: account(ALICE.publicKey, 0) });
    expect(proxy.args[1]).toEqual({ name: 'force_proxy_type', value: { kind: 'text', text: 'None' } });
    expect(proxy.args[2]!.value).toEqual({
      kind: 'call',
      call: {
        pallet: 'Balances',
        name: 'transfer_keep_alive',
        args: [
          { name: 'dest', value: account(BOB.publicKey, 0, 'Bob savings') },
          { name: 'value', value: { kind: 'balance', planck: DOT.toString(), text: '1 DOT' } },
        ],
      },
    });
  });

  it('shows a hash as hex even when its bytes would read as text', () => {
    const looksLikeHex = Buffer.from('0x1234567890abcdef1234567890abcd');
    const view = decodeMethod(fixture, tx(fixture).preimage!.unnotePreimage!(looksLikeHex));
    expect(view.call.args).toEqual([{ name: 'hash', value: { kind: 'text', text: u8aToHex(looksLikeHex) } }]);
  });

  it('shows a MultiAddress other than an account id by its variant', () => {
    const view = decodeMethod(fixture, tx(fixture).balances!.transferKeepAlive!({ Index: 42 }, DOT));
    expect(view.call.args[0]!.value).toEqual({
      kind: 'fields',
      variant: 'Index',
      fields: [{ name: '0', value: { kind: 'text', text: '42' } }],
    });
  });

  it('shows a sudo’s call and a fraction as a percent', () => {
    const validate = tx(fixture).staking!.validate!({ commission: 50_000_000, blocked: false });
    const view = decodeMethod(fixture, tx(fixture).utility!.dispatchAs!({ system: { Root: null } }, validate));
    const inner = view.call.args[1]!.value;
    if (inner.kind !== 'call') throw new Error('expected a call');
    expect(inner.call.args[0]!.value).toEqual({
      kind: 'fields',
      fields: [
        { name: 'commission', value: { kind: 'text', text: '5%' } },
        { name: 'blocked', value: { kind: 'text', text: 'false' } },
      ],
    });
  });
});

describe('other chains', () => {
  it('shows a tip paid in an asset on Asset Hub: the tip as the tip, the asset among the other extensions', () => {
    const fixture = chainFixture('asset-hub-polkadot', 15);
    const usdt = { parents: 0, interior: { X2: [{ PalletInstance: 50 }, { GeneralIndex: 1984 }] } };
    const method = tx(fixture).assets!.transferKeepAlive!(1984, BOB.publicKey, 2_500_000);
    const view = decodeMethod(fixture, method, { tip: 3n, assetId: usdt });
    expect(`${view.call.pallet}.${view.call.name}`).toBe('Assets.transfer_keep_alive');
    // An asset's amount is not the chain's token: it is a number, not DOT.
    expect(view.call.args).toEqual([
      { name: 'id', value: { kind: 'text', text: '1984' } },
      { name: 'target', value: account(BOB.publicKey, 0, 'Bob savings') },
      { name: 'amount', value: { kind: 'text', text: '2500000' } },
    ]);
    expect(view.extensions.tip).toEqual({ kind: 'balance', planck: '3', text: '0.0000000003 DOT' });
    expect(view.extensions.others).toEqual([
      {
        name: 'ChargeAssetTxPayment',
        value: {
          kind: 'fields',
          fields: [
            {
              name: 'asset_id',
              value: {
                kind: 'fields',
                fields: [
                  { name: 'parents', value: { kind: 'text', text: '0' } },
                  {
                    name: 'interior',
                    value: {
                      kind: 'fields',
                      variant: 'X2',
                      fields: [
                        {
                          name: '0',
                          value: {
                            kind: 'list',
                            items: [
                              {
                                kind: 'fields',
                                variant: 'PalletInstance',
                                fields: [{ name: '0', value: { kind: 'text', text: '50' } }],
                              },
                              {
                                kind: 'fields',
                                variant: 'GeneralIndex',
                                fields: [{ name: '0', value: { kind: 'text', text: '1984' } }],
                              },
                            ],
                          },
                        },
                      ],
                    },
                  },
                ],
              },
            },
          ],
        },
      },
    ]);
  });

  it('tells an asset’s amount from the chain’s token call by call, inside a batch too', () => {
    const fixture = chainFixture('asset-hub-polkadot', 15);
    const batch = tx(fixture).utility!.batchAll!([
      tx(fixture).assets!.transfer!(1984, BOB.publicKey, 7_000_000),
      tx(fixture).balances!.transferKeepAlive!(BOB.publicKey, 7n * DOT),
    ]);
    const calls = decodeMethod(fixture, batch).call.args[0]!.value;
    if (calls.kind !== 'calls') throw new Error('expected calls');
    expect(calls.calls[0]!.args[2]).toEqual({ name: 'amount', value: { kind: 'text', text: '7000000' } });
    expect(calls.calls[1]!.args[1]).toEqual({
      name: 'value',
      value: { kind: 'balance', planck: (7n * DOT).toString(), text: '7 DOT' },
    });
  });

  it('reads V16 metadata, whose extensions name their signed-only types themselves', () => {
    const fixture = chainFixture('substrate', 16);
    const method = tx(fixture).balances!.transferKeepAlive!(CHARLIE.publicKey, 1_000_000_000_000n);
    const view = decodeMethod(fixture, method, { mortal: { current: 5, period: 32 }, nonce: 3 });
    expect(view.call.args).toEqual([
      { name: 'dest', value: account(CHARLIE.publicKey, 42, 'Charlie') },
      { name: 'value', value: { kind: 'balance', planck: '1000000000000', text: '1 UNIT' } },
    ]);
    expect(view.extensions).toMatchObject({ era: { kind: 'mortal', period: 32, phase: 5 }, nonce: '3' });
  });
});

describe('refusals', () => {
  const fixture = chainFixture('polkadot', 14);
  const method = tx(fixture).balances!.transferKeepAlive!(BOB.publicKey, DOT);
  const payload = requestPayload(fixture, method, { mortal: { current: 10, period: 64 } });
  const call = method.toU8a();
  const extensions = payload.slice(payload.length - (payload.length - call.length - 1));
  const compact = (length: number) => fixture.registry.createType('Compact<u32>', length).toU8a();

  it('checks its test payload is laid out as compact(length) ‖ call ‖ extensions', () => {
    expect(u8aConcat(compact(call.length), call, extensions)).toEqual(payload);
  });

  it('refuses a call length longer than what follows', () => {
    const error = refusal(() => decode(fixture, u8aConcat(compact(payload.length), call, extensions)));
    expect(error.message).toMatch(/says its call is \d+ bytes, but \d+ bytes follow/u);
  });

  it('refuses a call that ends before its length says', () => {
    const error = refusal(() => decode(fixture, u8aConcat(compact(call.length + 1), call, [0], extensions)));
    expect(error.message).toBe(`the call is ${call.length + 1} bytes, but its arguments end after ${call.length}`);
  });

  it('refuses a call that runs past its length', () => {
    const short = compact(call.length - 1);
    const error = refusal(() => decode(fixture, u8aConcat(short, call.subarray(0, -1), call.subarray(-1), extensions)));
    expect(error.message).toMatch(/^the (call does not match the metadata|transaction’s extensions do not match)/u);
  });

  it('refuses bytes after the extensions', () => {
    const error = refusal(() => decode(fixture, u8aConcat(payload, [0])));
    expect(error.message).toBe('the transaction has 1 bytes after its extensions');
  });

  it('refuses extensions cut short', () => {
    const error = refusal(() => decode(fixture, payload.subarray(0, -1)));
    expect(error.message).toMatch(/^the transaction’s extensions do not match the metadata: /u);
  });

  it('refuses a genesis hash other than the request’s', () => {
    const kusama = chainFixture('kusama', 14).chain.genesisHash;
    const error = refusal(() => decode(fixture, payload, kusama));
    expect(error.message).toBe(
      `the transaction is for the chain with genesis ${fixture.chain.genesisHash}, but the request names ${kusama}`,
    );
  });

  it('refuses a transaction version other than the spec’s', () => {
    const other = requestPayload(fixture, method, { transactionVersion: fixture.transactionVersion + 1 });
    const error = refusal(() => decode(fixture, other));
    expect(error.message).toBe(
      `the transaction says transaction version ${fixture.transactionVersion + 1}, but spec ${fixture.specVersion} has ${fixture.transactionVersion}`,
    );
  });

  it('refuses a call index the metadata does not have', () => {
    const unknown = u8aConcat([0xfe, 0x00], call.subarray(2));
    const error = refusal(() => decode(fixture, u8aConcat(compact(unknown.length), unknown, extensions)));
    expect(error.message).toBe(`the call index 0xfe00 is not in the metadata for spec ${fixture.specVersion}`);
    const badCall = u8aConcat([call[0]!, 0xfe], call.subarray(2));
    expect(refusal(() => decode(fixture, u8aConcat(compact(badCall.length), badCall, extensions))).message).toBe(
      `the call index 0x${call[0]!.toString(16).padStart(2, '0')}fe is not in the metadata for spec ${fixture.specVersion}`,
    );
  });

  it('refuses a metadata-hash mode that contradicts the hash signed', () => {
    const withHash = requestPayload(fixture, method, { metadataHash: `0x${'11'.repeat(32)}` });
    // The mode byte is the last of the extensions' carried part, just before the signed-only part.
    const signedPart = 4 + 4 + 32 + 32 + 33;
    const contradicting = withHash.slice();
    contradicting[contradicting.length - signedPart - 1] = 0;
    const error = refusal(() => decode(fixture, contradicting));
    expect(error.message).toBe('the transaction’s metadata-hash mode and the hash it signs do not agree');
  });

  it('makes the names the metadata gives printable: they come from outside too', () => {
    const hostile = Buffer.from(fixture.metadata);
    const name = Buffer.from('\x20Balances');
    for (let at = hostile.indexOf(name); at >= 0; at = hostile.indexOf(name, at + 1)) hostile[at + 4] = 0x1b;
    const view = decodeTransaction({
      metadata: hostile,
      payload,
      genesisHash: fixture.chain.genesisHash,
      chain: fixture.chain,
      nameOf,
    });
    expect(view.call.pallet).toBe('Bal\\x1bnces');
  });

  /** The metadata with every SCALE string `from` made `to`: SCALE has no offsets, so lengths may change. */
  function renamed(from: string, to: string): Uint8Array {
    const scaleString = (text: string) => u8aConcat(compact(text.length), Buffer.from(text));
    return hexToU8a(
      u8aToHex(fixture.metadata).replaceAll(u8aToHex(scaleString(from)).slice(2), u8aToHex(scaleString(to)).slice(2)),
    );
  }

  it('refuses metadata naming one extension twice', () => {
    const metadata = renamed('CheckWeight', 'CheckNonce');
    const error = refusal(() =>
      decodeTransaction({ metadata, payload, genesisHash: fixture.chain.genesisHash, chain: fixture.chain, nameOf }),
    );
    expect(error.message).toBe('the metadata names the CheckNonce extension twice');
  });

  it('reads the era of runtimes that named its extension CheckEra', () => {
    const metadata = renamed('CheckMortality', 'CheckEra');
    const view = decodeTransaction({
      metadata,
      payload,
      genesisHash: fixture.chain.genesisHash,
      chain: fixture.chain,
      nameOf,
    });
    expect(view.extensions.era).toEqual({ kind: 'mortal', period: 64, phase: 10 });
    expect(view.extensions.others).toEqual([]);
  });

  it('refuses metadata that is not metadata', () => {
    const error = refusal(() =>
      decodeTransaction({
        metadata: new Uint8Array([1, 2, 3]),
        payload,
        genesisHash: fixture.chain.genesisHash,
        chain: fixture.chain,
        nameOf,
      }),
    );
    expect(error.message).toBe('the metadata could not be read');
  });

  it('refuses calls nested deeper than 8', () => {
    let nested: IMethod = tx(fixture).system!.remark!('deep');
    for (let level = 0; level < 9; level++) nested = tx(fixture).utility!.batch!([nested]);
    const error = refusal(() => decodeMethod(fixture, nested));
    expect(error.message).toBe('the transaction nests calls more than 8 deep');
  });

  it('refuses more than 10,000 values, quickly', () => {
    const remarks = Array.from({ length: 10_001 }, () => tx(fixture).system!.remark!(''));
    const huge = requestPayload(fixture, tx(fixture).utility!.batch!(remarks));
    const started = performance.now();
    const error = refusal(() => decode(fixture, huge));
    expect(error.message).toBe('the transaction holds more than 10,000 values');
    expect(performance.now() - started).toBeLessThan(500);
  });

  it('counts calls without arguments among the values', () => {
    const chills = Array.from({ length: 10_001 }, () => tx(fixture).staking!.chill!());
    const error = refusal(() => decodeMethod(fixture, tx(fixture).utility!.forceBatch!(chills)));
    expect(error.message).toBe('the transaction holds more than 10,000 values');
  });

  it('refuses every byte changed to garbage with one message, never a crash', () => {
    for (let position = 0; position < payload.length; position++) {
      for (const byte of [0x00, 0xff, 0x03, payload[position]! ^ 0x80]) {
        const changed = payload.slice();
        changed[position] = byte;
        try {
          decode(fixture, changed);
        } catch (error) {
          expect(error, `byte ${position} set to ${byte}`).toBeInstanceOf(UserError);
        }
      }
    }
  });

  it('refuses every cut of the payload with one message, never a crash', () => {
    for (let length = 0; length < payload.length; length++)
      expect(() => decode(fixture, payload.subarray(0, length))).toThrow(UserError);
  });
});
