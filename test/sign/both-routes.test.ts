/**
 * One transaction, decoded by both routes: with the chain's full V15 metadata (as stored by
 * `airlock metadata add`) and with an RFC-0078 proof of that same metadata. A person must see
 * the same thing whichever way the wallet sent it, so the two views are compared whole.
 */
import { u8aConcat, u8aToHex } from '@polkadot/util';
import type { Call } from '@polkadot/types/interfaces';
import { describe, expect, it } from 'vitest';
import { decodeTransaction } from '../../src/sign/decode-transaction.js';
import { decodeProofTransaction } from '../../src/sign/metadata-proof.js';
import type { NameOf } from '../../src/sign/view.js';
import { ALICE, BOB, CHARLIE } from '../helpers/dev-keys.js';
import { proofChain, proofFor, transactionPayload, type ProofChain } from '../helpers/proof-requests.js';

const NAMES = new Map<string, string>([
  [BOB.publicKey, 'bob'],
  [CHARLIE.publicKey, 'charlie'],
]);
const nameOf: NameOf = (publicKey) => NAMES.get(u8aToHex(publicKey));

/** Both views of `call`, with a tip and a nonce so that the extensions say something. */
function bothRoutes(chain: ProofChain, call: Call) {
  const payload = transactionPayload(chain, call, { nonce: 5, tip: 1_000_000n });
  const byProof = decodeProofTransaction({
    payload: u8aConcat(proofFor(chain, payload), payload),
    genesisHash: chain.genesisHash,
    nameOf,
  });
  // The chain as the proof gives it, so that only the decoding is compared.
  const byMetadata = decodeTransaction({
    metadata: chain.metadata,
    payload,
    genesisHash: chain.genesisHash,
    chain: byProof.chain,
    nameOf,
  });
  return { byMetadata, byProof: byProof.transaction };
}

describe('a transaction decoded with full metadata and with a proof of it', () => {
  const polkadot = proofChain('polkadot');
  const tx = polkadot.tx;

  it.each([
    ['a transfer', () => tx.balances!.transferKeepAlive!(BOB.publicKey, 15_000_000_000n)],
    [
      'a proxy holding a batch of a transfer, a bond and a remark',
      () =>
        tx.proxy!.proxy!(
          CHARLIE.publicKey,
          null,
          tx.utility!.batchAll!([
            tx.balances!.transferKeepAlive!(BOB.publicKey, 1n),
            tx.staking!.bond!(123_450_000_000n, { Account: ALICE.publicKey }),
            tx.system!.remark!('for the audit'),
            tx.system!.remark!('0xff00'),
          ]),
        ),
    ],
    ['a commission as a percent', () => tx.staking!.validate!({ commission: 50_000_000, blocked: false })],
    ['a hash', () => tx.preimage!.unnotePreimage!(Buffer.from('0x1234567890abcdef1234567890abcd'))],
  ])('is the same view: %s', (_, make) => {
    const { byMetadata, byProof } = bothRoutes(polkadot, make());
    expect(byProof).toEqual(byMetadata);
    expect(byProof.extensions.metadataHash).toEqual({ mode: 1, hash: u8aToHex(polkadot.merkleizer.digest()) });
  });

  it("is the same on Asset Hub: an asset's amount as a number, the tip paid in an asset", () => {
    const assetHub = proofChain('assetHub');
    const batch = assetHub.tx.utility!.batchAll!([
      assetHub.tx.assets!.transferKeepAlive!(1984, BOB.publicKey, 2_500_000),
      assetHub.tx.balances!.transferKeepAlive!(BOB.publicKey, 7n * 10n ** 10n),
    ]);
    const { byMetadata, byProof } = bothRoutes(assetHub, batch);
    expect(byProof).toEqual(byMetadata);
    const calls = byProof.call.args[0]!.value;
    if (calls.kind !== 'calls') throw new Error('expected calls');
    expect(calls.calls[0]!.args[2]!.value).toEqual({ kind: 'text', text: '2500000' });
    expect(calls.calls[1]!.args[1]!.value).toMatchObject({ kind: 'balance', text: '7 DOT' });
  });
});
