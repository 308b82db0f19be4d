// Signing requests for the "Signing" section, made as the senders make them: the calls and
// payloads by @polkadot/types from the Polkadot V15 metadata @polkadot/types-support ships (as
// polkadot.js apps' QR signer builds them), the request by polkadot.js's own createSignPayload,
// and the RFC-0078 proof by @polkadot-api/merkleize-metadata, as a wallet sends it (action 06).
import { merkleizeMetadata } from '@polkadot-api/merkleize-metadata';
import { createSignPayload } from '@polkadot/react-qr/util';
import { Metadata, TypeRegistry } from '@polkadot/types';
import { expandMetadata } from '@polkadot/types/metadata';
import polkadotV15 from '@polkadot/types-support/metadata/v15/polkadot-hex';
import { compactFromU8a, hexToU8a, u8aConcat, u8aToHex } from '@polkadot/util';
import { blake2AsU8a, encodeAddress } from '@polkadot/util-crypto';

/** What a node answers to `Metadata_metadata_at_version(15)`: the text `airlock metadata add` is given. */
export const METADATA_HEX = polkadotV15;
export const POLKADOT_GENESIS = '0x91b171bb158e2d3848fa23a9f1c25182fb8e20313b2c1eb49219da7a70ce90c3';
export const DEV_PHRASE = 'bottom drive obey lake curtain smoke basket hold race lonely fit walk';
/** sr25519 //Alice, //Bob and //Charlie of the development phrase. */
export const ALICE = '0xd43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d';
const BOB = '0x8eaf04151687736326c9fea17e25fc5287613693c912909cb226aa4794f26a48';
const CHARLIE = '0x90b5ab205c6974c9ea841be688864633dc9ca8a357843eeacf2314649965fe22';
const DOT = 10_000_000_000n;
const BLOCK_HASH = `0x${'ab'.repeat(32)}`;
const CMD_TRANSACTION = 2;
const ACTION_PROOF_TRANSACTION = 6;
const SR25519 = 1;

/** `Option<OpaqueMetadata>`: `01 ‖ compact(length) ‖ metadata`. */
function unwrapOpaque(/** @type {Uint8Array} */ bytes) {
  if (bytes[0] !== 1) throw new Error('expected Some(metadata)');
  const [offset, length] = compactFromU8a(bytes.subarray(1));
  return bytes.slice(1 + offset, 1 + offset + length.toNumber());
}

export const METADATA_BYTES = unwrapOpaque(hexToU8a(polkadotV15));

/** @type {{ registry: TypeRegistry, api: ReturnType<typeof expandMetadata>, version: { specVersion: number, transactionVersion: number }, merkleizer: ReturnType<typeof merkleizeMetadata> } | undefined} */
let made;

/** The registry, calls and merkleizer of the metadata, made once when the first request is. */
function polkadot() {
  if (made) return made;
  const registry = new TypeRegistry();
  const metadata = new Metadata(registry, METADATA_BYTES);
  registry.setMetadata(metadata);
  const api = expandMetadata(registry, metadata);
  const version = /** @type {{ specVersion: number, transactionVersion: number }} */ (
    api.consts.system?.version?.toJSON()
  );
  const merkleizer = merkleizeMetadata(METADATA_BYTES, { decimals: 10, tokenSymbol: 'DOT' });
  made = { registry, api, version, merkleizer };
  return made;
}

/** @param {string} pallet @param {string} call */
function txOf(pallet, call) {
  const found = polkadot().api.tx[pallet]?.[call];
  if (!found) throw new Error(`no ${pallet}.${call} in the metadata`);
  return found;
}

/**
 * `compact(length) ‖ call ‖ extensions`, polkadot.js's `ExtrinsicPayload.toU8a()`.
 * @param {import('@polkadot/types/types').IMethod} method
 * @param {{ metadataHash?: string }} [options]
 */
function payloadOf(method, { metadataHash } = {}) {
  const { registry, version } = polkadot();
  return registry
    .createType(
      'ExtrinsicPayload',
      {
        method: method.toHex(),
        era: registry.createType('ExtrinsicEra', { current: 1_000, period: 64 }),
        nonce: 7,
        tip: 0n,
        specVersion: version.specVersion,
        transactionVersion: version.transactionVersion,
        genesisHash: POLKADOT_GENESIS,
        blockHash: BLOCK_HASH,
        mode: metadataHash === undefined ? 0 : 1,
        metadataHash,
      },
      { version: 4 },
    )
    .toU8a();
}

const transfer = () => txOf('balances', 'transferKeepAlive')(BOB, (15n * DOT) / 10n);

function batch() {
  return txOf(
    'utility',
    'batchAll',
  )([
    txOf('balances', 'transferKeepAlive')(BOB, DOT),
    txOf('balances', 'transferKeepAlive')(CHARLIE, 2n * DOT),
    txOf('system', 'remark')('payroll for March'),
    txOf('staking', 'bondExtra')(5n * DOT),
    txOf('balances', 'transferAllowDeath')(ALICE, 3n * DOT),
    txOf('balances', 'transferKeepAlive')(ALICE, 4n * DOT),
  ]);
}

/**
 * What the key signs for a payload, as polkadot.js signs it: without the length prefix, hashed over 256 bytes.
 * @param {Uint8Array} payload
 */
export function signedBytes(payload) {
  const [offset] = compactFromU8a(payload);
  const unprefixed = payload.slice(offset);
  return unprefixed.length > 256 ? blake2AsU8a(unprefixed, 256) : unprefixed;
}

/**
 * The three requests signed: each with what it carries, what the key signs and the call it shows.
 * @returns {{ name: string, label: string, request: Uint8Array, payload: Uint8Array, call: string, checkedBy: string }[]}
 */
export function signingRequests() {
  const transferPayload = payloadOf(transfer());
  const batchPayload = payloadOf(batch());
  if (signedBytes(batchPayload).length !== 32) throw new Error('the batch is not over 256 bytes');
  const { merkleizer } = polkadot();
  const provenPayload = payloadOf(transfer(), { metadataHash: u8aToHex(merkleizer.digest()) });
  const proof = merkleizer.getProofForExtrinsicPayload(provenPayload.slice(compactFromU8a(provenPayload)[0]));
  const sender = encodeAddress(ALICE);
  return [
    {
      name: 'transfer',
      label: '`balances.transferKeepAlive`, stored V15 metadata',
      request: createSignPayload(sender, CMD_TRANSACTION, transferPayload, POLKADOT_GENESIS),
      payload: transferPayload,
      call: 'Balances.transfer_keep_alive',
      checkedBy: 'stored-metadata',
    },
    {
      name: 'batch',
      label: `\`utility.batchAll\` of 6 calls (${batchPayload.length} bytes), stored V15 metadata`,
      request: createSignPayload(sender, CMD_TRANSACTION, batchPayload, POLKADOT_GENESIS),
      payload: batchPayload,
      call: 'Utility.batch_all',
      checkedBy: 'stored-metadata',
    },
    {
      name: 'proof',
      label: `the same transfer with a metadata proof (action 06, a ${proof.length.toLocaleString('en')}-byte proof)`,
      request: u8aConcat(
        [0x53, SR25519, ACTION_PROOF_TRANSACTION],
        hexToU8a(ALICE),
        proof,
        provenPayload,
        hexToU8a(POLKADOT_GENESIS),
      ),
      payload: provenPayload,
      call: 'Balances.transfer_keep_alive',
      checkedBy: 'metadata-proof',
    },
  ];
}
