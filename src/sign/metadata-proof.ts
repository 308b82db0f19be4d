/**
 * A transaction that carries an RFC-0078 metadata proof (a UOS request's action 06), shown
 * with no stored metadata: the proof is checked against its own Merkle tree, the transaction
 * decoded with the proof's types alone, and signed only when it commits, through
 * `CheckMetadataHash` mode 1, to the metadata hash the proof stands for. A chain then rejects
 * the transaction unless its own metadata is the one the person was shown the transaction by.
 */
import { UserError } from '../errors.js';
import { printable } from '../printable.js';
import { networkOfGenesis } from '../vault/networks.js';
import { ProofDecoder } from './proof-decode.js';
import { decodeExtensions, extensionsView } from './proof-extensions.js';
import { ProofReader } from './proof-reader.js';
import { ProofTypes, type TypeRef } from './proof-types.js';
import { proofDigest, readProof } from './proof-verify.js';
import { callView, type ViewContext } from './proof-view.js';
import type { CallView, ChainView, NameOf, TransactionView } from './view.js';
import type { Proof } from '@polkadot-api/merkleize-metadata';

export interface ProofRequest {
  /** What follows the public key and precedes the genesis hash in an action-06 request. */
  payload: Uint8Array;
  /** The request's genesis hash, `0x` hex. */
  genesisHash: string;
  nameOf: NameOf;
}

export interface ProofTransaction {
  transaction: TransactionView;
  chain: ChainView;
  /** The metadata hash the proof stands for, `0x` hex: the one the transaction signs. */
  digest: string;
  /** `compact(length) ‖ call ‖ extensions`, as a transaction payload without a proof is. */
  signedPayload: Uint8Array;
}

const REMAKE_HINT = 'make the request again from the wallet, for this chain';

export function decodeProofTransaction(request: ProofRequest): ProofTransaction {
  const { proof, length } = readProof(request.payload);
  const digest = hexOf(proofDigest(proof));
  const signedPayload = request.payload.slice(length);
  const { call, extensions } = splitPayload(signedPayload);
  const chain = chainOf(proof.info, request.genesisHash);
  const types = new ProofTypes(proof.leaves);
  const { callTy } = proof.extrinsic;
  const context: ViewContext = {
    chain,
    nameOf: request.nameOf,
    callTypeId: callTy.tag === 'perId' ? callTy.value : undefined,
  };
  // The extensions first: a call is not worth decoding unless the transaction commits to the proof.
  const extensionsShown = extensionsOf(extensions, proof.extrinsic, types, context);
  requireCommitment(extensionsShown, { digest, genesisHash: request.genesisHash, specVersion: proof.info.specVersion });
  const callShown = callOf(call, callTy, types, context);
  return { transaction: { call: callShown, extensions: extensionsShown }, chain, digest, signedPayload };
}

function extensionsOf(
  bytes: Uint8Array,
  extrinsic: Proof['extrinsic'],
  types: ProofTypes,
  context: ViewContext,
): TransactionView['extensions'] {
  const reader = new ProofReader(bytes, 'the extensions');
  const decoded = decodeExtensions(extrinsic, new ProofDecoder(types, reader));
  if (reader.remaining > 0) reader.refuse('bytes left over after the last extension');
  return extensionsView(decoded, context);
}

function callOf(bytes: Uint8Array, callTy: TypeRef, types: ProofTypes, context: ViewContext): CallView {
  const reader = new ProofReader(bytes, 'the call');
  const call = callView(new ProofDecoder(types, reader).decode(callTy), context);
  if (!call) return reader.refuse('it is not a call of the runtime');
  if (reader.remaining > 0) reader.refuse('bytes left over after its last argument');
  return call;
}

/** `compact(length) ‖ call ‖ extensions`, split. */
function splitPayload(payload: Uint8Array): { call: Uint8Array; extensions: Uint8Array } {
  const reader = new ProofReader(payload, 'the transaction');
  const call = reader.take(reader.count());
  return { call, extensions: reader.take(reader.remaining) };
}

/** What makes the proof binding: the chain checks the hash signed against its own metadata. */
function requireCommitment(
  extensions: TransactionView['extensions'],
  expected: { digest: string; genesisHash: string; specVersion: number },
): void {
  const { metadataHash } = extensions;
  if (metadataHash?.mode !== 1) {
    throw new UserError(
      'the transaction carries a metadata proof but does not sign a metadata hash (CheckMetadataHash mode 0)',
      'without the hash the chain would not check that this is the metadata shown: make the request again with the metadata hash enabled',
    );
  }
  if (metadataHash.hash !== expected.digest) {
    throw new UserError(
      'the metadata hash the transaction signs is not the hash of the metadata its proof carries',
      'what is shown could differ from what the chain runs: make the request again from the wallet',
    );
  }
  if (extensions.genesisHash.toLowerCase() !== expected.genesisHash.toLowerCase()) {
    throw new UserError('the transaction is for another chain than the request says', REMAKE_HINT);
  }
  if (extensions.specVersion !== expected.specVersion) {
    throw new UserError(
      `the transaction is for runtime version ${extensions.specVersion}, its proof for ${expected.specVersion}`,
      REMAKE_HINT,
    );
  }
}

/** The chain as the proof gives it (the hash covers these), named as the registry knows it. */
function chainOf(info: Proof['info'], genesisHash: string): ChainView {
  const known = networkOfGenesis(genesisHash);
  const specName = printable(info.specName, { limit: 64 });
  return {
    name: known?.name ?? specName,
    displayName: known?.displayName ?? specName,
    genesisHash: genesisHash.toLowerCase(),
    ss58Prefix: info.base58Prefix,
    decimals: info.decimals,
    token: printable(info.tokenSymbol, { limit: 16 }),
  };
}

const hexOf = (bytes: Uint8Array): string => `0x${Buffer.from(bytes).toString('hex')}`;
